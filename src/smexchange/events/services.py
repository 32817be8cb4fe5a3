"""Business operations on events: set-up, programme, registration, booths, tables and slots."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from smexchange.common.audit import record_audit
from smexchange.common.exceptions import DomainError
from smexchange.common.models import AuditAction
from smexchange.directory.models import Organization, Person
from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import (
    Booth,
    Event,
    EventPartner,
    EventTeamMember,
    MatchmakingSession,
    ProgrammeItem,
    ProgrammeSpeaker,
    Registration,
    SessionBreak,
    Table,
    TimeSlot,
)
from smexchange.events.validators import validate_no_overlap


@transaction.atomic
def create_event(
    *,
    slug: str,
    name: str,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date,
    time_zone: str,
    city: str,
    country: str,
    name_zh: str = "",
    venue: str = "",
    description: str = "",
    description_zh: str = "",
    is_published: bool = False,
) -> Event:
    """Create an event; raises ValidationError naming each bad field."""
    event = Event(
        slug=slug,
        name=name,
        name_zh=name_zh,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=time_zone,
        venue=venue,
        city=city,
        country=country,
        description=description,
        description_zh=description_zh,
        is_published=is_published,
    )
    event.full_clean()
    event.save()
    return event


def add_event_partner(event: Event, *, organization: Organization, role: str) -> EventPartner:
    partner, _created = EventPartner.objects.get_or_create(event=event, organization=organization, role=role)
    return partner


@transaction.atomic
def add_programme_item(
    event: Event,
    *,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    title_zh: str = "",
    location: str = "",
    description: str = "",
    speakers: Sequence[tuple[Person, str]] = (),
) -> ProgrammeItem:
    """Add an item to the programme, with its speakers as (person, role) in order of appearance."""
    item = ProgrammeItem(
        event=event,
        kind=kind,
        title=title,
        title_zh=title_zh,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        description=description,
    )
    item.full_clean()
    item.save()
    for order, (person, role) in enumerate(speakers):
        ProgrammeSpeaker.objects.create(item=item, person=person, role=role, order=order)
    return item


@transaction.atomic
def register_participant(
    event: Event,
    *,
    person: Person,
    role: str,
    status: str = RegistrationStatus.PENDING,
    organization: Organization | None = None,
) -> Registration:
    """Register a person for an event; a second registration of the same person is refused."""
    if Registration.objects.filter(event=event, person=person).exists():
        raise DomainError(
            _("%(person)s is already registered for %(event)s.") % {"person": person, "event": event}
        )
    registration = Registration(
        event=event, person=person, organization=organization or person.organization, role=role, status=status
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def add_booth(event: Event, *, code: str, host: Organization | None = None) -> Booth:
    """Add a tabletop booth; an organization hosts at most one booth per event."""
    if host is not None and Booth.objects.filter(event=event, host=host).exists():
        raise DomainError(_("%(host)s already hosts a booth at this event.") % {"host": host})
    booth = Booth(event=event, code=code, host=host)
    booth.full_clean()
    booth.save()
    return booth


@transaction.atomic
def add_tables(event: Event, *, count: int, prefix: str = "T") -> list[Table]:
    """Add `count` meeting tables numbered after the event's existing ones (T01, T02, ...)."""
    if count < 1:
        raise DomainError(_("Add at least one table."))
    # Continue after the highest number of the series, not the count: a deleted table leaves a gap.
    series = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    codes = event.tables.values_list("code", flat=True)
    last = max((int(match[1]) for code in codes if (match := series.match(code))), default=0)
    width = max(2, len(str(last + count)))
    tables = [
        Table(event=event, code=f"{prefix}{number:0{width}d}") for number in range(last + 1, last + count + 1)
    ]
    return Table.objects.bulk_create(tables)


@transaction.atomic
def create_matchmaking_session(
    event: Event,
    *,
    name: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int = 20,
    changeover_minutes: int = 0,
    breaks: Sequence[tuple[dt.datetime, dt.datetime, str]] = (),
    programme_item: ProgrammeItem | None = None,
) -> MatchmakingSession:
    """Create a session and its grid of time slots, leaving out the breaks."""
    session = MatchmakingSession(
        event=event,
        programme_item=programme_item,
        name=name,
        starts_at=starts_at,
        ends_at=ends_at,
        slot_minutes=slot_minutes,
        changeover_minutes=changeover_minutes,
    )
    session.full_clean()
    session.save()
    validate_no_overlap([(start, end) for start, end, _label in breaks], what=_("Breaks"), zone=event.zone)
    for start, end, label in breaks:
        pause = SessionBreak(session=session, starts_at=start, ends_at=end, label=label)
        pause.full_clean()
        pause.save()
    generate_time_slots(session)
    return session


def slot_grid(
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    slot_minutes: int,
    changeover_minutes: int = 0,
    breaks: Sequence[tuple[dt.datetime, dt.datetime]] = (),
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) of every whole slot that fits in the session without touching a break."""
    length = dt.timedelta(minutes=slot_minutes)
    step = length + dt.timedelta(minutes=changeover_minutes)
    pauses = sorted(breaks)
    slots: list[tuple[dt.datetime, dt.datetime]] = []
    cursor = starts_at
    while cursor + length <= ends_at:
        clash = next((pause for pause in pauses if cursor < pause[1] and pause[0] < cursor + length), None)
        if clash is not None:
            cursor = clash[1]
            continue
        slots.append((cursor, cursor + length))
        cursor += step
    return slots


@transaction.atomic
def generate_time_slots(session: MatchmakingSession) -> list[TimeSlot]:
    """Replace the session's slots with the grid its length, changeover and breaks give."""
    grid = slot_grid(
        session.starts_at,
        session.ends_at,
        slot_minutes=session.slot_minutes,
        changeover_minutes=session.changeover_minutes,
        breaks=list(session.breaks.values_list("starts_at", "ends_at")),
    )
    if not grid:
        raise DomainError(_("The session is shorter than one slot."))
    session.slots.all().delete()
    return TimeSlot.objects.bulk_create(
        TimeSlot(session=session, starts_at=start, ends_at=end) for start, end in grid
    )


@transaction.atomic
def add_organizer(event: Event, *, user: Any) -> EventTeamMember:
    """Put a user on the event's organizer team (recorded in the audit log)."""
    member, created = EventTeamMember.objects.get_or_create(event=event, user=user)
    if created:
        record_audit(
            AuditAction.ORGANIZER_ADDED, target=member, event_slug=event.slug, details={"user": user.pk}
        )
    return member


@transaction.atomic
def remove_organizer(event: Event, *, user: Any) -> int:
    """Take a user off the team; their very next request is refused (permissions are read per request)."""
    deleted, _by_model = EventTeamMember.objects.filter(event=event, user=user).delete()
    if deleted:
        record_audit(
            AuditAction.ORGANIZER_REMOVED,
            event_slug=event.slug,
            details={"user": user.pk, "email": getattr(user, "email", "")},
        )
    return deleted


@transaction.atomic
def register_participants(event: Event, *, entries: Sequence[tuple[Person, str, str]]) -> list[Registration]:
    """Register many people at once, each as (person, participant role, status), for imports and the demo.

    The rules of `register_participant` hold for all entries: nobody already registered or listed twice
    (DomainError naming the person), valid roles and statuses (ValidationError). Checked with one query
    and written with one insert, because one service call per person is too slow for thousands.
    The people must be saved; each registers for their own organization.
    """
    seen: set[int] = set()
    for person, _role, _status in entries:
        if person.pk in seen:
            raise DomainError(_("%(person)s is listed twice.") % {"person": person})
        seen.add(person.pk)
    already = Registration.objects.filter(event=event, person_id__in=seen).select_related("person").first()
    if already is not None:
        raise DomainError(
            _("%(person)s is already registered for %(event)s.") % {"person": already.person, "event": event}
        )
    registrations = [
        Registration(event=event, person=person, organization=person.organization, role=role, status=status)
        for person, role, status in entries
    ]
    for registration in registrations:
        # The related rows are saved instances and uniqueness was checked above, in one query for all.
        registration.full_clean(
            exclude=["event", "person", "organization"], validate_unique=False, validate_constraints=False
        )
    return Registration.objects.bulk_create(registrations)


@transaction.atomic
def set_table_count(event: Event, *, count: int) -> int:
    """Grow or shrink the event's tables to `count`; tables that hold meetings are never removed."""
    current = event.tables.count()
    if count > current:
        add_tables(event, count=count - current)
    to_remove = current - count
    for table in event.tables.order_by("-code"):
        if to_remove <= 0:
            break
        try:
            with transaction.atomic():
                table.delete()
            to_remove -= 1
        except ProtectedError:
            continue  # a schedule still seats people at this table
    return event.tables.count()
