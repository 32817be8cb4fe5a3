"""A participant's follow-up of a meeting, recorded from their agenda."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.exceptions import DomainError
from smexchange.common.feedback import errors_as_messages
from smexchange.outcomes.access import access_meeting_of
from smexchange.outcomes.forms import COMMON_CURRENCIES, FollowUpForm
from smexchange.outcomes.models import Deal, MeetingFollowUp
from smexchange.outcomes.services.deals import create_deal_from_follow_up
from smexchange.outcomes.services.follow_ups import record_follow_up


def initial_of(follow_up: MeetingFollowUp | None) -> dict[str, Any]:
    if follow_up is None:
        return {}
    return {
        "result": follow_up.result,
        "cooperation_type": follow_up.cooperation_type,
        "estimated_value": follow_up.estimated_value,
        "currency": follow_up.currency,
        "next_step": follow_up.next_step,
    }


def record_from_form(form: FollowUpForm, **kwargs: Any) -> MeetingFollowUp | None:
    """Record through the service; a refused record becomes an error on the form."""
    data = form.cleaned_data
    try:
        return record_follow_up(
            result=data["result"],
            cooperation_type=data["cooperation_type"],
            estimated_value=data["estimated_value"],
            currency=data["currency"],
            next_step=data["next_step"],
            **kwargs,
        )
    except DomainError as error:
        form.add_error(None, error)
        return None


@login_required
def follow_up(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    me, meeting = access_meeting_of(request.user, slug, pk)
    existing = MeetingFollowUp.objects.filter(meeting=meeting, organization=me.organization).first()
    form = FollowUpForm(request.POST or None, initial=initial_of(existing))
    if request.method == "POST" and form.is_valid():
        recorded = record_from_form(
            form, meeting=meeting, organization=me.organization, recorded_by=request.user
        )
        if recorded is not None:
            messages.success(
                request, _("Follow-up recorded: %(result)s.") % {"result": recorded.get_result_display()}
            )
            return redirect("outcomes:follow_up", slug=slug, pk=pk)
    other = meeting.b if meeting.a.organization_id == me.organization_id else meeting.a
    context = {
        "event": me.event,
        "me": me,
        "meeting": meeting,
        "other": other,
        "follow_up": existing,
        "deal": Deal.objects.filter(meeting=meeting).first(),
        "form": form,
        "currencies": COMMON_CURRENCIES,
    }
    return render(request, "outcomes/follow_up.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def open_deal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    me, meeting = access_meeting_of(request.user, slug, pk)
    follow_up = MeetingFollowUp.objects.filter(meeting=meeting, organization=me.organization).first()
    if follow_up is None:
        messages.error(request, _("Record the follow-up first."))
        return redirect("outcomes:follow_up", slug=slug, pk=pk)
    with errors_as_messages(request):
        deal = create_deal_from_follow_up(follow_up, by=request.user)
        messages.success(request, _("Deal opened: %(title)s.") % {"title": deal.title})
        return redirect("outcomes:deal_detail", pk=deal.pk)
    return redirect("outcomes:follow_up", slug=slug, pk=pk)
