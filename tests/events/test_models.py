import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from smexchange.events.models import Booth, Event, ProgrammeItem, Registration, SessionBreak, Table, TimeSlot
from tests.factories.directory import OrganizationFactory
from tests.factories.events import (
    BoothFactory,
    EventFactory,
    MatchmakingSessionFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    TableFactory,
    TimeSlotFactory,
    local_time,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _shanghai(day, hour, minute=0):
    return dt.datetime(2009, 7, day, hour, minute, tzinfo=SHANGHAI)


# Database constraints: they hold for raw writes that skip the services.


def test_event_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_on=dt.date(2009, 7, 14), ends_on=dt.date(2009, 7, 13))


def test_event_slug_twice_is_refused_by_the_database():
    EventFactory(slug="global-sme-expo-2009")

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="global-sme-expo-2009")


def test_programme_item_ending_before_it_starts_is_refused_by_the_database():
    event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeItem.objects.create(
            event=event, kind="speech", title="Keynote", starts_at=_shanghai(13, 10), ends_at=_shanghai(13, 9)
        )


def test_registration_twice_is_refused_by_the_database():
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=registration.event,
            person=registration.person,
            organization=registration.organization,
            role="media",
        )


def test_booth_code_twice_at_one_event_is_refused_by_the_database():
    booth = BoothFactory(code="A01")

    with pytest.raises(IntegrityError), transaction.atomic():
        Booth.objects.create(event=booth.event, code="A01")


def test_booth_code_reused_at_another_event_is_allowed():
    BoothFactory(code="A01")

    BoothFactory(code="A01")

    assert list(Booth.objects.values_list("code", flat=True)) == ["A01", "A01"]


def test_host_with_two_booths_at_one_event_is_refused_by_the_database():
    booth = BoothFactory(code="A01", host=OrganizationFactory())

    with pytest.raises(IntegrityError), transaction.atomic():
        Booth.objects.create(event=booth.event, code="A02", host=booth.host)


def test_booths_without_host_are_not_limited():
    event = EventFactory()

    BoothFactory(event=event, code="A01")
    BoothFactory(event=event, code="A02")

    assert event.booths.count() == 2


def test_table_code_twice_at_one_event_is_refused_by_the_database():
    table = TableFactory(code="T01")

    with pytest.raises(IntegrityError), transaction.atomic():
        Table.objects.create(event=table.event, code="T01")


def test_time_slot_start_twice_in_one_session_is_refused_by_the_database():
    slot = TimeSlotFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        TimeSlot.objects.create(session=slot.session, starts_at=slot.starts_at, ends_at=slot.ends_at)


def test_time_slot_ending_before_it_starts_is_refused_by_the_database():
    session = MatchmakingSessionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        TimeSlot.objects.create(session=session, starts_at=session.ends_at, ends_at=session.starts_at)


def test_session_ending_before_it_starts_is_refused_by_the_database():
    event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        MatchmakingSessionFactory(event=event, starts_at=_shanghai(13, 17), ends_at=_shanghai(13, 14))


@pytest.mark.parametrize("minutes", [0, 4, 241])
def test_session_with_an_absurd_slot_length_is_refused_by_the_database(minutes):
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchmakingSessionFactory(slot_minutes=minutes)


def test_break_ending_before_it_starts_is_refused_by_the_database():
    session = MatchmakingSessionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        SessionBreak.objects.create(session=session, starts_at=_shanghai(13, 16), ends_at=_shanghai(13, 15))


# Model validation (`full_clean`), as forms, the admin and the services run it.


def test_event_clean_refuses_an_end_before_the_start():
    event = EventFactory.build(starts_on=dt.date(2009, 7, 14), ends_on=dt.date(2009, 7, 13))

    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    assert caught.value.message_dict == {"ends_on": ["The event ends before it starts."]}


def test_event_clean_accepts_a_one_day_event():
    event = EventFactory.build(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13))

    event.full_clean()


def test_event_clean_bad_time_zone_names_the_field():
    event = EventFactory.build(time_zone="Asia/Beijing")

    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    assert caught.value.message_dict == {
        "time_zone": ["“Asia/Beijing” is not a time zone name (e.g. Asia/Shanghai)."]
    }


def test_event_clean_bad_country_names_the_field():
    event = EventFactory.build(country="XX")

    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    assert caught.value.message_dict == {
        "country": ["“XX” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]
    }


def test_event_days_lists_every_day():
    event = EventFactory.build(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 15))

    assert event.days == [dt.date(2009, 7, 13), dt.date(2009, 7, 14), dt.date(2009, 7, 15)]


def test_event_title_follows_active_language_and_falls_back_to_english():
    bilingual = EventFactory.build(name="Global SME Expo 2009", name_zh="2009全球中小企业博览会")
    english_only = EventFactory.build(name="Forum")

    with translation.override("zh-hans"):
        titles = (bilingual.title, english_only.title)

    assert titles == ("2009全球中小企业博览会", "Forum")


def test_programme_item_late_evening_in_shanghai_is_on_the_local_day():
    event = EventFactory(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13))
    # 23:30 in Shanghai is 15:30 UTC: the same date either way, but the local date is what counts.
    item = ProgrammeItemFactory.build(
        event=event, starts_at=_shanghai(13, 23, 30), ends_at=_shanghai(13, 23, 50)
    )

    item.full_clean()

    assert item.starts_at.astimezone(dt.UTC) == dt.datetime(2009, 7, 13, 15, 30, tzinfo=dt.UTC)


def test_programme_item_early_morning_in_shanghai_is_on_the_local_day_not_the_utc_one():
    event = EventFactory(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13))
    # 07:00 on the 13th in Shanghai is 23:00 UTC on the 12th.
    item = ProgrammeItemFactory.build(event=event, starts_at=_shanghai(13, 7), ends_at=_shanghai(13, 8))

    item.full_clean()

    assert item.starts_at.astimezone(dt.UTC).date() == dt.date(2009, 7, 12)


def test_programme_item_after_local_midnight_is_outside_a_one_day_event():
    event = EventFactory(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13))
    # 01:00 on the 14th in Shanghai is still the 13th (17:00) in UTC.
    item = ProgrammeItemFactory.build(event=event, starts_at=_shanghai(14, 1), ends_at=_shanghai(14, 2))

    with pytest.raises(ValidationError) as caught:
        item.full_clean()

    assert caught.value.message_dict == {
        "__all__": [
            "The programme item runs from 2009-07-14 to 2009-07-14, outside the event's days "
            "(2009-07-13 to 2009-07-13)."
        ]
    }


def test_programme_item_clean_refuses_an_end_before_the_start():
    event = EventFactory()
    item = ProgrammeItemFactory.build(event=event, starts_at=_shanghai(13, 10), ends_at=_shanghai(13, 10))

    with pytest.raises(ValidationError) as caught:
        item.full_clean()

    assert caught.value.message_dict == {"ends_at": ["The programme item ends before it starts."]}


def test_session_clean_refuses_times_outside_the_event():
    event = EventFactory()
    session = MatchmakingSessionFactory.build(
        event=event, starts_at=_shanghai(15, 9), ends_at=_shanghai(15, 12)
    )

    with pytest.raises(ValidationError) as caught:
        session.full_clean()

    assert caught.value.messages == [
        "The session runs from 2009-07-15 to 2009-07-15, outside the event's days (2009-07-13 to 2009-07-14)."
    ]


def test_break_clean_refuses_a_break_outside_its_session():
    session = MatchmakingSessionFactory()
    pause = SessionBreak(session=session, starts_at=_shanghai(13, 13, 30), ends_at=_shanghai(13, 14, 30))

    with pytest.raises(ValidationError) as caught:
        pause.full_clean()

    assert caught.value.messages == ["The break lies outside its session."]


def test_time_slot_clean_refuses_an_overlapping_slot():
    session = MatchmakingSessionFactory()
    TimeSlotFactory(session=session, starts_at=_shanghai(13, 14), ends_at=_shanghai(13, 14, 20))
    overlapping = TimeSlot(session=session, starts_at=_shanghai(13, 14, 10), ends_at=_shanghai(13, 14, 30))

    with pytest.raises(ValidationError) as caught:
        overlapping.full_clean()

    assert caught.value.messages == ["Time slots overlap at 2009-07-13 14:10."]


def test_time_slot_clean_accepts_a_slot_that_touches_the_previous_one():
    session = MatchmakingSessionFactory()
    TimeSlotFactory(session=session, starts_at=_shanghai(13, 14), ends_at=_shanghai(13, 14, 20))
    touching = TimeSlot(session=session, starts_at=_shanghai(13, 14, 20), ends_at=_shanghai(13, 14, 40))

    touching.full_clean()


def test_time_slot_clean_accepts_saving_an_existing_slot_again():
    slot = TimeSlotFactory()

    slot.full_clean()


def test_time_slot_clean_refuses_a_slot_outside_its_session():
    session = MatchmakingSessionFactory()
    late = TimeSlot(session=session, starts_at=_shanghai(13, 16, 50), ends_at=_shanghai(13, 17, 10))

    with pytest.raises(ValidationError) as caught:
        late.full_clean()

    assert caught.value.messages == ["The time slot lies outside its session."]


def test_local_time_factory_helper_uses_the_event_zone():
    event = Event(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 14), time_zone="America/New_York")

    assert local_time(event, 9, day=1).astimezone(dt.UTC) == dt.datetime(2009, 7, 14, 13, 0, tzinfo=dt.UTC)
