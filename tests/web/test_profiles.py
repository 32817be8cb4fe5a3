"""A delegate writes their organization's cooperation profiles; recommendations follow every change."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smexchange.directory.enums import ProfileStatus
from smexchange.directory.models import CooperationProfile
from smexchange.directory.services import ItemSpec, create_cooperation_profile
from smexchange.matchmaking.models import PartnerRecommendation
from tests.factories.directory import OrganizationFactory, PersonFactory

# Transactional: recommendations are recomputed by a job sent on commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def _delegate(organization, name):
    user = get_user_model().objects.create_user(username=name, email=f"{name}@example.org", password="x")
    PersonFactory(organization=organization, user=user)
    return user


def _form(
    title="Pencil subcontractor wanted", rows=(("seek", "subcontracting", "pencils and stationery"),), **extra
):
    data = {
        "title": title,
        "description": "",
        "language": "en",
        "sectors": ["C32"],
        "target_countries": ["CN"],
        "expires_on": "",
        "items-TOTAL_FORMS": str(len(rows) + 2),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "20",
    }
    for index, (direction, kind, text) in enumerate(rows):
        data |= {
            f"items-{index}-direction": direction,
            f"items-{index}-cooperation_type": kind,
            f"items-{index}-text": text,
        }
    return data | extra


@pytest.fixture
def brand_and_maker():
    brand = OrganizationFactory(name="Columbia Office Brands", country="US", sectors=["C32"])
    maker = OrganizationFactory(
        name="宁海文具有限公司", name_latin="Ninghai Stationery", country="CN", sectors=["C32"]
    )
    create_cooperation_profile(
        maker,
        title="文具代工",
        items=[ItemSpec("offer", "subcontracting", "为海外品牌代工生产铅笔和文具")],
        target_countries=["US"],
        publish=True,
    )
    return brand, maker


def test_a_delegate_publishes_a_profile_and_gets_recommendations_at_once(client, brand_and_maker):
    brand, maker = brand_and_maker
    client.force_login(_delegate(brand, "brand"))

    response = client.post(reverse("web:profile_create"), _form(publish="1"))

    assert response.status_code == 302
    profile = CooperationProfile.objects.get(organization=brand)
    assert profile.status == ProfileStatus.PUBLISHED
    assert [(item.direction, item.cooperation_type) for item in profile.items.all()] == [
        ("seek", "subcontracting")
    ]
    assert profile.target_countries == ["CN"]
    # The job ran on commit (inline in tests): the maker is now recommended to the brand, and back.
    assert PartnerRecommendation.objects.filter(organization=brand, partner=maker, event=None).exists()
    assert PartnerRecommendation.objects.filter(organization=maker, partner=brand, event=None).exists()


def test_a_saved_draft_is_not_public_and_untouched_rows_add_nothing(client, brand_and_maker):
    brand, _maker = brand_and_maker
    client.force_login(_delegate(brand, "brand"))

    client.post(reverse("web:profile_create"), _form(save="1"), follow=True)  # shows the "saved" message

    profile = CooperationProfile.objects.get(organization=brand)
    assert profile.status == ProfileStatus.DRAFT
    assert profile.items.count() == 1
    assert "Pencil subcontractor wanted" not in client.get(reverse("web:opportunity_list")).content.decode()


def test_editing_replaces_offers_and_requests_and_withdrawing_drops_recommendations(client, brand_and_maker):
    brand, maker = brand_and_maker
    client.force_login(_delegate(brand, "brand"))
    client.post(reverse("web:profile_create"), _form(publish="1"))
    profile = CooperationProfile.objects.get(organization=brand)

    client.post(
        reverse("web:profile_edit", args=[profile.pk]),
        _form(title="Distributor wanted", rows=(("seek", "distribution", "office furniture"),), save="1"),
    )
    profile.refresh_from_db()
    assert profile.title == "Distributor wanted"
    assert [item.cooperation_type for item in profile.items.all()] == ["distribution"]

    client.post(reverse("web:profile_withdraw", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.DRAFT
    assert not PartnerRecommendation.objects.filter(organization=maker, partner=brand).exists()


def test_a_published_profile_cannot_lose_all_its_offers_and_requests(client, brand_and_maker):
    brand, _maker = brand_and_maker
    client.force_login(_delegate(brand, "brand"))
    client.post(reverse("web:profile_create"), _form(publish="1"))
    profile = CooperationProfile.objects.get(organization=brand)

    response = client.post(
        reverse("web:profile_edit", args=[profile.pk]), _form(title="Emptied", rows=(), save="1")
    )

    assert response.status_code == 200
    assert "needs at least one offer or request" in response.content.decode()
    profile.refresh_from_db()
    assert profile.title == "Pencil subcontractor wanted"
    assert profile.items.count() == 1


def test_a_row_with_text_but_no_type_is_an_error_on_that_row(client, brand_and_maker):
    brand, _maker = brand_and_maker
    client.force_login(_delegate(brand, "brand"))

    response = client.post(
        reverse("web:profile_create"), _form(rows=(("offer", "", "wooden toys"),), save="1")
    )

    assert response.status_code == 200
    assert "Choose a cooperation type." in response.content.decode()
    assert not CooperationProfile.objects.filter(organization=brand).exists()


def test_only_the_organizations_delegates_reach_its_profiles(client, brand_and_maker):
    brand, maker = brand_and_maker
    theirs = CooperationProfile.objects.get(organization=maker)
    edit = reverse("web:profile_edit", args=[theirs.pk])
    withdraw = reverse("web:profile_withdraw", args=[theirs.pk])

    assert client.get(edit).status_code == 302  # logged out: to the log-in page
    client.force_login(_delegate(brand, "brand"))
    assert client.get(edit).status_code == 404
    assert client.post(withdraw).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ProfileStatus.PUBLISHED
    client.force_login(get_user_model().objects.create_user(username="nobody", password="x"))
    assert client.get(reverse("web:profile_list")).status_code == 404
