"""Factories for `smexchange.directory`.

Sectors are not made here: the ISIC table is loaded by migration. Pass sector
codes explicitly (`OrganizationFactory(sectors=["C32"])`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import factory

from smexchange.common.models import Sector
from smexchange.directory.enums import Direction, PersonRole, ProfileStatus
from smexchange.directory.models import CooperationItem, CooperationProfile, Membership, Organization, Person

PUBLISHED_AT = dt.datetime(2009, 7, 1, 8, 0, tzinfo=dt.UTC)


def _set_sectors(obj: Any, create: bool, codes: Sequence[str] | None) -> None:
    if create and codes:
        obj.sectors.set(Sector.objects.filter(code__in=codes))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = "sme"
    country = "CN"

    sectors = factory.PostGeneration(_set_sectors)

    class Params:
        association = factory.Trait(kind="association")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    member = factory.SubFactory(OrganizationFactory)
    association = factory.SubFactory(OrganizationFactory, kind="association")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    role = PersonRole.OTHER


class CooperationProfileFactory(factory.django.DjangoModelFactory):
    """A draft profile without offers or requests; `published=True` gives a published one."""

    class Meta:
        model = CooperationProfile
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Profile {n}")
    status = ProfileStatus.DRAFT

    sectors = factory.PostGeneration(_set_sectors)

    class Params:
        published = factory.Trait(status=ProfileStatus.PUBLISHED, published_at=PUBLISHED_AT)


class CooperationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationItem

    profile = factory.SubFactory(CooperationProfileFactory)
    direction = Direction.OFFER
    cooperation_type = "joint_venture"
