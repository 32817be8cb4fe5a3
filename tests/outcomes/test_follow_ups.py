import datetime as dt
from decimal import Decimal

import pytest

from smexchange.common.exceptions import DomainError
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus
from smexchange.matchmaking.models import MeetingRequest
from smexchange.outcomes.enums import FollowUpResult
from smexchange.outcomes.models import MeetingFollowUp
from smexchange.outcomes.services.follow_ups import record_follow_up
from tests.outcomes.conftest import AFTER, hold_meeting, small_expo

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _record(meetup, *, by="alice", organization=None, **fields):
    fields.setdefault("result", FollowUpResult.PROSPECTIVE)
    if fields["result"] == FollowUpResult.PROSPECTIVE:
        fields.setdefault("cooperation_type", "distribution")
    return record_follow_up(
        meetup.meeting,
        organization=organization or meetup.alice.organization,
        recorded_by=meetup.users[by],
        now=AFTER,
        **fields,
    )


def test_participant_records_a_prospective_transaction_for_their_organization(meetup):
    follow_up = _record(meetup, estimated_value=Decimal("250000"), currency="usd", next_step="Send samples")

    stored = MeetingFollowUp.objects.get()
    assert (stored.pk, stored.event, stored.organization, stored.result, stored.cooperation_type) == (
        follow_up.pk, meetup.event, meetup.alice.organization, FollowUpResult.PROSPECTIVE, "distribution",
    )  # fmt: skip
    assert (stored.estimated_value, stored.currency, stored.next_step, stored.recorded_on_behalf) == (
        Decimal("250000.00"), "USD", "Send samples", False,
    )  # fmt: skip
    assert (stored.request, stored.recorded_by, stored.recorded_at) == (
        meetup.meeting.request, meetup.users["alice"], AFTER,
    )  # fmt: skip


def test_recording_again_corrects_the_follow_up(meetup):
    _record(meetup, result=FollowUpResult.FURTHER_TALKS)

    _record(meetup, result=FollowUpResult.NO_INTEREST)

    assert list(MeetingFollowUp.objects.values_list("result", flat=True)) == [FollowUpResult.NO_INTEREST]


def test_value_without_currency_is_refused_and_nothing_saved(meetup):
    with pytest.raises(DomainError, match=r"Meeting #\d+ \(Alice Ltd × Bob Ltd.*a value needs a currency"):
        _record(meetup, estimated_value=Decimal(100))

    assert MeetingFollowUp.objects.count() == 0


def test_unknown_currency_is_refused(meetup):
    with pytest.raises(DomainError, match="“XYZ” is not an ISO 4217 currency code"):
        _record(meetup, estimated_value=Decimal(100), currency="XYZ")


def test_negative_value_is_refused(meetup):
    with pytest.raises(DomainError, match="cannot be negative"):
        _record(meetup, estimated_value=Decimal(-5), currency="CNY")


def test_prospective_without_cooperation_type_is_refused(meetup):
    with pytest.raises(DomainError, match="choose a cooperation type"):
        _record(meetup, cooperation_type="")


def test_value_on_no_interest_is_refused(meetup):
    with pytest.raises(DomainError, match="only further talks or a prospective transaction"):
        _record(meetup, result=FollowUpResult.NO_INTEREST, estimated_value=Decimal(1), currency="USD")


def test_participant_cannot_record_for_the_other_side(meetup):
    with pytest.raises(DomainError, match="only for your own organization"):
        _record(meetup, organization=meetup.bob.organization)

    assert MeetingFollowUp.objects.count() == 0


def test_organization_outside_the_meeting_is_refused(meetup):
    with pytest.raises(DomainError, match="Carol Ltd is not a side of it"):
        _record(meetup, by="carol", organization=meetup.carol.organization)


def test_organizer_records_on_behalf_on_site(meetup):
    follow_up = _record(meetup, by="organizer", organization=meetup.bob.organization, on_behalf=True)

    assert (follow_up.organization, follow_up.recorded_on_behalf, follow_up.recorded_by) == (
        meetup.bob.organization, True, meetup.users["organizer"],
    )  # fmt: skip


def test_participant_cannot_record_on_behalf(meetup):
    with pytest.raises(DomainError, match="only the event's organizers"):
        _record(meetup, by="carol", organization=meetup.bob.organization, on_behalf=True)


def test_organizer_records_a_no_show(meetup):
    follow_up = _record(
        meetup,
        by="organizer",
        organization=meetup.alice.organization,
        on_behalf=True,
        result=FollowUpResult.NO_SHOW,
    )

    assert (follow_up.result, follow_up.cooperation_type, follow_up.currency) == (
        FollowUpResult.NO_SHOW,
        "",
        "",
    )


def test_no_show_meeting_takes_only_a_no_show_follow_up(meetup):
    meetup.meeting.status = MeetingStatus.NO_SHOW
    meetup.meeting.save()

    with pytest.raises(DomainError, match="recorded as a no-show"):
        _record(meetup, result=FollowUpResult.FURTHER_TALKS)
    assert _record(meetup, result=FollowUpResult.NO_SHOW).result == FollowUpResult.NO_SHOW


def test_follow_up_before_the_meeting_starts_is_refused(meetup):
    with pytest.raises(DomainError, match="once the meeting has started"):
        record_follow_up(
            meetup.meeting,
            organization=meetup.alice.organization,
            recorded_by=meetup.users["alice"],
            result=FollowUpResult.FURTHER_TALKS,
            now=meetup.meeting.slot.starts_at - dt.timedelta(minutes=1),
        )


def test_cancelled_meeting_is_refused(meetup):
    meetup.meeting.status = MeetingStatus.CANCELLED
    meetup.meeting.save()

    with pytest.raises(DomainError, match="was cancelled"):
        _record(meetup)


def test_follow_up_of_an_accepted_request_without_meeting(meetup):
    request = MeetingRequest.objects.create(
        event=meetup.event, requester=meetup.carol, recipient=meetup.alice, status=RequestStatus.ACCEPTED
    )

    follow_up = record_follow_up(
        request=request,
        organization=meetup.carol.organization,
        recorded_by=meetup.users["carol"],
        result=FollowUpResult.FURTHER_TALKS,
        now=AFTER,
    )

    assert (follow_up.meeting, follow_up.request, follow_up.event) == (None, request, meetup.event)


def test_follow_up_of_a_pending_request_is_refused(meetup):
    request = MeetingRequest.objects.create(
        event=meetup.event, requester=meetup.carol, recipient=meetup.alice, status=RequestStatus.PENDING
    )

    with pytest.raises(
        DomainError, match=r"Meeting request #\d+ \(Carol Ltd → Alice Ltd\): only an accepted"
    ):
        record_follow_up(
            request=request,
            organization=meetup.carol.organization,
            recorded_by=meetup.users["carol"],
            result=FollowUpResult.FURTHER_TALKS,
            now=AFTER,
        )


def test_organizer_of_another_event_cannot_record_on_behalf(meetup):
    from django.contrib.auth import get_user_model

    from smexchange.events.services import add_organizer

    other_organizer = get_user_model().objects.create_user(username="elsewhere")
    add_organizer(small_expo("other-expo"), user=other_organizer)
    meetup.users["elsewhere"] = other_organizer

    with pytest.raises(DomainError, match="only the event's organizers"):
        _record(meetup, by="elsewhere", organization=meetup.bob.organization, on_behalf=True)


def test_second_meeting_gets_its_own_follow_up(meetup):
    second = hold_meeting(meetup.event, meetup.alice, meetup.carol, slot_index=1)

    record_follow_up(
        second,
        organization=meetup.alice.organization,
        recorded_by=meetup.users["alice"],
        result=FollowUpResult.NO_INTEREST,
        now=AFTER,
    )
    _record(meetup)

    assert MeetingFollowUp.objects.filter(organization=meetup.alice.organization).count() == 2
