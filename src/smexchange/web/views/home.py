from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smexchange.directory.models import CooperationProfile, Organization
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event, Registration
from smexchange.events.queries import public_events


def home(request: HttpRequest) -> HttpResponse:
    published = Event.objects.published()
    totals = {
        "events": published.count(),
        "participants": Registration.objects.filter(
            event__in=published, status__in=ATTENDING_STATUSES
        ).count(),
        "organizations": Organization.objects.count(),
        "alliance_members": Organization.objects.filter(alliance_member_since__isnull=False).count(),
        "opportunities": CooperationProfile.objects.published().count(),
        "countries": Organization.objects.aggregate(n=Count("country", distinct=True, filter=Q(kind="sme")))[
            "n"
        ],
    }
    context = {"totals": totals, "recent_events": public_events()[:6]}
    return render(request, "web/home.html", context)
