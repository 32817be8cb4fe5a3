import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from smexchange.events.models import Event
from tests.factories.directory import CooperationItemFactory, CooperationProfileFactory, OrganizationFactory
from tests.factories.events import EventFactory
from tests.web.conftest import add_event_content, make_event_with, make_published_profiles

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_home_page_shows_recent_events(client, expo):
    response = client.get("/")

    assert response.status_code == 200
    assert "Global SME Expo 2009" in response.text


def test_event_page_shows_programme_in_event_time_zone(client, expo):
    response = client.get("/events/global-sme-expo-2009/")

    assert response.status_code == 200
    assert "The Long March to Facilitating International Cooperation" in response.text
    # 09:30 in Shanghai is 01:30 UTC; the page shows the local time.
    assert "09:30–10:00" in response.text
    assert "15:00–15:30" in response.text
    assert "Asia/Shanghai" in response.text


def test_event_page_headline_figures_count_attending_registrations(client, expo):
    response = client.get("/events/global-sme-expo-2009/")

    figures = response.context["figures"]
    assert (figures.participants, figures.association_principals, figures.speeches) == (1, 1, 1)


def test_event_page_in_chinese_uses_chinese_titles(client, expo):
    client.cookies["django_language"] = "zh-hans"

    response = client.get("/events/global-sme-expo-2009/")

    assert "促进国际合作的长征" in response.text
    assert "2009全球中小企业博览会" in response.text
    assert "日程" in response.text
    assert 'lang="zh-Hans"' in response.text


def test_language_switch_sets_language_and_returns_to_page(client, expo):
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": "/events/global-sme-expo-2009/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/events/global-sme-expo-2009/"
    assert client.get("/events/global-sme-expo-2009/").text.count("促进国际合作的长征") == 1


def test_unpublished_event_is_not_found(client):
    EventFactory(slug="secret-planning", is_published=False)

    assert client.get("/events/secret-planning/").status_code == 404


def test_unknown_page_is_not_found_with_site_template(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text


def test_event_list_filters_by_kind_and_year(client):
    EventFactory(slug="expo-2009", name="Expo 2009", is_published=True)
    EventFactory(
        slug="week-2010", name="Partnership Week 2010", kind="partnership_week", is_published=True,
        starts_on="2010-05-03", ends_on="2010-05-07",
    )  # fmt: skip

    response = client.get("/events/", {"kind": "partnership_week", "year": "2010"})

    assert [event.slug for event in response.context["page"]] == ["week-2010"]


def test_event_list_ignores_tampered_filters(client):
    EventFactory(slug="expo-2009", is_published=True)

    response = client.get("/events/", {"kind": "<script>", "year": "abc", "page": "999"})

    assert response.status_code == 200
    assert [event.slug for event in response.context["page"]] == ["expo-2009"]


def test_directory_filters_by_country_sector_kind_and_cooperation_type(client):
    wanted = OrganizationFactory(slug="ninghai-stationery", country="CN", sectors=["C32"])
    profile = CooperationProfileFactory(organization=wanted, published=True)
    CooperationItemFactory(profile=profile, cooperation_type="subcontracting")
    OrganizationFactory(slug="other-country", country="US", sectors=["C32"])
    OrganizationFactory(slug="other-sector", country="CN", sectors=["J62"])
    OrganizationFactory(slug="association", country="CN", sectors=["C32"], kind="association")

    response = client.get(
        "/directory/", {"country": "CN", "sector": "C", "kind": "sme", "cooperation_type": "subcontracting"}
    )

    assert [organization.slug for organization in response.context["page"]] == ["ninghai-stationery"]


def test_directory_search_matches_latin_and_local_names(client):
    OrganizationFactory(
        slug="dongyang-carving", name="东阳木雕有限公司", name_latin="Dongyang Woodcarving Co."
    )
    OrganizationFactory(slug="unrelated", name="Acme Tools")

    by_latin = client.get("/directory/", {"q": "woodcarving"}).context["page"]
    by_chinese = client.get("/directory/", {"q": "木雕"}).context["page"]

    assert [o.slug for o in by_latin] == ["dongyang-carving"]
    assert [o.slug for o in by_chinese] == ["dongyang-carving"]


def test_organization_page_hides_contact_details(client):
    organization = OrganizationFactory(slug="acme")
    organization.people.create(
        given_name="Wei",
        family_name="Zhang",
        title="CEO",
        email="wei.zhang@example.org",
        phone="+86 21 5555 0100",
    )

    response = client.get("/directory/acme/")

    assert response.status_code == 200
    assert "Wei Zhang" in response.text
    assert "wei.zhang@example.org" not in response.text
    assert "5555 0100" not in response.text


def test_opportunities_list_shows_only_published_unexpired_profiles(client):
    (published,) = make_published_profiles(1)
    CooperationProfileFactory(title="A draft nobody should see")
    CooperationProfileFactory(title="Expired offer", published=True, expires_on="2000-01-01")

    response = client.get("/opportunities/")

    assert [profile.pk for profile in response.context["page"]] == [published.pk]
    assert "A draft nobody should see" not in response.text


def test_user_text_is_escaped(client):
    organization = OrganizationFactory(
        slug="xss", name='<script>alert("x")</script>', description='"><img src=x onerror=alert(1)>'
    )

    response = client.get("/directory/xss/")

    assert '<script>alert("x")</script>' not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;" in response.text
    assert organization.pk


def test_interface_strings_have_chinese_translations():
    with translation.override("zh-hans"):
        assert translation.gettext("Programme") == "日程"
        assert translation.gettext("Directory") == "企业名录"


def _events(count):
    for _ in range(count):
        make_event_with(1)


def _event_content(count):
    event = Event.objects.get(slug="big") if Event.objects.filter(slug="big").exists() else None
    event = event or EventFactory(slug="big", is_published=True)
    add_event_content(event, count)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/events/big/", _event_content),
        ("/events/", _events),
        ("/", _events),
        ("/directory/", make_published_profiles),
        ("/opportunities/", make_published_profiles),
    ],
)
def test_page_query_count_does_not_grow_with_items(client, url, make):
    make(1)
    with CaptureQueriesContext(connection) as with_one:
        assert client.get(url).status_code == 200
    make(2)
    with CaptureQueriesContext(connection) as with_three:
        assert client.get(url).status_code == 200

    assert len(with_three.captured_queries) == len(with_one.captured_queries)
