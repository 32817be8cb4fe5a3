"""A fast bulk seeder: one expo with N participants, as the load benchmark needs it.

The demo command writes through the services (slow, but it exercises the rules); this writes
rows in bulk, the same shapes the services would leave: organizations with sectors and a
published profile, a delegate each with a verified log-in, confirmed registrations, a
programme, booths, tables and slots, a published schedule (each participant in at most one
meeting per slot, each table once per slot), open requests and stored recommendations.
5,000 participants take well under a minute on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from smexchange.common.models import Sector
from smexchange.directory.models import CooperationItem, CooperationProfile, Organization, Person
from smexchange.events.enums import EventKind, ParticipantRole, ProgrammeKind, RegistrationStatus
from smexchange.events.models import Booth, Event, ProgrammeItem, Registration, Table, TimeSlot
from smexchange.events.services import create_matchmaking_session
from smexchange.matchmaking.enums import RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import (
    Meeting,
    MeetingRequest,
    MeetingSeat,
    PartnerRecommendation,
    Schedule,
)

PASSWORD = "load-test-2009"
SLUG = "load-expo"
ZONE = ZoneInfo("Asia/Shanghai")
COUNTRIES = ["CN", "US", "GB", "DE", "FR", "IT", "JP", "KR", "IN", "BR", "MX", "CA", "AU", "ZA", "TR", "AR"]
CITIES = ["Shanghai", "Ningbo", "Columbia", "London", "Lyon", "Turin", "Osaka", "Busan", "Pune", "São Paulo"]
WORDS = ["Textile", "Tool", "Pump", "Solar", "Tea", "Furniture", "Software", "Ceramic", "Cable", "Valve"]
COOPERATION = ["joint_venture", "subcontracting", "distribution", "licensing", "investment", "supplier"]
BATCH = 2000


@dataclass(frozen=True)
class World:
    event: Event
    emails: list[str]  # the participants' log-ins, in registration order
    registrations: list[int]  # their registration ids, same order
    search_terms: list[str]


def existing_world() -> World:
    event = Event.objects.get(slug=SLUG)
    registrations = list(event.registrations.order_by("pk").values_list("pk", flat=True))
    return World(
        event, [email_of(i) for i in range(len(registrations))], registrations, [*WORDS, *CITIES[:5]]
    )


def email_of(index: int) -> str:
    return f"delegate{index:05d}@load.example.org"


@transaction.atomic
def seed_world(participants: int, *, seed: int = 1, tables: int | None = None) -> World:
    """Create (or replace) the load expo with `participants` participants; returns what a client needs."""
    rng = random.Random(seed)
    # Meetings hold their slots and tables (PROTECT): they go first.
    Meeting.objects.filter(schedule__event__slug=SLUG).delete()
    Event.objects.filter(slug=SLUG).delete()
    event = Event.objects.create(
        slug=SLUG,
        name=f"Global SME Expo (load test, {participants:,} participants)",
        name_zh="全球中小企业博览会（负载测试）",
        kind=EventKind.EXPO,
        starts_on=dt.date(2009, 7, 13),
        ends_on=dt.date(2009, 7, 14),
        time_zone="Asia/Shanghai",
        venue="Shanghai Exhibition Center",
        city="Shanghai",
        country="CN",
        description="A scaled copy of the Global SME Expo 2009 for the load benchmark.",
        is_published=True,
    )
    organizations = _organizations(participants, rng)
    people = _people(organizations)
    registrations = Registration.objects.bulk_create(
        (
            Registration(
                event=event,
                person=person,
                organization_id=person.organization_id,
                role=ParticipantRole.ENTREPRENEUR,
                status=RegistrationStatus.CONFIRMED,
            )
            for person in people
        ),
        batch_size=BATCH,
    )
    _programme(event, people, organizations)
    slots = _matchmaking(event, registrations, rng, tables=tables or max(2, participants // 20))
    _open_requests(event, registrations, rng)
    _recommendations(event, organizations, rng)
    return World(
        event=event,
        emails=[email_of(i) for i in range(participants)],
        registrations=[r.pk for r in registrations],
        search_terms=[*WORDS, *CITIES[:5]] if slots else WORDS,
    )


def _organizations(count: int, rng: random.Random) -> list[Organization]:
    Organization.objects.filter(slug__startswith="load-").delete()
    organizations = Organization.objects.bulk_create(
        (
            Organization(
                slug=f"load-{i:05d}",
                name=f"{rng.choice(WORDS)} {rng.choice(['Works', 'Trading', 'Industries', 'Labs'])} {i}",
                kind="sme",
                country=rng.choice(COUNTRIES),
                city=rng.choice(CITIES),
                size=rng.choice(["micro", "small", "medium"]),
                languages=["en"],
                description=f"We make {rng.choice(WORDS).lower()} products and look for partners abroad.",
            )
            for i in range(count)
        ),
        batch_size=BATCH,
    )
    sectors = [code for code in Sector.objects.values_list("pk", flat=True) if len(code) == 3]
    through = Organization.sectors.through
    through.objects.bulk_create(
        (through(organization=o, sector_id=s) for o in organizations for s in rng.sample(sectors, 2)),
        batch_size=BATCH * 2,
    )
    now = timezone.now()
    profiles = CooperationProfile.objects.bulk_create(
        (
            CooperationProfile(
                organization=o,
                title=f"{o.name} seeks partners",
                description=o.description,
                language="en",
                status="published",
                published_at=now,
                target_countries=[rng.choice(COUNTRIES)],
            )
            for o in organizations
        ),
        batch_size=BATCH,
    )
    CooperationItem.objects.bulk_create(
        (
            CooperationItem(
                profile=p, direction=direction, cooperation_type=rng.choice(COOPERATION), text=p.title
            )
            for p in profiles
            for direction in ("offer", "seek")
        ),
        batch_size=BATCH * 2,
    )
    return organizations


def _people(organizations: list[Organization]) -> list[Person]:
    User = get_user_model()  # noqa: N806 (a class)
    emails = [email_of(i) for i in range(len(organizations))]
    User.objects.filter(email__endswith="@load.example.org").delete()
    password = make_password(PASSWORD)  # hashed once: Argon2 for 5,000 users would take minutes
    users = User.objects.bulk_create(
        (User(username=email, email=email, password=password) for email in emails), batch_size=BATCH
    )
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users), batch_size=BATCH
    )
    return Person.objects.bulk_create(
        (
            Person(
                organization=o,
                user=u,
                given_name=f"Delegate{i}",
                family_name=o.name.split()[0],
                title="Managing director",
                email=u.email,
            )
            for i, (o, u) in enumerate(zip(organizations, users, strict=True))
        ),
        batch_size=BATCH,
    )


def _programme(event: Event, people: list[Person], organizations: list[Organization]) -> None:
    day = dt.datetime(2009, 7, 13, tzinfo=ZONE)
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(
            event=event,
            kind=kind,
            title=title,
            starts_at=day + dt.timedelta(days=d, hours=h),
            ends_at=day + dt.timedelta(days=d, hours=h, minutes=45),
        )
        for d in range(2)
        for h, kind, title in (
            (9, ProgrammeKind.OPENING, "Opening"),
            (10, ProgrammeKind.SPEECH, "Facilitating international cooperation"),
            (11, ProgrammeKind.PANEL, "Financing SMEs across the G20"),
            (16, ProgrammeKind.SIGNING_CEREMONY, "Signing ceremony"),
        )
    )
    Booth.objects.bulk_create(
        Booth(event=event, code=f"B{n:03d}", host=organizations[n])
        for n in range(min(80, len(organizations)))
    )


def _matchmaking(
    event: Event, registrations: list[Registration], rng: random.Random, *, tables: int
) -> list[TimeSlot]:
    day = dt.datetime(2009, 7, 13, tzinfo=ZONE)
    for d in range(2):
        create_matchmaking_session(
            event,
            name=f"B2B day {d + 1}",
            starts_at=day + dt.timedelta(days=d, hours=13),
            ends_at=day + dt.timedelta(days=d, hours=16),
            slot_minutes=20,
        )
    slots = list(TimeSlot.objects.filter(session__event=event).order_by("starts_at"))
    table_rows = Table.objects.bulk_create(Table(event=event, code=f"T{n:04d}") for n in range(tables))
    schedule = Schedule.objects.create(
        event=event, status=ScheduleStatus.PUBLISHED, published_at=timezone.now()
    )
    pairs_seen: set[frozenset[int]] = set()
    planned: list[tuple[int, int, TimeSlot, Table]] = []
    ids = [r.pk for r in registrations]
    for slot in slots:
        order = ids[:]
        rng.shuffle(order)
        placed = 0
        for a, b in zip(order[0::2], order[1::2], strict=False):
            if placed == len(table_rows):
                break
            if frozenset((a, b)) in pairs_seen:
                continue
            pairs_seen.add(frozenset((a, b)))
            planned.append((a, b, slot, table_rows[placed]))
            placed += 1
    now = timezone.now()
    requests = MeetingRequest.objects.bulk_create(
        (
            MeetingRequest(
                event=event, requester_id=a, recipient_id=b, status=RequestStatus.ACCEPTED, responded_at=now
            )
            for a, b, _slot, _table in planned
        ),
        batch_size=BATCH,
    )
    meetings = Meeting.objects.bulk_create(
        (
            Meeting(schedule=schedule, request=request, a_id=a, b_id=b, slot=slot, table=table, weight=2)
            for request, (a, b, slot, table) in zip(requests, planned, strict=True)
        ),
        batch_size=BATCH,
    )
    MeetingSeat.objects.bulk_create(
        (
            MeetingSeat(meeting=m, schedule=schedule, registration_id=person, slot=m.slot)
            for m in meetings
            for person in (m.a_id, m.b_id)
        ),
        batch_size=BATCH * 2,
    )
    return slots


def _open_requests(event: Event, registrations: list[Registration], rng: random.Random) -> None:
    """Two pending requests sent by each participant, to people it has no meeting with."""
    taken = set(MeetingRequest.objects.filter(event=event).values_list("requester_id", "recipient_id"))
    taken |= {(b, a) for a, b in taken}
    ids = [r.pk for r in registrations]
    pending = []
    for me in ids:
        for other in rng.sample(ids, min(3, len(ids)))[:2]:
            if other != me and (me, other) not in taken:
                taken |= {(me, other), (other, me)}
                pending.append(
                    MeetingRequest(event=event, requester_id=me, recipient_id=other, message="Hello")
                )
    MeetingRequest.objects.bulk_create(pending, batch_size=BATCH)


def _recommendations(event: Event, organizations: list[Organization], rng: random.Random) -> None:
    """Ten stored recommendations per organization, in the directory and within the event."""
    rows = []
    for o in organizations:
        partners = [p for p in rng.sample(organizations, min(11, len(organizations))) if p.pk != o.pk][:10]
        kind = rng.choice(COOPERATION)
        for scope in (None, event):
            rows.extend(
                PartnerRecommendation(
                    organization=o,
                    partner=p,
                    event=scope,
                    rank=rank,
                    score=round(0.95 - rank * 0.05, 2),
                    reasons=[
                        {"code": "need", "who": "they", "sought": kind, "offered": kind, "text": "need"},
                        {"code": "targets", "who": "you", "country": p.country, "text": "targets"},
                    ],
                )
                for rank, p in enumerate(partners, start=1)
            )
    PartnerRecommendation.objects.bulk_create(rows, batch_size=BATCH * 2)


def main(argv: list[str]) -> None:
    """`python -m bench.load.seeder N [--reuse]`: seed, then print what the load clients need as JSON."""
    import json

    participants = int(argv[0]) if argv else 5000
    reuse = "--reuse" in argv and Registration.objects.filter(event__slug=SLUG).count() == participants
    world = existing_world() if reuse else seed_world(participants)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh bulk rows have no planner statistics yet (autovacuum gets there later): without
        # them PostgreSQL misjudges every join of the benchmark's pages.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        json.dumps(
            {
                "event": world.event.slug,
                "first_registration": min(world.registrations),
                "last_registration": max(world.registrations),
                "terms": world.search_terms,
            }
        )
    )
