import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from smexchange.directory.enums import Direction, ProfileStatus
from smexchange.directory.models import CooperationProfile, Membership, Organization
from tests.factories.directory import (
    CooperationItemFactory,
    CooperationProfileFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TODAY = dt.date(2009, 7, 13)


def test_membership_of_self_is_refused_by_the_database():
    association = OrganizationFactory(association=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(member=association, association=association)


def test_membership_twice_is_refused_by_the_database():
    membership = MembershipFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(member=membership.member, association=membership.association)


def test_published_profile_without_date_is_refused_by_the_database():
    organization = OrganizationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationProfile.objects.create(
            organization=organization, title="Seeking distributors", status=ProfileStatus.PUBLISHED
        )


def test_organization_slug_twice_is_refused_by_the_database():
    OrganizationFactory(slug="ninghai-stationery")

    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(slug="ninghai-stationery", name="Other", kind="sme", country="CN")


def test_organization_display_name_shows_latin_name_only_when_different():
    local = OrganizationFactory(name="宁海文具协会", name_latin="Ninghai Stationery Association")
    latin = OrganizationFactory(name="Acme Tools", name_latin="Acme Tools")

    assert (str(local), str(latin)) == ("宁海文具协会 (Ninghai Stationery Association)", "Acme Tools")


def test_organization_is_alliance_member_when_it_has_a_date():
    member = OrganizationFactory(alliance_member_since=dt.date(2008, 1, 1))
    outsider = OrganizationFactory()

    assert (member.is_alliance_member, outsider.is_alliance_member) == (True, False)


def test_person_display_name_shows_local_script_first():
    person = PersonFactory(given_name="Ming", family_name="Li", name_local="李明")

    assert str(person) == "李明 (Ming Li)"


def test_organization_search_matches_name_latin_name_city_and_description():
    by_name = OrganizationFactory(name="东阳木雕协会", name_latin="Dongyang Woodcarving Association")
    by_city = OrganizationFactory(name="Acme", city="Dongyang")
    by_description = OrganizationFactory(name="Carvers Ltd", description="Suppliers to dongyang workshops")
    OrganizationFactory(name="Ninghai Stationery", city="Ninghai", description="Pens")

    found = set(Organization.objects.search("  Dongyang "))

    assert found == {by_name, by_city, by_description}


def test_organization_search_with_blank_text_returns_everything():
    organizations = {OrganizationFactory(), OrganizationFactory()}

    assert set(Organization.objects.search("   ")) == organizations


def test_organization_in_sector_with_a_section_finds_every_division_once():
    both = OrganizationFactory(sectors=["C32", "C16"])
    one = OrganizationFactory(sectors=["C10"])
    OrganizationFactory(sectors=["J62"])
    OrganizationFactory()

    found = list(Organization.objects.in_sector("C"))

    assert sorted(found, key=lambda org: org.pk) == [both, one]


def test_organization_in_sector_with_a_division_finds_only_that_division():
    stationery = OrganizationFactory(sectors=["C32", "G46"])
    OrganizationFactory(sectors=["C16"])
    OrganizationFactory(sectors=["C"])

    assert list(Organization.objects.in_sector("C32")) == [stationery]


def _profile(
    organization, *, cooperation_type, status=ProfileStatus.PUBLISHED, expires_on=None, direction="offer"
):
    profile = CooperationProfileFactory(
        organization=organization,
        published=status == ProfileStatus.PUBLISHED,
        status=status,
        expires_on=expires_on,
    )
    CooperationItemFactory(profile=profile, cooperation_type=cooperation_type, direction=direction)
    return profile


def test_organization_offering_or_seeking_counts_only_live_published_profiles():
    offering = OrganizationFactory(name="Offers franchise")
    seeking = OrganizationFactory(name="Seeks franchise")
    twice = OrganizationFactory(name="Two franchise profiles")
    _profile(offering, cooperation_type="franchise")
    _profile(seeking, cooperation_type="franchise", direction=Direction.SEEK)
    _profile(twice, cooperation_type="franchise")
    _profile(twice, cooperation_type="franchise", expires_on=dt.date(2999, 1, 1))
    _profile(OrganizationFactory(name="Draft"), cooperation_type="franchise", status=ProfileStatus.DRAFT)
    _profile(
        OrganizationFactory(name="Expired status"), cooperation_type="franchise", status=ProfileStatus.EXPIRED
    )
    _profile(
        OrganizationFactory(name="Past expiry"), cooperation_type="franchise", expires_on=dt.date(2000, 1, 1)
    )
    _profile(OrganizationFactory(name="Other type"), cooperation_type="outsourcing")

    found = list(Organization.objects.offering_or_seeking("franchise"))

    assert sorted(found, key=lambda org: org.pk) == [offering, seeking, twice]


def test_cooperation_profile_published_excludes_drafts_and_past_expiry():
    no_expiry = CooperationProfileFactory(published=True)
    expires_today = CooperationProfileFactory(published=True, expires_on=TODAY)
    CooperationProfileFactory(published=True, expires_on=TODAY - dt.timedelta(days=1))
    CooperationProfileFactory(status=ProfileStatus.DRAFT)
    CooperationProfileFactory(
        status=ProfileStatus.EXPIRED, published_at=dt.datetime(2009, 1, 1, tzinfo=dt.UTC)
    )

    found = set(CooperationProfile.objects.published(today=TODAY))

    assert found == {no_expiry, expires_today}


def test_cooperation_profile_search_matches_item_text_and_organization_once():
    by_item = CooperationProfileFactory(title="Partner wanted")
    CooperationItemFactory(profile=by_item, text="Woodcarving subcontracting")
    CooperationItemFactory(profile=by_item, text="More woodcarving")
    by_organization = CooperationProfileFactory(
        organization=OrganizationFactory(name_latin="Woodcarving Base")
    )
    CooperationProfileFactory(title="Stationery")

    found = list(CooperationProfile.objects.search("woodcarving"))

    assert sorted(found, key=lambda profile: profile.pk) == [by_item, by_organization]


def test_cooperation_profile_filters_by_sector_and_cooperation_type():
    match = CooperationProfileFactory(sectors=["C32"])
    CooperationItemFactory(profile=match, cooperation_type="licensing")
    CooperationItemFactory(profile=match, cooperation_type="licensing", direction=Direction.SEEK)
    other_type = CooperationProfileFactory(sectors=["C32"])
    CooperationItemFactory(profile=other_type, cooperation_type="supplier")
    other_sector = CooperationProfileFactory(sectors=["J62"])
    CooperationItemFactory(profile=other_sector, cooperation_type="licensing")

    found = list(CooperationProfile.objects.in_sector("C").of_cooperation_type("licensing"))

    assert found == [match]
