"""Participant groups: who may meet whom at an event, and how many requests each group's members send."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.enums import OPEN_REQUEST_STATUSES
from smexchange.matchmaking.models import (
    MeetingRequest,
    MeetingRule,
    ParticipantGroup,
    ParticipantGroupMember,
)


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DomainError(_("A participant group needs a name."))
    return name


def _save_group(group: ParticipantGroup) -> ParticipantGroup:
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        raise DomainError(
            _("This event already has a participant group called %(name)s.") % {"name": group.name}
        ) from None
    return group


def create_participant_group(
    event: Event, *, name: str, request_quota: int | None = None
) -> ParticipantGroup:
    """A new group of participants; `request_quota` caps the open requests each member may send."""
    return _save_group(ParticipantGroup(event=event, name=_clean_name(name), request_quota=request_quota))


def update_participant_group(
    group: ParticipantGroup, *, name: str, request_quota: int | None
) -> ParticipantGroup:
    """Rename a group and change its request quota."""
    group.name, group.request_quota = _clean_name(name), request_quota
    return _save_group(group)


@transaction.atomic
def delete_participant_group(group: ParticipantGroup) -> None:
    """Remove a group, its memberships and the rules that name it."""
    group.delete()


def _check_same_event(group: ParticipantGroup, registrations: list[Registration]) -> None:
    foreign = [registration for registration in registrations if registration.event_id != group.event_id]
    if foreign:
        raise DomainError(_("%(person)s is not registered for this event.") % {"person": foreign[0].person})


@transaction.atomic
def assign_group_members(
    group: ParticipantGroup, *, registrations: Iterable[Registration]
) -> list[ParticipantGroupMember]:
    """Put registrations of the group's event into `group`, moving them out of any other group."""
    chosen = list(registrations)
    _check_same_event(group, chosen)
    ParticipantGroupMember.objects.filter(registration__in=chosen).exclude(group=group).delete()
    already = set(group.members.values_list("registration_id", flat=True))
    return ParticipantGroupMember.objects.bulk_create(
        ParticipantGroupMember(group=group, registration=registration)
        for registration in chosen
        if registration.pk not in already
    )


@transaction.atomic
def set_group_members(
    group: ParticipantGroup, *, registrations: Iterable[Registration]
) -> list[ParticipantGroupMember]:
    """Make `registrations` the group's members: others leave it, newcomers move in from other groups."""
    chosen = list(registrations)
    _check_same_event(group, chosen)
    group.members.exclude(registration__in=chosen).delete()
    assign_group_members(group, registrations=chosen)
    return list(group.members.order_by("id"))


def _ordered(
    group_a: ParticipantGroup, group_b: ParticipantGroup
) -> tuple[ParticipantGroup, ParticipantGroup]:
    if group_a.event_id != group_b.event_id:
        raise DomainError(_("Both groups must belong to the same event."))
    return (group_a, group_b) if group_a.pk <= group_b.pk else (group_b, group_a)


@transaction.atomic
def allow_group_pair(group_a: ParticipantGroup, *, group_b: ParticipantGroup) -> MeetingRule:
    """Members of the two groups may meet (a group with itself: its members meet one another)."""
    first, second = _ordered(group_a, group_b)
    rule, _created = MeetingRule.objects.get_or_create(event_id=first.event_id, group_a=first, group_b=second)
    return rule


@transaction.atomic
def disallow_group_pair(group_a: ParticipantGroup, *, group_b: ParticipantGroup) -> int:
    """Members of the two groups no longer meet; returns how many rules were removed (0 or 1)."""
    first, second = _ordered(group_a, group_b)
    deleted, _rows = MeetingRule.objects.filter(group_a=first, group_b=second).delete()
    return deleted


@dataclass(frozen=True)
class MeetingRules:
    """An event's rules in memory: each registration's group and the allowed pairs of groups."""

    restricted: bool
    group_of: dict[int, int]
    allowed: frozenset[frozenset[int]]

    def allows(self, a: int, b: int) -> bool:
        if not self.restricted:
            return True
        group_a, group_b = self.group_of.get(a), self.group_of.get(b)
        return group_a is not None and group_b is not None and frozenset((group_a, group_b)) in self.allowed


def meeting_rules_of(event: Event | int) -> MeetingRules:
    event_id = event if isinstance(event, int) else event.pk
    pairs = list(MeetingRule.objects.filter(event_id=event_id).values_list("group_a_id", "group_b_id"))
    if not pairs:
        return MeetingRules(False, {}, frozenset())
    group_of = dict(
        ParticipantGroupMember.objects.filter(group__event_id=event_id).values_list(
            "registration_id", "group_id"
        )
    )
    return MeetingRules(True, group_of, frozenset(frozenset(pair) for pair in pairs))


def _group_of(registration: Registration) -> ParticipantGroup | None:
    membership = (
        ParticipantGroupMember.objects.filter(registration=registration).select_related("group").first()
    )
    return membership.group if membership else None


def may_meet(a: Registration, b: Registration) -> bool:
    """Whether the organizers arrange meetings between `a` and `b` (same event assumed)."""
    if not MeetingRule.objects.filter(event_id=a.event_id).exists():
        return True
    group_a, group_b = _group_of(a), _group_of(b)
    if group_a is None or group_b is None:
        return False
    first, second = _ordered(group_a, group_b)
    return MeetingRule.objects.filter(group_a=first, group_b=second).exists()


def allowed_partners(
    registration: Registration, candidates: QuerySet[Registration]
) -> QuerySet[Registration]:
    """`candidates` narrowed to those `registration` may meet under the event's rules."""
    if not MeetingRule.objects.filter(event_id=registration.event_id).exists():
        return candidates
    group = _group_of(registration)
    if group is None:
        return candidates.none()
    partner_groups = {
        other
        for pair in MeetingRule.objects.filter(event_id=registration.event_id).values_list(
            "group_a_id", "group_b_id"
        )
        if group.pk in pair
        for other in pair
        if other != group.pk or pair[0] == pair[1]
    }
    return candidates.filter(group_memberships__group_id__in=partner_groups)


def check_may_meet(requester: Registration, recipient: Registration) -> None:
    if not may_meet(requester, recipient):
        raise DomainError(
            _("Organizers of this event do not arrange meetings between %(a)s and %(b)s.")
            % {"a": _group_label(requester), "b": _group_label(recipient)}
        )


def _group_label(registration: Registration) -> str:
    group = _group_of(registration)
    return group.name if group else _("participants without a group")


def check_group_quota(requester: Registration) -> None:
    """A member of a group with a quota may have at most that many open requests."""
    group = _group_of(requester)
    if group is None or group.request_quota is None:
        return
    sent = MeetingRequest.objects.filter(requester=requester, status__in=OPEN_REQUEST_STATUSES).count()
    if sent >= group.request_quota:
        raise DomainError(
            _("Your group may send at most %(limit)s requests.") % {"limit": group.request_quota}
        )
