"""Factories for `smexchange.outcomes` (rows straight into the database; the services are tested on their own)."""

from __future__ import annotations

import datetime as dt

import factory

from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealParty, MeetingFollowUp
from tests.factories.directory import OrganizationFactory
from tests.factories.events import EventFactory


class MeetingFollowUpFactory(factory.django.DjangoModelFactory):
    """Pass `meeting=` (or `request=`), `event=` and `organization=`."""

    class Meta:
        model = MeetingFollowUp

    result = FollowUpResult.FURTHER_TALKS


class DealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deal

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Deal {n}")
    cooperation_type = "joint_venture"
    stage = DealStage.PROSPECTIVE
    opened_on = dt.date(2009, 7, 13)


class DealPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DealParty

    deal = factory.SubFactory(DealFactory)
    organization = factory.SubFactory(OrganizationFactory)
