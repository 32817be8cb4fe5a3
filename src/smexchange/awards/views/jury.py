"""A juror's page: their own score cards while the jury scores, the ranking once it has closed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from smexchange.awards import queries
from smexchange.awards.access import access_juror, access_nomination_as_juror
from smexchange.awards.enums import AwardStatus
from smexchange.awards.forms import ConflictForm, score_card_values
from smexchange.awards.services import declare_conflict, record_scores
from smexchange.common.feedback import errors_as_messages


def _back(slug: str, award_slug: str, anchor: str = "") -> HttpResponse:
    response = redirect("awards:jury", slug=slug, award_slug=award_slug)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
def jury_home(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    juror = access_juror(request.user, slug, award_slug)
    award = juror.award
    criteria = list(award.criteria.all())
    done = queries.is_done(award)
    own = queries.own_scores(juror)
    conflicts = queries.juror_conflicts(juror)
    cards = [
        {
            "nomination": nomination,
            "conflict": conflicts.get(nomination.pk),
            "scores": [(criterion, own.get(nomination.pk, {}).get(criterion.pk)) for criterion in criteria],
            "complete": len(own.get(nomination.pk, {})) == len(criteria),
        }
        for nomination in queries.nominations_of(award)
    ]
    context = {
        "event": award.event,
        "award": award,
        "juror": juror,
        "criteria": criteria,
        "cards": cards,
        "scoring": award.status == AwardStatus.SCORING,
        "done": done,
        "ranking": queries.award_ranking(award) if done else [],
        "conflict_form": ConflictForm(),
    }
    return render(request, "awards/jury.html", context)


@login_required
@require_POST
def score(request: HttpRequest, slug: str, award_slug: str, pk: int) -> HttpResponse:
    juror = access_juror(request.user, slug, award_slug)
    nomination = access_nomination_as_juror(juror, pk)
    with errors_as_messages(request):
        record_scores(juror, nomination, score_card_values(request.POST, list(juror.award.criteria.all())))
        messages.success(
            request, _("Your scores for %(nominee)s are saved.") % {"nominee": nomination.nominee_name}
        )
    return _back(slug, award_slug, f"nomination-{nomination.pk}")


@login_required
@require_POST
def conflict(request: HttpRequest, slug: str, award_slug: str, pk: int) -> HttpResponse:
    juror = access_juror(request.user, slug, award_slug)
    nomination = access_nomination_as_juror(juror, pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A declared conflict of interest needs a reason."))
        return _back(slug, award_slug, f"nomination-{nomination.pk}")
    with errors_as_messages(request):
        _conflict, removed = declare_conflict(juror, nomination, reason=form.cleaned_data["reason"])
        declared = _("Conflict of interest with %(nominee)s declared: you do not score this nominee.") % {
            "nominee": nomination.nominee_name
        }
        if removed:
            declared += " " + ngettext(
                "Your %(count)d score for this nominee was removed.",
                "Your %(count)d scores for this nominee were removed.",
                removed,
            ) % {"count": removed}
        messages.success(request, declared)
    return _back(slug, award_slug, f"nomination-{nomination.pk}")
