"""The expo's award in the demo world: the 2009 Top Ten Chinese SME Entrepreneurs, from nomination to laureates.

Nominees are the Chinese company heads at the expo, in registration order: the first ten are the
laureates the programme's award presentation names, and the jury's scores put exactly them on top
(their scores are drawn from 7-10, the other nominees' from 3.5-6.8, so no weighted mean crosses).
Jurors are association principals at the expo; two of them declare a conflict of interest.
Everything goes through the award services, and everything is drawn from the seed.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from smexchange.awards.models import Award, Juror, Nomination
from smexchange.awards.services import (
    add_juror,
    add_standard_criteria,
    close_jury,
    create_award,
    declare_conflict,
    nominate,
    open_scoring,
    publish_laureates,
    record_scores,
)
from smexchange.demo.matchmaking import DEMO_PASSWORD, DemoLogin
from smexchange.directory.models import Person
from smexchange.events.enums import ATTENDING_STATUSES, ParticipantRole, ProgrammeKind
from smexchange.events.models import Event

AWARD_SLUG = "top-ten-chinese-sme-entrepreneurs-2009"
JUROR_LOGIN = "juror@example.org"
LAUREATES = 10
OTHER_NOMINEES = 8
JURORS = 7
_HEAD_ROLES = ("chief_executive", "founder", "president")
_NOMINATIONS_OPEN = dt.datetime(2009, 4, 1, 2, 0, tzinfo=dt.UTC)

_CITATIONS = (
    (
        "For taking {org} from a workshop in {city} to an exporter selling in {n} countries.",
        "带领{org}从一家小作坊成长为产品销往{n}个国家的出口企业。",
    ),
    (
        "For building {org}'s own research team and bringing {n} patented products to market.",
        "为{org}组建自主研发团队，推出{n}项专利产品。",
    ),
    (
        "For a joint venture with a foreign partner that doubled {org}'s workforce in {city}.",
        "与外方合资，使{org}的员工人数翻了一番。",
    ),
    (
        "For cutting the energy use of {org}'s plant by a third while its sales grew {n}-fold.",
        "在销售额增长{n}倍的同时，使{org}工厂的能耗降低三分之一。",
    ),
    (
        "For training {n}0 young technicians a year at {org} and sharing them with the local industry cluster.",
        "{org}每年培养{n}0名青年技术人员，并向当地产业集群输送人才。",
    ),
)
_CONFLICTS = (
    (1, 2, "The nominee's company is a member of my association's board."),
    (2, 5, "A former business partner of the nominee."),
)


def _ordered(expo: Event, roles: tuple[str, ...]) -> list[Person]:
    return [
        registration.person
        for registration in expo.registrations.filter(role__in=roles, status__in=ATTENDING_STATUSES)
        .select_related("person__organization")
        .order_by("id")
    ]


def _nominees(expo: Event) -> list[Person]:
    """Chinese company heads at the expo in registration order (the programme's laureates first)."""
    entrepreneurs = _ordered(expo, (ParticipantRole.ENTREPRENEUR,))
    heads = [p for p in entrepreneurs if p.organization.country == "CN" and p.role in _HEAD_ROLES]
    others = [p for p in entrepreneurs if p.organization.country == "CN" and p not in heads]
    return (heads + others)[: LAUREATES + OTHER_NOMINEES]


def _juror_account(email: str, *, usable: bool) -> object:
    """The documented juror log-in has the demo password; the other jurors' accounts cannot log in."""
    user, created = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    if created:
        if usable:
            user.set_password(DEMO_PASSWORD)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        else:
            user.set_unusable_password()
        user.save()
    return user


def _nominate_all(award: Award, people: list[Person], rng: random.Random) -> list[Nomination]:
    nominations = []
    for number, person in enumerate(people):
        english, chinese = rng.choice(_CITATIONS)
        organization = person.organization
        words = {
            "org": organization.display_name,
            "city": organization.city or "China",
            "n": rng.randint(3, 9),
        }
        chinese_words = {**words, "org": organization.name}
        nominations.append(
            nominate(
                award,
                person=person,
                citation=english.format(**words),
                citation_zh=chinese.format(**chinese_words),
                nominated_at=_NOMINATIONS_OPEN + dt.timedelta(days=number * 3, hours=rng.randint(0, 8)),
            )
        )
    return nominations


def _seat_jury(award: Award, principals: list[Person]) -> list[Juror]:
    jurors = []
    for number, person in enumerate(principals):
        email = JUROR_LOGIN if number == 0 else f"juror{number + 1}.{AWARD_SLUG}@example.org"
        jurors.append(add_juror(award, user=_juror_account(email, usable=number == 0), person=person))
    return jurors


def _score(award: Award, jurors: list[Juror], nominations: list[Nomination], rng: random.Random) -> None:
    criteria = list(award.criteria.all())
    conflicted = set()
    for juror_index, nominee_index, reason in _CONFLICTS:
        if juror_index < len(jurors) and nominee_index < len(nominations):
            declare_conflict(jurors[juror_index], nominations[nominee_index], reason=reason)
            conflicted.add((juror_index, nominee_index))
    for j, juror in enumerate(jurors):
        for n, nomination in enumerate(nominations):
            if (j, n) in conflicted:
                continue
            low, high = (70, 100) if n < LAUREATES else (35, 68)
            values = {criterion: Decimal(rng.randint(low, high)) / 10 for criterion in criteria}
            record_scores(juror, nomination, values)


def build_expo_award(expo: Event, *, seed: int) -> DemoLogin | None:
    """Create, judge and publish the expo's award once; a second run reuses it.

    Returns the juror's demo log-in, or None when the world is too small for a jury (no Chinese
    company heads or no association principals at the expo).
    """
    if Award.objects.filter(event=expo, slug=AWARD_SLUG).exists():
        juror = Juror.objects.filter(award__event=expo, award__slug=AWARD_SLUG, user__username=JUROR_LOGIN)
        return _login(juror.select_related("person").first())
    people = _nominees(expo)
    principals = _ordered(expo, (ParticipantRole.ASSOCIATION_PRINCIPAL,))
    if not people or not principals:
        return None
    rng = random.Random(f"{seed}:awards")
    award = create_award(
        expo,
        slug=AWARD_SLUG,
        name="2009 Top Ten Chinese SME Entrepreneurs",
        name_zh="2009中国中小企业十大杰出企业家",
        year=2009,
        description="Ten Chinese entrepreneurs whose companies grew through innovation and international "
        "cooperation, chosen by a jury of the alliance's member associations.",
        description_zh="十位通过创新与国际合作带领企业成长的中国企业家，由联盟成员协会组成的评审团评选。",
        ceremony=expo.programme.filter(kind=ProgrammeKind.AWARD_PRESENTATION).order_by("starts_at").first(),
        laureate_count=LAUREATES,
    )
    add_standard_criteria(award)
    nominations = _nominate_all(award, people, rng)
    jurors = _seat_jury(
        award, sorted(rng.sample(principals, min(JURORS, len(principals))), key=principals.index)
    )
    open_scoring(award)
    _score(award, jurors, nominations, rng)
    close_jury(award)
    publish_laureates(award)
    return _login(jurors[0])


def _login(juror: Juror | None) -> DemoLogin | None:
    if juror is None:
        return None
    return DemoLogin(f"juror of the Top Ten award ({juror.display_name})", JUROR_LOGIN)
