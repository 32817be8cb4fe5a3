from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from smexchange.awards.models import Award, Criterion, Juror, Nomination
from smexchange.awards.services import add_criterion, add_juror, create_award, nominate, open_scoring
from tests.factories.awards import AwardUserFactory
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory

DAY = dt.datetime(2009, 5, 1, 8, tzinfo=dt.UTC)


@dataclass
class Jury:
    award: Award
    innovation: Criterion
    vision: Criterion
    nominations: list[Nomination]
    jurors: list[Juror]


def build_jury(
    *, event=None, slug: str = "top-ten", nominees: int = 3, jurors: int = 2, scoring: bool = True
) -> Jury:
    """An award scored 0-10 on innovation (weight 2) and vision (weight 1), with people nominated a day apart."""
    event = event or EventFactory(is_published=True)
    award = create_award(
        event,
        slug=slug,
        name="Top Ten SME Entrepreneurs",
        name_zh="十大杰出企业家",
        year=2009,
        laureate_count=2,
    )
    innovation = add_criterion(award, name="Innovation", name_zh="创新能力", weight=Decimal("2"))
    vision = add_criterion(award, name="Vision", name_zh="战略眼光", weight=Decimal("1"))
    nominations = [
        nominate(
            award,
            person=PersonFactory(
                given_name=f"Nominee{i}", family_name="Zhang", organization=OrganizationFactory()
            ),
            citation=f"Citation {i}",
            nominated_at=DAY + dt.timedelta(days=i),
        )
        for i in range(nominees)
    ]
    members = [add_juror(award, user=AwardUserFactory()) for _ in range(jurors)]
    if scoring:
        award = open_scoring(award)
    for juror in members:
        juror.award = award
    return Jury(award, innovation, vision, nominations, members)


@pytest.fixture
def jury() -> Jury:
    return build_jury()
