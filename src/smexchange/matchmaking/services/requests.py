"""Meeting requests between registered participants of one event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.db import bound_lock_waits
from smexchange.common.exceptions import ConflictError, DomainError, RateLimitError
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event, Registration, TimeSlot
from smexchange.matchmaking.enums import OPEN_REQUEST_STATUSES, PreferenceKind, RequestOrigin, RequestStatus
from smexchange.matchmaking.models import MatchmakingPolicy, MeetingRequest, PartnerPreference, Unavailability
from smexchange.matchmaking.services.groups import check_group_quota, check_may_meet


def _check_attending(registration: Registration) -> None:
    if registration.status not in ATTENDING_STATUSES:
        raise DomainError(_("%(person)s is not a confirmed participant.") % {"person": registration.person})


@transaction.atomic
def send_meeting_request(
    requester: Registration,
    *,
    recipient: Registration,
    message: str = "",
    expires_at: dt.datetime | None = None,
    origin: str = RequestOrigin.PARTICIPANT,
) -> MeetingRequest:
    """Ask `recipient` for a meeting; both must be confirmed participants of the same event.

    A second open request from the same requester to the same recipient is refused (the
    database enforces it too, so two concurrent submissions create one row). Requests the
    organizers propose (`origin`) obey who-may-meet-whom and no-thanks but not the limits on
    what a participant may ask for themselves.
    """
    bound_lock_waits()
    if requester.event_id != recipient.event_id:
        raise DomainError(_("Both participants must be registered for the same event."))
    if requester.pk == recipient.pk:
        raise DomainError(_("You cannot request a meeting with yourself."))
    _check_attending(requester)
    _check_attending(recipient)
    check_may_meet(requester, recipient)
    _check_wanted(requester, recipient)
    policy = policy_of(requester.event)
    if origin == RequestOrigin.PARTICIPANT:
        _check_own_limits(requester, policy)
    if expires_at is None and policy.request_expiry_hours:
        expires_at = timezone.now() + dt.timedelta(hours=policy.request_expiry_hours)
    request = MeetingRequest(
        event_id=requester.event_id,
        requester=requester,
        recipient=recipient,
        message=message,
        expires_at=expires_at,
        origin=origin,
    )
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise DomainError(
            _("You have already asked %(person)s for a meeting.") % {"person": recipient.person}
        ) from None
    return request


def _check_own_limits(requester: Registration, policy: MatchmakingPolicy) -> None:
    # Counting then inserting races: two requests sent at once would both see room under the quota.
    # Locking the requester's registration row makes one wait until the other has committed.
    Registration.objects.select_for_update().filter(pk=requester.pk).exists()
    _check_rate(requester)
    check_group_quota(requester)
    if policy.max_requests_per_participant is not None:
        sent = MeetingRequest.objects.filter(requester=requester, status__in=OPEN_REQUEST_STATUSES).count()
        if sent >= policy.max_requests_per_participant:
            raise DomainError(
                _("You have reached the limit of %(limit)s open requests for this event.")
                % {"limit": policy.max_requests_per_participant}
            )


def _check_rate(requester: Registration) -> None:
    """At most SMEX_MEETING_REQUEST_RATE = (count, seconds) requests sent by one participant in a window.

    Against scripts that harvest the participant list by asking everyone; counts withdrawn and
    declined requests too, so withdrawing does not make room.
    """
    limit, seconds = settings.SMEX_MEETING_REQUEST_RATE
    now = timezone.now()
    recent = list(
        MeetingRequest.objects.filter(
            requester=requester,
            origin=RequestOrigin.PARTICIPANT,
            created_at__gte=now - dt.timedelta(seconds=seconds),
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) >= limit:
        retry_after = max(1, int((recent[-1] + dt.timedelta(seconds=seconds) - now).total_seconds()) + 1)
        raise RateLimitError(
            _("You have sent %(count)s requests in a short time; please wait %(minutes)s minutes.")
            % {"count": limit, "minutes": max(1, round(retry_after / 60))},
            retry_after=retry_after,
        )


def _check_wanted(requester: Registration, recipient: Registration) -> None:
    """No request to someone who said no thanks, and one conversation per pair of organizations."""
    if PartnerPreference.objects.filter(
        registration=recipient, other=requester, kind=PreferenceKind.NO_THANKS
    ).exists():
        # Worded so as not to reveal the other side's choice.
        raise DomainError(
            _("%(person)s is not taking meeting requests from you.") % {"person": recipient.person}
        )
    organizations = {requester.organization_id, recipient.organization_id}
    if len(organizations) == 1:
        raise DomainError(_("You cannot request a meeting within your own organization."))
    # The same two people asking each other is a mutual request (weighted higher when scheduling);
    # two other delegates of the same organizations would make a second meeting between them.
    already = (
        MeetingRequest.objects.filter(
            event_id=requester.event_id,
            status__in=OPEN_REQUEST_STATUSES,
            requester__organization_id__in=organizations,
            recipient__organization_id__in=organizations,
        )
        .exclude(requester=requester, recipient=recipient)
        .exclude(requester=recipient, recipient=requester)
    )
    if already.exists():
        raise DomainError(_("Your organizations already have a meeting request at this event."))


@transaction.atomic
def set_partner_preference(registration: Registration, *, other: Registration, kind: str | None) -> None:
    """Mark `other` as must-meet or no-thanks (None clears the mark)."""
    if other.event_id != registration.event_id or other.pk == registration.pk:
        raise DomainError(_("Choose another participant of the same event."))
    if kind is None:
        PartnerPreference.objects.filter(registration=registration, other=other).delete()
        return
    if kind not in PreferenceKind.values:
        raise DomainError(_("Unknown preference."))
    PartnerPreference.objects.update_or_create(
        registration=registration, other=other, defaults={"kind": kind}
    )


def policy_of(event: Event) -> MatchmakingPolicy:
    """The event's matchmaking rules; an event without any has no limits."""
    return MatchmakingPolicy.objects.filter(event=event).first() or MatchmakingPolicy(event=event)


@transaction.atomic
def set_matchmaking_policy(
    event: Event,
    *,
    max_requests_per_participant: int | None,
    max_meetings_per_participant: int | None,
    request_expiry_hours: int | None,
) -> MatchmakingPolicy:
    policy, _created = MatchmakingPolicy.objects.update_or_create(
        event=event,
        defaults={
            "max_requests_per_participant": max_requests_per_participant,
            "max_meetings_per_participant": max_meetings_per_participant,
            "request_expiry_hours": request_expiry_hours,
        },
    )
    return policy


def _locked(request: MeetingRequest) -> MeetingRequest:
    bound_lock_waits()
    return (
        MeetingRequest.objects.select_for_update().select_related("requester", "recipient").get(pk=request.pk)
    )


def _change_status(
    request: MeetingRequest,
    *,
    by: Registration,
    actor: str,
    allowed_from: tuple[str, ...],
    to: str,
    not_actor: str,
    too_late: str,
    answered_at: dt.datetime | None = None,
) -> MeetingRequest:
    """Move a request to `to` under its row lock, so that accept and withdraw race safely."""
    current = _locked(request)
    if getattr(current, f"{actor}_id") != by.pk:
        raise DomainError(not_actor)
    if current.status not in allowed_from:
        # The other side (or another tab) answered or withdrew it first.
        raise ConflictError(too_late % {"status": current.get_status_display()})
    current.status = to
    fields = ["status"]
    if answered_at is not None:
        current.responded_at = answered_at
        fields.append("responded_at")
    current.save(update_fields=fields)
    return current


@transaction.atomic
def accept_meeting_request(
    request: MeetingRequest, *, by: Registration, now: dt.datetime | None = None
) -> MeetingRequest:
    """The recipient accepts a pending request; it is scheduled by the next run.

    A request the organizers' group rules now forbid (they changed after it was sent) cannot be accepted.
    """
    check_may_meet(request.requester, request.recipient)
    return _change_status(
        request,
        by=by,
        actor="recipient",
        allowed_from=(RequestStatus.PENDING,),
        to=RequestStatus.ACCEPTED,
        not_actor=_("Only the recipient can accept a request."),
        too_late=_("This request is %(status)s and can no longer be accepted."),
        answered_at=now or timezone.now(),
    )


@transaction.atomic
def decline_meeting_request(
    request: MeetingRequest, *, by: Registration, now: dt.datetime | None = None
) -> MeetingRequest:
    """The recipient declines a pending request."""
    return _change_status(
        request,
        by=by,
        actor="recipient",
        allowed_from=(RequestStatus.PENDING,),
        to=RequestStatus.DECLINED,
        not_actor=_("Only the recipient can decline a request."),
        too_late=_("This request is %(status)s and can no longer be declined."),
        answered_at=now or timezone.now(),
    )


@transaction.atomic
def withdraw_meeting_request(request: MeetingRequest, *, by: Registration) -> MeetingRequest:
    """The requester withdraws a pending or accepted request; it drops out of the next schedule run."""
    return _change_status(
        request,
        by=by,
        actor="requester",
        allowed_from=(RequestStatus.PENDING, RequestStatus.ACCEPTED),
        to=RequestStatus.WITHDRAWN,
        not_actor=_("Only the requester can withdraw a request."),
        too_late=_("This request is %(status)s and can no longer be withdrawn."),
    )


def expire_meeting_requests(*, now: dt.datetime | None = None) -> int:
    """Pending requests past their expiry stop waiting for an answer, so they block no one."""
    return MeetingRequest.objects.filter(
        status=RequestStatus.PENDING, expires_at__lt=now or timezone.now()
    ).update(status=RequestStatus.EXPIRED)


@transaction.atomic
def set_unavailable_slots(registration: Registration, *, slots: Iterable[TimeSlot]) -> list[TimeSlot]:
    """Replace the participant's unavailable slots; every slot must belong to the participant's event."""
    chosen = list(slots)
    foreign = [slot for slot in chosen if slot.session.event_id != registration.event_id]
    if foreign:
        raise DomainError(_("Time slot %(slot)s belongs to another event.") % {"slot": foreign[0]})
    registration.unavailable_slots.all().delete()
    Unavailability.objects.bulk_create(
        Unavailability(registration=registration, slot=slot) for slot in chosen
    )
    return chosen
