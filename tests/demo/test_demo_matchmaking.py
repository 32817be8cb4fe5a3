"""The demo expo's matchmaking: a published schedule and a participant who can read their agenda."""

import pytest
from django.test import Client

from smexchange.demo.matchmaking import (
    DEMO_PASSWORD,
    build_expo_matchmaking,
    build_recommendations,
    create_brazilian_login,
    create_demo_logins,
)
from smexchange.demo.world import build_world
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import ScheduleRun

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def expo():
    return build_world(seed=7, organizations=250, later_events=0)


def test_demo_expo_schedule_is_published_and_valid(expo):
    schedule = build_expo_matchmaking(expo, seed=7, time_limit=2)

    run = ScheduleRun.objects.get(event=expo)
    assert schedule.status == ScheduleStatus.PUBLISHED
    assert run.stats["scheduled"] == schedule.meetings.count() > 100
    assert run.stats["weight_scheduled"] <= run.stats["weight_upper_bound"]
    assert (
        build_expo_matchmaking(expo, seed=7, time_limit=2) is None
    )  # a second run reuses the published schedule


def test_demo_participant_reads_agenda_as_page_ics_and_pdf(expo):
    build_expo_matchmaking(expo, seed=7, time_limit=2)
    logins = create_demo_logins(expo)
    client = Client()

    assert [login.email for login in logins] == [
        "staff@example.org",
        "organizer@example.org",
        "participant@example.org",
    ]
    assert client.login(username="participant@example.org", password=DEMO_PASSWORD)
    page = client.get(f"/events/{expo.slug}/matchmaking/")
    ics = client.get(f"/events/{expo.slug}/matchmaking/agenda.ics")
    pdf = client.get(f"/events/{expo.slug}/matchmaking/agenda.pdf")

    assert page.status_code == 200
    assert len(page.context["agenda"]) == ics.content.count(b"BEGIN:VEVENT") > 0
    assert pdf.content[:5] == b"%PDF-"
    assert client.login(username="organizer@example.org", password=DEMO_PASSWORD)
    organizer_page = client.get(f"/events/{expo.slug}/organize/matchmaking/")
    assert organizer_page.context["published"].meetings.count() > 100


def test_a_brazilian_sme_sees_a_chinese_partner_recommended_with_reasons(expo):
    build_recommendations(expo)
    login = create_brazilian_login(expo)
    client = Client()

    assert login is not None
    assert client.login(username=login.email, password=DEMO_PASSWORD)
    page = client.get(f"/events/{expo.slug}/matchmaking/")
    me = page.context["me"]
    recommended = page.context["recommended"]

    assert me.organization.country == "BR"
    chinese = [(other, item) for other, item in recommended if other.organization.country == "CN"]
    assert chinese
    other, item = chinese[0]
    assert item.reasons
    # The Chinese partner wrote in Chinese: its profile text holds CJK characters.
    texts = " ".join(
        f"{profile.title} {profile.description} " + " ".join(i.text for i in profile.items.all())
        for profile in other.organization.profiles.all()
    )
    assert any("\u4e00" <= char <= "\u9fff" for char in texts)
    html = page.content.decode()
    assert other.organization.display_name in html
