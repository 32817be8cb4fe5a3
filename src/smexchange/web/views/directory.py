from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from smexchange.common.pagination import paginate, query_without_page
from smexchange.directory import queries
from smexchange.directory.models import Organization, Person
from smexchange.directory.queries import visible_partners
from smexchange.events.queries import events_attended_by
from smexchange.matchmaking.queries import recommended_partners
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
        "profiles": queries.published_profiles_of(organization, viewer=request.user),
        "events": events_attended_by(organization),
        "members_count": organization.members.count() if organization.kind == "association" else None,
    }
    return render(request, "web/organization_detail.html", context)


def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    page = paginate(request, queries.filter_opportunities(form.filters(), viewer=request.user), per_page=20)
    context = {"form": form, "page": page, "query": query_without_page(request)}
    return render(request, "web/opportunity_list.html", context)


@login_required
def recommended_for_you(request: HttpRequest) -> HttpResponse:
    """Partners the matching engine recommends to the signed-in delegate's organization."""
    person = Person.objects.filter(user=request.user).select_related("organization").first()
    if person is None:
        raise Http404
    context = {
        "organization": person.organization,
        "recommendations": recommended_partners(person.organization).filter(
            partner__in=visible_partners(request.user)
        ),
    }
    return render(request, "web/recommended.html", context)
