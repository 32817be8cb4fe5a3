"""The expo's matchmaking in the demo world: requests, a computed and published schedule, demo log-ins."""

from __future__ import annotations

import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from smexchange.common.exceptions import DomainError
from smexchange.directory.models import Person
from smexchange.events.enums import ATTENDING_STATUSES, ParticipantRole
from smexchange.events.models import Event, Registration
from smexchange.events.services import add_organizer
from smexchange.matchmaking.enums import RequestStatus, RunStatus
from smexchange.matchmaking.models import PartnerRecommendation, Schedule
from smexchange.matchmaking.services.publishing import publish_schedule
from smexchange.matchmaking.services.recommendations import (
    refresh_directory_recommendations,
    refresh_event_recommendations,
)
from smexchange.matchmaking.services.requests import accept_meeting_request, send_meeting_request
from smexchange.matchmaking.services.runs import run_schedule_now

# Only for the embedded demo database: printed by `smex demo`, never valid in a deployment's data.
DEMO_PASSWORD = "smex-demo-2009"
MATCHMAKING_PARTICIPANTS = 160
ACCEPT_RATE = 0.8


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str


# People come to a matchmaking session to meet other countries: a partner from one's own country
# is this much less likely to be asked, so the expo's corridors are mostly China-abroad.
SAME_COUNTRY_WEIGHT = 0.03


def _requests(rng: random.Random, people: list[Registration]) -> None:
    """Each participant asks one to four others, mostly abroad; a few popular companies get many requests."""
    popularity = [1.0 / (rank + 1) ** 0.8 for rank in range(len(people))]
    countries = [registration.organization.country for registration in people]
    for requester in people:
        wanted = rng.randint(1, 4)
        home = requester.organization.country
        weights = [
            weight * (SAME_COUNTRY_WEIGHT if country == home else 1.0)
            for weight, country in zip(popularity, countries, strict=True)
        ]
        targets = {
            id(p): p for p in rng.choices(people, weights=weights, k=wanted * 2) if p.pk != requester.pk
        }
        for recipient in list(targets.values())[:wanted]:
            try:
                request = send_meeting_request(requester, recipient=recipient, message="")
            except DomainError:
                continue  # asked already, or the other side asked first and this is the mutual request
            if rng.random() < ACCEPT_RATE:
                accept_meeting_request(request, by=recipient)


def build_expo_matchmaking(expo: Event, *, seed: int, time_limit: int = 10) -> Schedule | None:
    """Meeting requests among the expo's entrepreneurs, then a schedule computed and published."""
    if Schedule.objects.published().filter(event=expo).exists():
        return None
    rng = random.Random(seed)
    entrepreneurs = list(
        expo.registrations.filter(role=ParticipantRole.ENTREPRENEUR, status__in=ATTENDING_STATUSES)
        .select_related("person", "organization")
        .order_by("id")
    )
    # A draw from all of them: the registrations list whole delegations, Chinese ones first.
    chosen = rng.sample(entrepreneurs, min(MATCHMAKING_PARTICIPANTS, len(entrepreneurs)))
    people = sorted(chosen, key=lambda registration: registration.pk)
    _requests(rng, people)
    run = run_schedule_now(expo, time_limit=time_limit, seed=seed)
    if run.status != RunStatus.SUCCEEDED:
        raise RuntimeError(f"the demo schedule run failed: {run.error}")
    return publish_schedule(run.schedule)


def build_recommendations(expo: Event) -> int:
    """Partner recommendations across the directory and among the expo's participants, once."""
    if PartnerRecommendation.objects.exists():
        return 0
    return refresh_directory_recommendations() + refresh_event_recommendations(expo)


def _account(email: str, *, staff: bool = False) -> object:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = staff
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def create_demo_logins(expo: Event) -> list[DemoLogin]:
    """Alliance staff, the expo's organizer, and the participant with the most accepted requests.

    Chosen from the seeded requests, not from the schedule, which depends on the solver's clock.
    """
    _account("staff@example.org", staff=True)
    add_organizer(expo, user=_account("organizer@example.org"))
    accepted = Q(sent_requests__status=RequestStatus.ACCEPTED)
    participant = (
        Registration.objects.filter(event=expo)
        .annotate(accepted=Count("sent_requests", filter=accepted))
        .filter(accepted__gt=0)
        .select_related("person")
        .order_by("-accepted", "id")
        .first()
    )
    logins = [
        DemoLogin("alliance staff", "staff@example.org"),
        DemoLogin("expo organizer", "organizer@example.org"),
    ]
    if participant is not None:
        user = _account("participant@example.org")
        # A reused demo database keeps the participant it linked the first time.
        person = Person.objects.filter(user=user).first() or participant.person
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        logins.append(DemoLogin(f"participant ({person.latin_name})", "participant@example.org"))
    return logins


BRAZIL_LOGIN = "brazil@example.org"


def create_brazilian_login(expo: Event) -> DemoLogin | None:
    """A Brazilian SME's delegate at the expo whose recommendations include a Chinese partner.

    Shows the point of the matching engine: a São Paulo company finds a partner that wrote its
    profile in Chinese. Needs the expo's recommendations (`build_recommendations`).
    """
    user = _account(BRAZIL_LOGIN)
    person = Person.objects.filter(user=user).first()
    if person is None:
        chinese_partners = PartnerRecommendation.objects.filter(event=expo, partner__country="CN")
        registration = (
            Registration.objects.filter(
                event=expo,
                organization__country="BR",
                organization__kind="sme",
                organization__recommendations__in=chinese_partners,
                person__user__isnull=True,
            )
            .select_related("person")
            .order_by("id")
            .first()
        )
        if registration is None:
            return None
        person = registration.person
        person.user = user
        person.save(update_fields=["user"])
    return DemoLogin(f"participant from Brazil ({person.latin_name})", BRAZIL_LOGIN)
