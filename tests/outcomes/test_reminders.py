import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from smexchange.matchmaking.enums import MeetingStatus, ScheduleStatus
from smexchange.outcomes.enums import FollowUpResult
from smexchange.outcomes.models import FollowUpReminder
from smexchange.outcomes.services.follow_ups import record_follow_up
from smexchange.outcomes.services.reminders import send_followup_reminders
from tests.outcomes.conftest import AFTER, hold_meeting

# Transactional: the e-mail goes out when the reminder's transaction commits, as in production.
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_both_sides_are_reminded_once(meetup):
    first = send_followup_reminders(now=AFTER)
    second = send_followup_reminders(now=AFTER + dt.timedelta(hours=1))

    assert (first, second) == (2, 0)
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "bob@example.org"]
    assert FollowUpReminder.objects.count() == 2


def test_reminder_names_the_other_side_in_both_languages(meetup):
    send_followup_reminders(now=AFTER)

    to_alice = next(message for message in mail.outbox if message.to == ["alice@example.org"])
    assert "you met Bob Ltd at" in to_alice.body
    assert "Bob Ltd" in to_alice.body.split("\n\n", 3)[-1]
    assert f"/events/expo/matchmaking/meetings/{meetup.meeting.pk}/follow-up/" in to_alice.body
    assert to_alice.subject.startswith("What came of your meeting")


def test_side_that_recorded_its_follow_up_is_not_reminded(meetup):
    record_follow_up(
        meetup.meeting,
        organization=meetup.alice.organization,
        recorded_by=meetup.users["alice"],
        result=FollowUpResult.NO_INTEREST,
        now=AFTER,
    )

    assert send_followup_reminders(now=AFTER) == 1
    assert [message.to for message in mail.outbox] == [["bob@example.org"]]


def test_meetings_not_yet_ended_cancelled_or_unpublished_get_no_reminder(meetup):
    later = hold_meeting(meetup.event, meetup.alice, meetup.carol, slot_index=3)
    cancelled = hold_meeting(
        meetup.event, meetup.bob, meetup.carol, slot_index=1, status=MeetingStatus.CANCELLED
    )

    during = later.slot.starts_at
    assert {(r.meeting_id) for r in _claimed(during)} == {meetup.meeting.pk}
    meetup.meeting.schedule.status = ScheduleStatus.SUPERSEDED
    meetup.meeting.schedule.save()
    assert send_followup_reminders(now=AFTER) == 0
    assert cancelled.pk not in set(FollowUpReminder.objects.values_list("meeting_id", flat=True))


def _claimed(now):
    send_followup_reminders(now=now)
    return list(FollowUpReminder.objects.all())


def test_command_sends_reminders_once(meetup, capsys):
    call_command("send_followup_reminders")
    call_command("send_followup_reminders")

    assert capsys.readouterr().out == "2 follow-up reminders sent\n0 follow-up reminders sent\n"
    assert len(mail.outbox) == 2


def test_rolled_back_run_sends_no_mail_and_claims_nothing(meetup):
    from django.db import transaction

    with transaction.atomic():
        assert send_followup_reminders(now=AFTER) == 2
        transaction.set_rollback(True)

    assert (len(mail.outbox), FollowUpReminder.objects.count()) == (0, 0)
    assert send_followup_reminders(now=AFTER) == 2
    assert len(mail.outbox) == 2
