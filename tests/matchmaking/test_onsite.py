import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smexchange.common.exceptions import DomainError
from smexchange.events.services import add_organizer
from smexchange.matchmaking.enums import MeetingStatus
from smexchange.matchmaking.services.checkin import badge_token
from smexchange.matchmaking.services.onsite import confirm_meeting, record_no_show
from smexchange.matchmaking.services.publishing import publish_schedule
from smexchange.matchmaking.services.runs import start_schedule_run
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

AFTER_THE_EVENT = dt.datetime(2009, 7, 14, tzinfo=dt.UTC)


def _published(event):
    run = start_schedule_run(event, time_limit=5)
    run.refresh_from_db()
    return publish_schedule(run.schedule)


def test_meeting_is_held_once_both_sides_confirm(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    meeting = _published(brokerage.event).meetings.get()

    after_one = confirm_meeting(meeting, by=alice, now=AFTER_THE_EVENT)
    after_both = confirm_meeting(meeting, by=bob, now=AFTER_THE_EVENT)

    assert (after_one.status, after_both.status) == (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


def test_confirm_before_the_meeting_starts_is_refused(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    meeting = _published(brokerage.event).meetings.get()

    with pytest.raises(DomainError, match="once it has started"):
        confirm_meeting(meeting, by=alice, now=meeting.slot.starts_at - dt.timedelta(minutes=1))


def test_confirm_by_a_third_participant_is_refused(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    meeting = _published(brokerage.event).meetings.get()

    with pytest.raises(DomainError, match="Only the two participants"):
        confirm_meeting(meeting, by=carol, now=AFTER_THE_EVENT)


def test_no_show_frees_later_meetings_for_a_repair_run(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    accepted(carol, bob)
    published = _published(brokerage.event)
    first = published.meetings.order_by("slot__starts_at").first()
    absent = first.b  # Bob is in both meetings; he misses the first

    freed = record_no_show(first, absent=absent)
    repaired_run = start_schedule_run(brokerage.event, time_limit=5, lock_published=True)
    repaired_run.refresh_from_db()

    first.refresh_from_db()
    assert first.status == MeetingStatus.NO_SHOW
    assert [slot.starts_at for slot in freed] == sorted(slot.starts_at for slot in freed)
    assert all(slot.starts_at > first.slot.starts_at for slot in freed)
    later_with_bob = repaired_run.schedule.meetings.filter(b=absent, slot__starts_at__gt=first.slot.starts_at)
    assert list(later_with_bob) == []


def test_check_in_page_checks_in_a_scanned_badge(client, brokerage):
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    alice = brokerage.people[0]
    client.force_login(organizer)

    response = client.post(
        reverse("matchmaking:check_in", args=[brokerage.event.slug]),
        {"token": badge_token(alice)},
        follow=True,
    )

    alice.refresh_from_db()
    assert alice.status == "checked_in"
    assert "checked in" in response.text


def test_organizer_documents_download(client, brokerage):
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    accepted(*brokerage.people[:2])
    _published(brokerage.event)
    client.force_login(organizer)
    slug = brokerage.event.slug

    pdfs = [
        client.get(reverse(name, args=[slug]))
        for name in ("matchmaking:badges_pdf", "matchmaking:table_plan_pdf")
    ]
    csv = client.get(reverse("matchmaking:schedule_export", args=[slug, "csv"]))
    xlsx = client.get(reverse("matchmaking:schedule_export", args=[slug, "xlsx"]))

    assert [response.content[:5] for response in pdfs] == [b"%PDF-", b"%PDF-"]
    assert csv.content.decode().count("\n") == 2
    assert xlsx.content[:2] == b"PK"
    assert client.get(reverse("matchmaking:schedule_export", args=[slug, "exe"])).status_code == 404
