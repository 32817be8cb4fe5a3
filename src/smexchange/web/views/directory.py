from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from smexchange.common.pagination import paginate, query_without_page
from smexchange.directory import queries
from smexchange.directory.models import Organization
from smexchange.events.queries import events_attended_by
from smexchange.web.forms import DirectoryFilterForm


def organization_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    page = paginate(request, queries.filter_organizations(form.filters()), per_page=24)
    context = {"form": form, "page": page, "query": query_without_page(request)}
    return render(request, "web/organization_list.html", context)


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(
        Organization.objects.prefetch_related("sectors", "associations"), slug=slug
    )
    context = {
        "organization": organization,
        # Names and titles only: contact details stay private until a meeting is accepted.
        "people": organization.people.only(
            "given_name", "family_name", "name_local", "title", "role", "organization_id"
        ),
        "profiles": queries.published_profiles_of(organization),
        "events": events_attended_by(organization),
        "members_count": organization.members.count() if organization.kind == "association" else None,
    }
    return render(request, "web/organization_detail.html", context)


def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    page = paginate(request, queries.filter_opportunities(form.filters()), per_page=20)
    context = {"form": form, "page": page, "query": query_without_page(request)}
    return render(request, "web/opportunity_list.html", context)
