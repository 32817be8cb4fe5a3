"""The world every security test runs in: two events, six roles, and one object of each kind.

Roles (the columns of the permission matrix, in this order):

- ``public``: not signed in;
- ``participant``: a delegate registered for event A; the seeded objects of a participant
  (requests, meetings, profiles, ...) are theirs;
- ``other_participant``: another delegate of event A, of another organization;
- ``organizer``: on event A's organizer team;
- ``other_organizer``: on event B's organizer team only;
- ``staff``: alliance staff (``is_staff`` and superuser).

Routes take their objects from event A. To seed objects for a new route, write a function
``seed_<thing>(world)`` below that stores them in ``world.objects`` and append it to
``SEEDERS``. Seeders write through services where one exists, like the demo.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from smexchange.accounts.services import invite_delegate
from smexchange.api.services import create_api_token
from smexchange.awards.services import add_juror, create_award, nominate
from smexchange.directory import services as directory
from smexchange.directory.models import Organization
from smexchange.directory.services import ItemSpec
from smexchange.events.enums import ParticipantRole, RegistrationStatus
from smexchange.events.models import Event, Registration, TimeSlot
from smexchange.events.services import (
    add_organizer,
    add_programme_item,
    add_tables,
    create_event,
    create_matchmaking_session,
    register_participant,
)
from smexchange.imports.services import check_upload
from smexchange.matchmaking.enums import RunStatus, ScheduleStatus
from smexchange.matchmaking.models import Schedule, ScheduleRun
from smexchange.matchmaking.services.groups import allow_group_pair, create_participant_group
from smexchange.matchmaking.services.publishing import book_meeting, publish_schedule
from smexchange.matchmaking.services.requests import accept_meeting_request, send_meeting_request
from smexchange.outcomes.services.deals import attach_agreement_document, create_deal
from smexchange.reports.enums import ReportRunStatus
from smexchange.reports.models import ReportRun
from smexchange.reports.services import (
    draft_event_summary,
    execute_report_run,
    publish_event_summary,
    request_annual_report,
    request_event_report,
)

ROLES = ("public", "participant", "other_participant", "organizer", "other_organizer", "staff")
PASSWORD = "matrix-password-2009"


@dataclass
class World:
    event: Event
    other_event: Event
    users: dict[str, Any]
    participant: Registration
    other_participant: Registration
    partner: Registration  # a third delegate of event A, without an account: the participant's counterpart
    objects: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.objects[name]


def _user(email: str, **flags: Any) -> Any:
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD, **flags)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _event(slug: str) -> Event:
    event = create_event(
        slug=slug,
        name=slug.replace("-", " ").title(),
        kind="expo",
        starts_on=dt.date(2009, 7, 13),
        ends_on=dt.date(2009, 7, 13),
        time_zone="Asia/Shanghai",
        city="Shanghai",
        country="CN",
        is_published=True,
    )
    zone = event.zone
    create_matchmaking_session(
        event,
        name="B2B",
        starts_at=dt.datetime(2009, 7, 13, 14, tzinfo=zone),
        ends_at=dt.datetime(2009, 7, 13, 15, tzinfo=zone),
        slot_minutes=20,
    )
    add_tables(event, count=2)
    return event


def _delegate(event: Event, name: str, *, country: str, user: Any | None = None) -> Registration:
    organization = directory.create_organization(
        name=f"{name} Trading Co.", kind="sme", country=country, city="Ningbo", sectors=["C32"]
    )
    person = directory.add_person(
        organization,
        given_name=name,
        family_name="Delegate",
        email=f"{name.lower()}@{organization.slug}.example.org",
        phone=f"+86 574 {sum(map(ord, name)):04d} 0000",  # one number per delegate
    )
    if user is not None:
        person.user = user
        person.save(update_fields=["user"])
    return register_participant(
        event, person=person, role=ParticipantRole.ENTREPRENEUR, status=RegistrationStatus.CONFIRMED
    )


def build_world() -> World:
    users = {role: _user(f"{role}@matrix.example.org") for role in ROLES if role != "public"}
    users["staff"].is_staff = users["staff"].is_superuser = True
    users["staff"].save(update_fields=["is_staff", "is_superuser"])
    event, other_event = _event("event-a"), _event("event-b")
    add_organizer(event, user=users["organizer"])
    add_organizer(other_event, user=users["other_organizer"])
    world = World(
        event=event,
        other_event=other_event,
        users=users,
        participant=_delegate(event, "Xia", country="CN", user=users["participant"]),
        other_participant=_delegate(event, "Yara", country="BR", user=users["other_participant"]),
        partner=_delegate(event, "Zoe", country="GB"),
    )
    for seed in SEEDERS:
        seed(world)
    return world


def seed_matchmaking(world: World) -> None:
    """The participant's request to the partner, accepted; a published and a draft schedule; a run; groups."""
    request = accept_meeting_request(
        send_meeting_request(world.participant, recipient=world.partner, message="Pencils?"),
        by=world.partner,
    )
    pending = send_meeting_request(world.partner, recipient=world.participant, message="Also erasers?")
    slots = list(TimeSlot.objects.filter(session__event=world.event).order_by("starts_at"))
    tables = list(world.event.tables.order_by("code"))
    published = Schedule.objects.create(event=world.event, status=ScheduleStatus.DRAFT)
    meeting = book_meeting(published, request=request, slot=slots[0], table=tables[0])
    publish_schedule(published)
    draft = Schedule.objects.create(event=world.event, status=ScheduleStatus.DRAFT)
    draft_meeting = book_meeting(draft, request=request, slot=slots[1], table=tables[1])
    run = ScheduleRun.objects.create(event=world.event, status=RunStatus.FAILED, error="killed")
    group_a = create_participant_group(world.event, name="Buyers")
    group_b = create_participant_group(world.event, name="Sellers")
    rule = allow_group_pair(group_a, group_b=group_b)
    world.objects.update(
        request=request,
        pending_request=pending,
        meeting=meeting,
        schedule=published,
        draft=draft,
        draft_meeting=draft_meeting,
        run=run,
        group=group_a,
        rule=rule,
        slots=slots,
        tables=tables,
    )


def seed_profiles(world: World) -> None:
    """A published cooperation profile of the participant's organization."""
    organization: Organization = world.participant.organization
    profile = directory.create_cooperation_profile(
        organization,
        title="Stationery subcontracting",
        description="We make pencils.",
        sectors=["C32"],
        items=[ItemSpec(direction="offer", cooperation_type="subcontracting", text="Pencils to order.")],
        publish=True,
    )
    world.objects.update(profile=profile, organization=organization)


def seed_outcomes(world: World) -> None:
    """A deal between the participant's and the partner's organizations, from their meeting, with a document."""
    deal = create_deal(
        title="Pencil subcontracting",
        parties=[world.participant.organization, world.partner.organization],
        cooperation_type="subcontracting",
        opened_on=dt.date(2009, 7, 13),
        event=world.event,
        meeting=world["meeting"],
    )
    attach_agreement_document(
        deal, upload=io.BytesIO(b"%PDF-1.4\n%%EOF\n"), filename="agreement.pdf", by=None
    )
    world.objects.update(deal=deal)


def seed_awards(world: World) -> None:
    """An award of event A taking nominations, the partner nominated, the participant on its jury."""
    award = create_award(world.event, slug="top-ten", name="Top Ten SME Entrepreneurs", year=2009)
    nomination = nominate(award, citation="Pencils for the world.", person=world.partner.person)
    add_juror(award, user=world.users["participant"])
    world.objects.update(award=award, nomination=nomination)


def seed_imports(world: World) -> None:
    """A checked (not yet applied) import of one organization into event A, uploaded by its organizer."""
    run = check_upload(
        world.event,
        kind="organizations",
        content=b"name,kind,country\nImported Pens Ltd,sme,GB\n",
        file_name="organizations.csv",
        user=world.users["organizer"],
    )
    world.objects.update(import_run=run)


def seed_invitations(world: World) -> None:
    """An open invitation from event A's organizer to join the partner's delegation."""
    invitation, token = invite_delegate(
        world.event,
        organization=world.partner.organization,
        email="new-delegate@matrix.example.org",
        invited_by=world.users["organizer"],
    )
    world.objects.update(invitation=invitation, invitation_token=token)


def seed_api(world: World) -> None:
    """A programme item of event A, and an API token of the participant."""
    zone = world.event.zone
    item = add_programme_item(
        world.event,
        kind="speech",
        title="Opening address",
        starts_at=dt.datetime(2009, 7, 13, 9, tzinfo=zone),
        ends_at=dt.datetime(2009, 7, 13, 9, 30, tzinfo=zone),
    )
    token, _secret = create_api_token(world.users["participant"], name="CRM")
    world.objects.update(programme_item=item, api_token=token)


def seed_reports(world: World) -> None:
    """Event A's report generated once and failed once, the same for the annual report of 2009, and
    event A's archive summary, published."""
    report_run = execute_report_run(request_event_report(world.event, fmt="xlsx").pk)
    annual_run = execute_report_run(request_annual_report(2009, fmt="xlsx").pk)
    failed = {"status": ReportRunStatus.FAILED, "error": "killed", "format": "pdf"}
    world.objects.update(
        report_run=report_run,
        failed_report_run=ReportRun.objects.create(kind="event", event=world.event, **failed),
        annual_run=annual_run,
        failed_annual_run=ReportRun.objects.create(kind="annual", year=2009, **failed),
        summary=publish_event_summary(draft_event_summary(world.event)),
    )


# Append a seeder for each new kind of object a route needs.
SEEDERS: list[Callable[[World], None]] = [
    seed_matchmaking,
    seed_profiles,
    seed_outcomes,
    seed_awards,
    seed_imports,
    seed_invitations,
    seed_api,
    seed_reports,
]
