"""Business operations on awards: set-up, nominations, the jury's work, closing, ranking, publishing.

Every operation that depends on the award's status locks the award's row first, so that a score
and the closing of the jury cannot interleave: a score either lands before the jury closed, or is
refused after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.awards import queries
from smexchange.awards.enums import JURY_OPEN_STATUSES, AwardStatus
from smexchange.awards.models import (
    SCALE_CEILING,
    SCALE_FLOOR,
    Award,
    ConflictOfInterest,
    Criterion,
    Juror,
    Laureate,
    Nomination,
    Score,
)
from smexchange.common.exceptions import DomainError
from smexchange.directory.models import Organization, Person
from smexchange.events.enums import ProgrammeKind
from smexchange.events.models import Event, ProgrammeItem

# The six criteria of the alliance's Top Ten SME Entrepreneurs award, with their weights.
STANDARD_CRITERIA: tuple[tuple[str, str, Decimal], ...] = (
    ("Innovation", "创新能力", Decimal("2")),
    ("Vision", "战略眼光", Decimal("1.5")),
    ("International outlook", "国际视野", Decimal("1.5")),
    ("Social responsibility", "社会责任", Decimal("1")),
    ("Environmental practice", "环保实践", Decimal("1")),
    ("Management excellence", "卓越管理", Decimal("1")),
)


def _locked(award: Award) -> Award:
    """The award's row, locked for this transaction and read afresh (its status may have moved)."""
    return Award.objects.select_for_update().select_related("event").get(pk=award.pk)


def _status_is(award: Award, *allowed: str, doing: str) -> None:
    if award.status not in allowed:
        raise DomainError(
            _("%(award)s (%(status)s): %(doing)s is not possible now.")
            % {"award": award.name, "status": award.get_status_display(), "doing": doing}
        )


@transaction.atomic
def create_award(
    event: Event,
    *,
    slug: str,
    name: str,
    year: int,
    name_zh: str = "",
    description: str = "",
    description_zh: str = "",
    ceremony: ProgrammeItem | None = None,
    laureate_count: int = 10,
    scale_min: Decimal = Decimal("0"),
    scale_max: Decimal = Decimal("10"),
) -> Award:
    """A new award of `event`, open for nominations; raises DomainError naming what is wrong."""
    if ceremony is not None and (
        ceremony.event_id != event.pk or ceremony.kind != ProgrammeKind.AWARD_PRESENTATION
    ):
        raise DomainError(
            _("%(item)s is not an award presentation of %(event)s.")
            % {"item": ceremony.title, "event": event.name}
        )
    if not (SCALE_FLOOR <= scale_min < scale_max <= SCALE_CEILING):
        raise DomainError(
            _("The scale %(low)s–%(high)s is not a range within %(floor)s–%(ceiling)s.")
            % {
                "low": number(scale_min),
                "high": number(scale_max),
                "floor": number(SCALE_FLOOR),
                "ceiling": number(SCALE_CEILING),
            }
        )
    award = Award(
        event=event,
        ceremony=ceremony,
        slug=slug,
        name=name,
        name_zh=name_zh,
        year=year,
        description=description,
        description_zh=description_zh,
        laureate_count=laureate_count,
        scale_min=scale_min,
        scale_max=scale_max,
    )
    try:
        award.full_clean()
    except ValidationError as error:
        raise DomainError(error.messages) from None
    award.save()
    return award


@transaction.atomic
def add_criterion(
    award: Award, *, name: str, weight: Decimal, name_zh: str = "", position: int | None = None
) -> Criterion:
    """A weighted criterion; only while nominations are open (the jury scores against a fixed set)."""
    award = _locked(award)
    _status_is(award, AwardStatus.NOMINATING, doing=_("changing the criteria"))
    if weight <= 0:
        raise DomainError(_("The weight of %(criterion)s must be above zero.") % {"criterion": name})
    if award.criteria.filter(name=name).exists():
        raise DomainError(
            _("%(award)s already has a criterion %(criterion)s.") % {"award": award.name, "criterion": name}
        )
    if position is None:
        position = award.criteria.count()
    return Criterion.objects.create(award=award, name=name, name_zh=name_zh, weight=weight, position=position)


def add_standard_criteria(award: Award) -> list[Criterion]:
    """The six criteria of the Top Ten SME Entrepreneurs award (those the award does not have yet)."""
    present = set(award.criteria.values_list("name", flat=True))
    return [
        add_criterion(award, name=name, name_zh=name_zh, weight=weight)
        for name, name_zh, weight in STANDARD_CRITERIA
        if name not in present
    ]


@transaction.atomic
def nominate(
    award: Award,
    *,
    citation: str,
    person: Person | None = None,
    organization: Organization | None = None,
    citation_zh: str = "",
    nominated_at: dt.datetime | None = None,
) -> Nomination:
    """Nominate a person (for their organization unless another is named) or an organization.

    Only while nominations are open; a nominee is nominated once per award.
    """
    award = _locked(award)
    _status_is(award, AwardStatus.NOMINATING, doing=_("nominating"))
    if person is None and organization is None:
        raise DomainError(_("A nomination names a person or an organization."))
    if not citation.strip():
        raise DomainError(_("A nomination needs a citation saying why."))
    if person is not None and organization is None:
        organization = person.organization
    duplicate = (
        award.nominations.filter(person=person)
        if person is not None
        else award.nominations.filter(person__isnull=True, organization=organization)
    )
    if duplicate.exists():
        nominee = person.display_name if person is not None else organization.display_name  # type: ignore[union-attr]
        raise DomainError(
            _("%(nominee)s is already nominated for %(award)s.") % {"nominee": nominee, "award": award.name}
        )
    return Nomination.objects.create(
        award=award,
        person=person,
        organization=organization,
        citation=citation.strip(),
        citation_zh=citation_zh.strip(),
        nominated_at=nominated_at or timezone.now(),
    )


@transaction.atomic
def add_juror(award: Award, *, user: Any, person: Person | None = None) -> Juror:
    """Put a user on the jury (shown as `person`, or the user's own directory entry) while it is at work."""
    award = _locked(award)
    _status_is(award, *JURY_OPEN_STATUSES, doing=_("adding a juror"))
    if person is None:
        person = Person.objects.filter(user=user).first()
    try:
        with transaction.atomic():
            return Juror.objects.create(award=award, user=user, person=person)
    except IntegrityError:
        raise DomainError(
            _("%(user)s is already on the jury of %(award)s.")
            % {"user": user.get_username(), "award": award.name}
        ) from None


@transaction.atomic
def open_scoring(award: Award) -> Award:
    """Close nominations and let the jury score; needs criteria, nominations and jurors."""
    award = _locked(award)
    _status_is(award, AwardStatus.NOMINATING, doing=_("opening the scoring"))
    missing = [
        label
        for label, present in (
            (_("criteria"), award.criteria.exists()),
            (_("nominations"), award.nominations.exists()),
            (_("jurors"), award.jurors.exists()),
        )
        if not present
    ]
    if missing:
        raise DomainError(
            _("%(award)s has no %(missing)s yet: the jury cannot score.")
            % {"award": award.name, "missing": ", ".join(missing)}
        )
    award.status = AwardStatus.SCORING
    award.save(update_fields=["status"])
    return award


@transaction.atomic
def declare_conflict(juror: Juror, nomination: Nomination, *, reason: str) -> tuple[ConflictOfInterest, int]:
    """A juror declares a conflict of interest with a nominee, while the jury is at work.

    From then on the juror cannot score that nominee, and any scores they already gave it are
    deleted in the same transaction, so the conflicted juror counts neither for nor against it.
    Returns the conflict and the number of scores removed.
    """
    award = _locked(juror.award)
    _status_is(award, *JURY_OPEN_STATUSES, doing=_("declaring a conflict of interest"))
    if nomination.award_id != award.pk:
        raise DomainError(
            _("%(nominee)s is not a nominee of %(award)s.")
            % {"nominee": nomination.nominee_name, "award": award.name}
        )
    if not reason.strip():
        raise DomainError(_("A declared conflict of interest needs a reason."))
    conflict, created = ConflictOfInterest.objects.get_or_create(
        juror=juror, nomination=nomination, defaults={"reason": reason.strip()}
    )
    if not created:
        raise DomainError(
            _("%(juror)s has already declared a conflict with %(nominee)s.")
            % {"juror": juror.display_name, "nominee": nomination.nominee_name}
        )
    removed, _detail = Score.objects.filter(juror=juror, nomination=nomination).delete()
    return conflict, removed


def number(value: Decimal) -> str:
    """A score or bound as people write it: 10, 7.5 (not 10.0)."""
    return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"


def _checked_value(award: Award, nomination: Nomination, criterion: Criterion, raw: object) -> Decimal:
    what = {"nominee": nomination.nominee_name, "criterion": criterion.name}
    if raw is None or str(raw).strip() == "":
        raise DomainError(_("The score for %(nominee)s on %(criterion)s is missing.") % what)
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise DomainError(_("The score for %(nominee)s on %(criterion)s is not a number.") % what) from None
    if not value.is_finite() or not (award.scale_min <= value <= award.scale_max):
        raise DomainError(
            _("The score %(value)s for %(nominee)s on %(criterion)s is outside the scale %(low)s–%(high)s.")
            % {**what, "value": raw, "low": number(award.scale_min), "high": number(award.scale_max)}
        )
    if value != value.quantize(Decimal("0.1")):
        raise DomainError(
            _("The score %(value)s for %(nominee)s on %(criterion)s has more than one decimal place.")
            % {**what, "value": raw}
        )
    return value


@transaction.atomic
def record_scores(juror: Juror, nomination: Nomination, values: Mapping[Criterion, object]) -> list[Score]:
    """Record (or change) a juror's scores of a nominee, criterion by criterion; all or nothing.

    Refused, with nothing saved, when: the jury is not scoring (before it opens or after it
    closed), the nominee belongs to another award, the juror is the nominee, the juror declared a
    conflict with it, a criterion belongs to another award, or a value is missing, not a number,
    outside the award's scale or finer than one decimal place.
    """
    award = _locked(juror.award)
    if award.status != AwardStatus.SCORING:
        raise DomainError(
            _(
                "%(award)s (%(status)s): the score for %(nominee)s was not saved; scores are taken only while the jury is scoring."
            )
            % {"award": award.name, "status": award.get_status_display(), "nominee": nomination.nominee_name}
        )
    if nomination.award_id != award.pk:
        raise DomainError(
            _("%(nominee)s is not a nominee of %(award)s.")
            % {"nominee": nomination.nominee_name, "award": award.name}
        )
    if juror.person_id is not None and juror.person_id == nomination.person_id:
        raise DomainError(
            _("%(juror)s is the nominee and cannot score their own nomination.")
            % {"juror": juror.display_name}
        )
    if ConflictOfInterest.objects.filter(juror=juror, nomination=nomination).exists():
        raise DomainError(
            _("%(juror)s declared a conflict of interest with %(nominee)s and cannot score this nominee.")
            % {"juror": juror.display_name, "nominee": nomination.nominee_name}
        )
    checked: list[tuple[Criterion, Decimal]] = []
    for criterion, raw in values.items():
        if criterion.award_id != award.pk:
            raise DomainError(
                _("%(criterion)s is not a criterion of %(award)s.")
                % {"criterion": criterion.name, "award": award.name}
            )
        checked.append((criterion, _checked_value(award, nomination, criterion, raw)))
    scores = []
    for criterion, value in checked:
        score, _created = Score.objects.update_or_create(
            juror=juror, nomination=nomination, criterion=criterion, defaults={"value": value}
        )
        scores.append(score)
    return scores


@transaction.atomic
def close_jury(award: Award) -> Award:
    """End the scoring: from now on no score changes, and jurors see the ranking."""
    award = _locked(award)
    _status_is(award, AwardStatus.SCORING, doing=_("closing the jury"))
    award.status = AwardStatus.CLOSED
    award.closed_at = timezone.now()
    award.save(update_fields=["status", "closed_at"])
    return award


@transaction.atomic
def publish_laureates(award: Award) -> list[Laureate]:
    """Publish the top places of the closed jury's ranking as the laureates (at most `laureate_count`).

    The laureates are a snapshot: what the public sees does not move if a score is ever changed in
    the admin. Refused while the jury is at work, and when no nominee has a complete score card.
    """
    award = _locked(award)
    _status_is(award, AwardStatus.CLOSED, doing=_("publishing the laureates"))
    ranked = [line for line in queries.award_ranking(award) if line.rank is not None]
    if not ranked:
        raise DomainError(
            _("No nominee of %(award)s has a complete score card: nothing to publish.")
            % {"award": award.name}
        )
    laureates = Laureate.objects.bulk_create(
        Laureate(
            award=award,
            nomination=line.nomination,
            rank=line.rank,
            score=(Decimal(line.score.numerator) / Decimal(line.score.denominator)).quantize(
                Decimal("0.001")
            ),
            jurors=line.jurors,
        )
        for line in ranked[: award.laureate_count]
    )
    award.status = AwardStatus.PUBLISHED
    award.published_at = timezone.now()
    award.save(update_fields=["status", "published_at"])
    return laureates
