"""The organizer's awards: create, criteria, nominations, jurors, scoring progress, close, rank, publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from smexchange.awards import queries
from smexchange.awards.access import access_award_as_organizer
from smexchange.awards.enums import AwardStatus
from smexchange.awards.forms import AwardForm, CriterionForm, JurorForm, NominationForm
from smexchange.awards.services import (
    add_criterion,
    add_juror,
    add_standard_criteria,
    close_jury,
    create_award,
    nominate,
    open_scoring,
    publish_laureates,
)
from smexchange.common.exceptions import DomainError
from smexchange.common.feedback import errors_as_messages
from smexchange.events.access import access_event_as_organizer


def _back(slug: str, award_slug: str) -> HttpResponse:
    return redirect("awards:manage", slug=slug, award_slug=award_slug)


@login_required
def award_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = AwardForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        standard = data.pop("standard_criteria")
        with errors_as_messages(request):
            award = create_award(event, **data)
            if standard:
                add_standard_criteria(award)
            messages.success(request, _("%(award)s created.") % {"award": award.name})
            return _back(slug, award.slug)
    context = {"event": event, "awards": queries.awards_with_counts(event), "form": form}
    return render(request, "awards/organizer_list.html", context)


@login_required
def manage(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    award = access_award_as_organizer(request.user, slug, award_slug)
    done = queries.is_done(award)
    context = {
        "event": award.event,
        "award": award,
        "criteria": award.criteria.all(),
        "nominations": queries.nominations_of(award),
        "progress": queries.scoring_progress(award),
        "ranking": queries.award_ranking(award) if done else [],
        "laureates": queries.laureates_of(award),
        "nominating": award.status == AwardStatus.NOMINATING,
        "jury_open": award.status in (AwardStatus.NOMINATING, AwardStatus.SCORING),
        "scoring": award.status == AwardStatus.SCORING,
        "closed": award.status == AwardStatus.CLOSED,
        "done": done,
        "criterion_form": CriterionForm(),
        "nomination_form": NominationForm(award=award),
        "juror_form": JurorForm(),
    }
    return render(request, "awards/manage.html", context)


@login_required
@require_POST
def add_criterion_view(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    award = access_award_as_organizer(request.user, slug, award_slug)
    form = CriterionForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            add_criterion(award, **form.cleaned_data)
    else:
        messages.error(request, _("A criterion needs a name and a weight."))
    return _back(slug, award_slug)


@login_required
@require_POST
def nominate_view(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    award = access_award_as_organizer(request.user, slug, award_slug)
    form = NominationForm(request.POST, award=award)
    if form.is_valid():
        with errors_as_messages(request):
            nomination = nominate(award, **form.cleaned_data)
            messages.success(request, _("%(nominee)s nominated.") % {"nominee": nomination.nominee_name})
    else:
        messages.error(request, _("A nomination needs a participant of this event and a citation."))
    return _back(slug, award_slug)


@login_required
@require_POST
def add_juror_view(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    award = access_award_as_organizer(request.user, slug, award_slug)
    form = JurorForm(request.POST)
    with errors_as_messages(request):
        if not form.is_valid():
            raise DomainError(_("Enter the e-mail address of the juror's account."))
        email = form.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).order_by("id").first()
        if user is None:
            raise DomainError(_("No account has the e-mail address %(email)s.") % {"email": email})
        juror = add_juror(award, user=user)
        messages.success(request, _("%(juror)s joined the jury.") % {"juror": juror.display_name})
    return _back(slug, award_slug)


_ACTIONS = {
    "open-scoring": (open_scoring, gettext_lazy("Nominations are closed; the jury may now score.")),
    "close-jury": (close_jury, gettext_lazy("The jury is closed; the ranking is final.")),
}


@login_required
@require_POST
def change_status(request: HttpRequest, slug: str, award_slug: str, action: str) -> HttpResponse:
    award = access_award_as_organizer(request.user, slug, award_slug)
    with errors_as_messages(request):
        if action == "publish":
            laureates = publish_laureates(award)
            count = len(laureates)
            messages.success(
                request,
                ngettext("%(count)d laureate published.", "%(count)d laureates published.", count)
                % {"count": count},
            )
        elif action in _ACTIONS:
            operation, done = _ACTIONS[action]
            operation(award)
            messages.success(request, str(done))
        else:
            raise Http404
    return _back(slug, award_slug)
