import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from smexchange.events.models import Event
from smexchange.events.validators import validate_ends_after_start, validate_no_overlap, validate_within_event

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def _one_day_in_shanghai():
    return Event(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13), time_zone="Asia/Shanghai")


def test_validate_within_event_uses_the_local_date_of_a_late_evening_item():
    # 2009-07-13 15:30 UTC is 23:30 in Shanghai, still the 13th.
    starts_at = dt.datetime(2009, 7, 13, 15, 30, tzinfo=UTC)

    validate_within_event(
        _one_day_in_shanghai(), starts_at, starts_at + dt.timedelta(minutes=20), what="Item"
    )


def test_validate_within_event_refuses_an_item_after_local_midnight():
    # 2009-07-13 17:00 UTC is 01:00 on the 14th in Shanghai.
    starts_at = dt.datetime(2009, 7, 13, 17, 0, tzinfo=UTC)

    with pytest.raises(ValidationError) as caught:
        validate_within_event(
            _one_day_in_shanghai(), starts_at, starts_at + dt.timedelta(hours=1), what="Item"
        )

    assert caught.value.messages == [
        "Item runs from 2009-07-14 to 2009-07-14, outside the event's days (2009-07-13 to 2009-07-13)."
    ]


def test_validate_within_event_refuses_an_item_that_runs_past_the_last_day():
    starts_at = dt.datetime(2009, 7, 13, 23, 0, tzinfo=SHANGHAI)

    with pytest.raises(ValidationError):
        validate_within_event(
            _one_day_in_shanghai(), starts_at, starts_at + dt.timedelta(hours=2), what="Item"
        )


def test_validate_ends_after_start_refuses_equal_times_unless_allowed():
    moment = dt.datetime(2009, 7, 13, 9, 0, tzinfo=UTC)

    with pytest.raises(ValidationError) as caught:
        validate_ends_after_start(moment, moment, what="The slot")
    validate_ends_after_start(moment.date(), moment.date(), what="The event", allow_same=True)

    assert caught.value.messages == ["The slot ends before it starts."]


def test_validate_ends_after_start_with_field_names_the_field():
    with pytest.raises(ValidationError) as caught:
        validate_ends_after_start(
            dt.date(2009, 7, 14), dt.date(2009, 7, 13), what="The event", field="ends_on"
        )

    assert caught.value.message_dict == {"ends_on": ["The event ends before it starts."]}


def test_validate_no_overlap_accepts_touching_periods():
    nine = dt.datetime(2009, 7, 13, 1, 0, tzinfo=UTC)
    periods = [
        (nine, nine + dt.timedelta(minutes=20)),
        (nine + dt.timedelta(minutes=20), nine + dt.timedelta(minutes=40)),
    ]

    validate_no_overlap(periods, what="Slots")


def test_validate_no_overlap_names_the_first_overlap_in_the_given_zone():
    start = dt.datetime(2009, 7, 13, 6, 0, tzinfo=UTC)
    periods = [
        (start + dt.timedelta(hours=2), start + dt.timedelta(hours=3)),
        (start, start + dt.timedelta(minutes=40)),
        (start + dt.timedelta(minutes=30), start + dt.timedelta(hours=1)),
    ]

    with pytest.raises(ValidationError) as caught:
        validate_no_overlap(periods, what="Breaks", zone=SHANGHAI)

    assert caught.value.messages == ["Breaks overlap at 2009-07-13 14:30."]
