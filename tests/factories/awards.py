"""Factories for `smexchange.awards`.

User names carry an `awards-` prefix so that they never collide with users other tests make.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from smexchange.awards.models import Award, ConflictOfInterest, Criterion, Juror, Nomination, Score
from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory

NOMINATED_AT = dt.datetime(2009, 5, 1, 8, 0, tzinfo=dt.UTC)


class AwardUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"awards-user-{n}@example.org")
    email = factory.SelfAttribute("username")


class AwardFactory(factory.django.DjangoModelFactory):
    """An award open for nominations, scored 0-10, with ten laureates."""

    class Meta:
        model = Award

    event = factory.SubFactory(EventFactory)
    slug = factory.Sequence(lambda n: f"award-{n}")
    name = factory.Sequence(lambda n: f"Award {n}")
    year = 2009


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    award = factory.SubFactory(AwardFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = Decimal("1")


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    award = factory.SubFactory(AwardFactory)
    person = factory.SubFactory(PersonFactory)
    organization = factory.SelfAttribute("person.organization")
    citation = "For building an exporting SME."
    nominated_at = NOMINATED_AT


class JurorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Juror

    award = factory.SubFactory(AwardFactory)
    user = factory.SubFactory(AwardUserFactory)


class ConflictOfInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConflictOfInterest

    juror = factory.SubFactory(JurorFactory)
    nomination = factory.SubFactory(NominationFactory, award=factory.SelfAttribute("..juror.award"))
    reason = "Former business partner"


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    juror = factory.SubFactory(JurorFactory)
    nomination = factory.SubFactory(NominationFactory, award=factory.SelfAttribute("..juror.award"))
    criterion = factory.SubFactory(CriterionFactory, award=factory.SelfAttribute("..juror.award"))
    value = Decimal("5")
