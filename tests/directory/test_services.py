import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from smexchange.common.exceptions import DomainError
from smexchange.directory.enums import Direction, ProfileStatus
from smexchange.directory.models import CooperationProfile, Membership, Organization
from smexchange.directory.services import (
    ItemSpec,
    add_membership,
    add_person,
    create_cooperation_profile,
    create_organization,
    expire_cooperation_profiles,
    publish_cooperation_profile,
    unique_slug,
    unique_slugs,
)
from tests.factories.directory import CooperationItemFactory, CooperationProfileFactory, OrganizationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NOW = dt.datetime(2009, 7, 13, 2, 0, tzinfo=dt.UTC)


def test_create_organization_stores_fields_sectors_and_slug():
    organization = create_organization(
        name="宁海文具协会",
        name_latin="Ninghai Stationery Association",
        kind="association",
        country="CN",
        city="Ninghai",
        sectors=["c32", "46"],
        languages=["zh", "en"],
    )

    organization.refresh_from_db()
    assert organization.slug == "ninghai-stationery-association"
    assert sorted(organization.sectors.values_list("code", flat=True)) == ["C32", "G46"]
    assert organization.languages == ["zh", "en"]


def test_create_organization_bad_country_names_the_field():
    with pytest.raises(ValidationError) as caught:
        create_organization(name="Acme", kind="sme", country="ZZ")

    assert caught.value.message_dict == {
        "country": ["“ZZ” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]
    }
    assert Organization.objects.count() == 0


def test_create_organization_bad_language_names_the_field():
    with pytest.raises(ValidationError) as caught:
        create_organization(name="Acme", kind="sme", country="CN", languages=["zh", "mandarin"])

    assert caught.value.message_dict == {
        "languages": ["“mandarin” is not an ISO 639-1 language code (e.g. zh, en, pt)."]
    }


def test_create_organization_bad_sector_names_the_field_and_writes_nothing():
    with pytest.raises(ValidationError) as caught:
        create_organization(name="Acme", kind="sme", country="CN", sectors=["C32", "C99"])

    assert caught.value.message_dict == {"sectors": ["“C99” is not an ISIC Rev. 4 sector code."]}
    assert Organization.objects.count() == 0


def test_create_organization_bad_kind_names_the_field():
    with pytest.raises(ValidationError) as caught:
        create_organization(name="Acme", kind="club", country="CN")

    assert list(caught.value.message_dict) == ["kind"]


def test_unique_slug_counts_up_past_taken_slugs():
    OrganizationFactory(slug="acme-tools")

    assert unique_slug("Acme Tools", taken=["acme-tools-2"]) == "acme-tools-3"


def test_unique_slug_of_text_without_latin_letters_falls_back():
    assert unique_slug("东阳") == "organization"


def test_add_membership_records_the_association_once():
    member = OrganizationFactory()
    association = OrganizationFactory(association=True)

    first = add_membership(member, association=association, since=dt.date(2008, 5, 1))
    second = add_membership(member, association=association)

    assert first == second
    assert list(Membership.objects.values_list("member", "association", "since")) == [
        (member.pk, association.pk, dt.date(2008, 5, 1))
    ]


def test_add_membership_refuses_an_organization_that_is_not_an_association():
    member = OrganizationFactory()
    company = OrganizationFactory(name="Acme", kind="sme")

    with pytest.raises(DomainError) as caught:
        add_membership(member, association=company)

    assert caught.value.messages == ["Acme is not a trade association."]
    assert Membership.objects.count() == 0


def test_add_membership_refuses_membership_of_itself():
    association = OrganizationFactory(association=True)

    with pytest.raises(DomainError) as caught:
        add_membership(association, association=association)

    assert caught.value.messages == ["An association cannot be a member of itself."]


def test_add_person_bad_language_names_the_field():
    organization = OrganizationFactory()

    with pytest.raises(ValidationError) as caught:
        add_person(organization, given_name="Ming", family_name="Li", languages=["cn"])

    assert caught.value.message_dict == {
        "languages": ["“cn” is not an ISO 639-1 language code (e.g. zh, en, pt)."]
    }


def test_add_person_bad_role_names_the_field():
    organization = OrganizationFactory()

    with pytest.raises(ValidationError) as caught:
        add_person(organization, given_name="Ming", family_name="Li", role="emperor")

    assert list(caught.value.message_dict) == ["role"]


def test_create_cooperation_profile_takes_the_organization_sectors_by_default():
    organization = OrganizationFactory(sectors=["C32"])

    profile = create_cooperation_profile(
        organization,
        title="Stationery distributors wanted",
        items=[ItemSpec(Direction.SEEK, "distribution", "Europe"), ItemSpec(Direction.OFFER, "supplier")],
        target_countries=["DE", "FR"],
    )

    assert profile.status == ProfileStatus.DRAFT
    assert list(profile.sectors.values_list("code", flat=True)) == ["C32"]
    assert list(profile.items.values_list("direction", "cooperation_type", "text")) == [
        ("offer", "supplier", ""),
        ("seek", "distribution", "Europe"),
    ]


def test_create_cooperation_profile_bad_target_country_names_the_field():
    organization = OrganizationFactory()

    with pytest.raises(ValidationError) as caught:
        create_cooperation_profile(
            organization, title="Export", items=[ItemSpec("offer", "supplier")], target_countries=["CN", "EU"]
        )

    assert caught.value.message_dict == {
        "target_countries": ["“EU” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]
    }
    assert CooperationProfile.objects.count() == 0


def test_create_cooperation_profile_bad_sector_names_the_field():
    organization = OrganizationFactory()

    with pytest.raises(ValidationError) as caught:
        create_cooperation_profile(
            organization, title="Export", items=[ItemSpec("offer", "supplier")], sectors=["Z1"]
        )

    assert caught.value.message_dict == {"sectors": ["“Z1” is not an ISIC Rev. 4 sector code."]}
    assert CooperationProfile.objects.count() == 0


def test_create_cooperation_profile_bad_cooperation_type_writes_nothing():
    organization = OrganizationFactory()

    with pytest.raises(ValidationError) as caught:
        create_cooperation_profile(organization, title="Export", items=[ItemSpec("offer", "barter")])

    assert list(caught.value.message_dict) == ["cooperation_type"]
    assert CooperationProfile.objects.count() == 0


def test_create_cooperation_profile_with_publish_is_published():
    organization = OrganizationFactory()

    profile = create_cooperation_profile(
        organization, title="Joint venture", items=[ItemSpec("offer", "joint_venture")], publish=True
    )

    assert list(CooperationProfile.objects.published()) == [profile]


def test_publish_cooperation_profile_sets_status_and_date():
    profile = CooperationProfileFactory(expires_on=dt.date(2009, 7, 13))
    CooperationItemFactory(profile=profile)

    publish_cooperation_profile(profile, now=NOW)

    profile.refresh_from_db()
    assert (profile.status, profile.published_at) == (ProfileStatus.PUBLISHED, NOW)


def test_publish_cooperation_profile_again_keeps_the_first_date():
    profile = CooperationProfileFactory()
    CooperationItemFactory(profile=profile)
    publish_cooperation_profile(profile, now=NOW)

    publish_cooperation_profile(profile, now=NOW + dt.timedelta(days=3))

    profile.refresh_from_db()
    assert profile.published_at == NOW


def test_publish_cooperation_profile_refuses_an_empty_profile():
    profile = CooperationProfileFactory()

    with pytest.raises(DomainError) as caught:
        publish_cooperation_profile(profile, now=NOW)

    assert caught.value.messages == ["A profile needs at least one offer or request before it is published."]
    profile.refresh_from_db()
    assert (profile.status, profile.published_at) == (ProfileStatus.DRAFT, None)


def test_publish_cooperation_profile_refuses_an_expired_profile():
    profile = CooperationProfileFactory(expires_on=dt.date(2009, 7, 12))
    CooperationItemFactory(profile=profile)

    with pytest.raises(DomainError) as caught:
        publish_cooperation_profile(profile, now=NOW)

    assert caught.value.messages == ["The profile expired on 2009-07-12; set a later expiry date first."]
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.DRAFT


def test_expire_cooperation_profiles_expires_only_published_profiles_past_their_date():
    today = dt.date(2009, 7, 13)
    past = CooperationProfileFactory(published=True, expires_on=dt.date(2009, 7, 12))
    due_today = CooperationProfileFactory(published=True, expires_on=today)
    open_ended = CooperationProfileFactory(published=True)
    draft_past = CooperationProfileFactory(expires_on=dt.date(2009, 1, 1))

    changed = expire_cooperation_profiles(today=today)

    assert changed == 1
    statuses = dict(CooperationProfile.objects.values_list("pk", "status"))
    assert statuses == {
        past.pk: ProfileStatus.EXPIRED,
        due_today.pk: ProfileStatus.PUBLISHED,
        open_ended.pk: ProfileStatus.PUBLISHED,
        draft_past.pk: ProfileStatus.DRAFT,
    }


def test_unique_slugs_for_a_batch_skip_used_and_repeated_stems_in_a_few_queries(
    django_assert_max_num_queries,
):
    OrganizationFactory(slug="organization")
    OrganizationFactory(slug="organization-2")
    OrganizationFactory(slug="acme")
    names = ["东阳木雕", "宁海文具", "Acme", "Acme", "Beta", "Acme 2", "义乌"] + ["中国企业"] * 200

    with django_assert_max_num_queries(4):
        slugs = unique_slugs(names)

    assert slugs[:7] == [
        "organization-3",
        "organization-4",
        "acme-2",
        "acme-3",
        "beta",
        "acme-2-2",
        "organization-5",
    ]
    assert len(set(slugs)) == len(slugs)
    assert slugs[-1] == "organization-205"
