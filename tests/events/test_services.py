import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import EventKind, ParticipantRole, PartnerRole, ProgrammeKind, SpeakerRole
from smexchange.events.models import (
    Booth,
    Event,
    MatchmakingSession,
    ProgrammeItem,
    Registration,
    SessionBreak,
)
from smexchange.events.services import (
    add_booth,
    add_event_partner,
    add_programme_item,
    add_tables,
    create_event,
    create_matchmaking_session,
    generate_time_slots,
    register_participant,
    slot_grid,
)
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import BoothFactory, EventFactory, MatchmakingSessionFactory, SessionBreakFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(hour, minute=0, day=13):
    return dt.datetime(2009, 7, day, hour, minute, tzinfo=SHANGHAI)


def _event_fields(**overrides):
    fields = {
        "slug": "global-sme-expo-2009",
        "name": "Global SME Expo 2009",
        "kind": EventKind.EXPO,
        "starts_on": dt.date(2009, 7, 13),
        "ends_on": dt.date(2009, 7, 14),
        "time_zone": "Asia/Shanghai",
        "city": "Shanghai",
        "country": "CN",
    }
    return fields | overrides


def test_create_event_stores_the_event():
    event = create_event(**_event_fields(name_zh="2009全球中小企业博览会"))

    assert Event.objects.values_list("slug", "name_zh", "time_zone").get(pk=event.pk) == (
        "global-sme-expo-2009",
        "2009全球中小企业博览会",
        "Asia/Shanghai",
    )


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        (
            {"time_zone": "Asia/Beijing"},
            {"time_zone": ["“Asia/Beijing” is not a time zone name (e.g. Asia/Shanghai)."]},
        ),
        ({"country": "ZZ"}, {"country": ["“ZZ” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]}),
        ({"ends_on": dt.date(2009, 7, 12)}, {"ends_on": ["The event ends before it starts."]}),
        ({"kind": "party"}, {"kind": ["Value 'party' is not a valid choice."]}),
    ],
)
def test_create_event_bad_field_is_named_and_nothing_written(overrides, errors):
    with pytest.raises(ValidationError) as caught:
        create_event(**_event_fields(**overrides))

    assert caught.value.message_dict == errors
    assert Event.objects.count() == 0


def test_add_event_partner_records_each_role_once():
    event = EventFactory()
    media = OrganizationFactory(kind="media")

    first = add_event_partner(event, organization=media, role=PartnerRole.STRATEGIC_MEDIA_PARTNER)
    again = add_event_partner(event, organization=media, role=PartnerRole.STRATEGIC_MEDIA_PARTNER)
    add_event_partner(event, organization=media, role=PartnerRole.SPONSOR)

    assert first == again
    assert sorted(event.partners.values_list("role", flat=True)) == ["sponsor", "strategic_media_partner"]


def test_add_programme_item_keeps_speakers_in_order():
    event = EventFactory()
    chairman, mayor = PersonFactory(), PersonFactory()

    item = add_programme_item(
        event,
        kind=ProgrammeKind.SPEECH,
        title="The Long March to Facilitating International Cooperation",
        starts_at=_at(9),
        ends_at=_at(9, 30),
        speakers=[(mayor, SpeakerRole.HOST), (chairman, SpeakerRole.SPEAKER)],
    )

    assert list(item.speaker_links.values_list("person", "role", "order")) == [
        (mayor.pk, "host", 0),
        (chairman.pk, "speaker", 1),
    ]


def test_add_programme_item_outside_the_event_days_in_its_zone_is_refused():
    event = EventFactory(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13))

    with pytest.raises(ValidationError) as caught:
        add_programme_item(
            event,
            kind=ProgrammeKind.RECEPTION,
            title="Late",
            starts_at=_at(1, day=14),
            ends_at=_at(2, day=14),
        )

    assert caught.value.messages == [
        "The programme item runs from 2009-07-14 to 2009-07-14, outside the event's days (2009-07-13 to 2009-07-13)."
    ]
    assert ProgrammeItem.objects.count() == 0


def test_register_participant_takes_the_person_organization_by_default():
    event = EventFactory()
    person = PersonFactory()

    registration = register_participant(event, person=person, role=ParticipantRole.ENTREPRENEUR)

    assert (registration.organization, registration.status) == (person.organization, "pending")


def test_register_participant_refuses_a_second_registration():
    event = EventFactory(name="Global SME Expo 2009")
    person = PersonFactory(given_name="Ming", family_name="Li")
    register_participant(event, person=person, role=ParticipantRole.ENTREPRENEUR)

    with pytest.raises(DomainError) as caught:
        register_participant(event, person=person, role=ParticipantRole.MEDIA)

    assert caught.value.messages == ["Ming Li is already registered for Global SME Expo 2009."]
    assert list(Registration.objects.values_list("role", flat=True)) == ["entrepreneur"]


def test_register_participant_bad_role_names_the_field():
    with pytest.raises(ValidationError) as caught:
        register_participant(EventFactory(), person=PersonFactory(), role="tourist")

    assert caught.value.message_dict == {"role": ["Value 'tourist' is not a valid choice."]}


def test_add_booth_refuses_a_second_booth_for_one_host():
    event = EventFactory()
    host = OrganizationFactory(name="Ninghai Stationery")
    add_booth(event, code="A01", host=host)

    with pytest.raises(DomainError) as caught:
        add_booth(event, code="A02", host=host)

    assert caught.value.messages == ["Ninghai Stationery already hosts a booth at this event."]
    assert list(Booth.objects.values_list("code", flat=True)) == ["A01"]


def test_add_booth_lets_one_host_have_a_booth_at_each_event():
    host = OrganizationFactory()

    add_booth(EventFactory(), code="A01", host=host)
    add_booth(EventFactory(), code="A01", host=host)

    assert Booth.objects.filter(host=host).count() == 2


def test_add_booth_refuses_a_code_taken_at_the_event():
    booth = BoothFactory(code="A01")

    with pytest.raises(ValidationError) as caught:
        add_booth(booth.event, code="A01")

    assert caught.value.messages == ["Booth with this Event and Code already exists."]


def test_add_tables_numbers_after_existing_tables():
    event = EventFactory()

    first = add_tables(event, count=3)
    second = add_tables(event, count=2)

    assert [table.code for table in first] == ["T01", "T02", "T03"]
    assert [table.code for table in second] == ["T04", "T05"]
    assert list(event.tables.values_list("code", flat=True)) == ["T01", "T02", "T03", "T04", "T05"]


def test_add_tables_skips_codes_still_taken_after_a_deletion():
    event = EventFactory()
    add_tables(event, count=3)
    event.tables.filter(code="T02").delete()

    added = add_tables(event, count=2)

    assert [table.code for table in added] == ["T04", "T05"]
    assert list(event.tables.values_list("code", flat=True)) == ["T01", "T03", "T04", "T05"]


def test_add_tables_with_a_prefix_numbers_its_own_series():
    event = EventFactory()

    tables = add_tables(event, count=2, prefix="VIP-")

    assert [table.code for table in tables] == ["VIP-01", "VIP-02"]


def test_add_tables_refuses_zero():
    with pytest.raises(DomainError) as caught:
        add_tables(EventFactory(), count=0)

    assert caught.value.messages == ["Add at least one table."]


@pytest.mark.unit
def test_slot_grid_with_changeover_and_a_break_in_the_middle():
    grid = slot_grid(
        _at(14),
        _at(17),
        slot_minutes=20,
        changeover_minutes=5,
        breaks=[(_at(15, 30), _at(16))],
    )

    assert grid == [
        (_at(14), _at(14, 20)),
        (_at(14, 25), _at(14, 45)),
        (_at(14, 50), _at(15, 10)),
        (_at(16), _at(16, 20)),
        (_at(16, 25), _at(16, 45)),
    ]


@pytest.mark.unit
def test_slot_grid_without_changeover_fills_the_session_exactly():
    grid = slot_grid(_at(9), _at(10), slot_minutes=20)

    assert grid == [(_at(9), _at(9, 20)), (_at(9, 20), _at(9, 40)), (_at(9, 40), _at(10))]


@pytest.mark.unit
def test_slot_grid_of_a_session_shorter_than_a_slot_is_empty():
    assert slot_grid(_at(9), _at(9, 15), slot_minutes=20) == []


def test_create_matchmaking_session_builds_the_slot_grid_around_the_break():
    event = EventFactory()

    session = create_matchmaking_session(
        event,
        name="Business matchmaking",
        starts_at=_at(14),
        ends_at=_at(17),
        slot_minutes=20,
        changeover_minutes=5,
        breaks=[(_at(15, 30), _at(16), "Tea")],
    )

    slots = [
        (slot.starts_at.astimezone(SHANGHAI), slot.ends_at.astimezone(SHANGHAI))
        for slot in session.slots.all()
    ]
    assert slots == [
        (_at(14), _at(14, 20)),
        (_at(14, 25), _at(14, 45)),
        (_at(14, 50), _at(15, 10)),
        (_at(16), _at(16, 20)),
        (_at(16, 25), _at(16, 45)),
    ]
    assert list(session.breaks.values_list("label", flat=True)) == ["Tea"]


def test_create_matchmaking_session_refuses_overlapping_breaks_and_writes_nothing():
    event = EventFactory()

    with pytest.raises(ValidationError) as caught:
        create_matchmaking_session(
            event,
            name="Business matchmaking",
            starts_at=_at(14),
            ends_at=_at(17),
            breaks=[(_at(15), _at(15, 30), "Tea"), (_at(15, 15), _at(15, 45), "Photo")],
        )

    assert caught.value.messages == ["Breaks overlap at 2009-07-13 15:15."]
    assert (MatchmakingSession.objects.count(), SessionBreak.objects.count()) == (0, 0)


def test_create_matchmaking_session_refuses_a_break_outside_the_session():
    with pytest.raises(ValidationError) as caught:
        create_matchmaking_session(
            EventFactory(),
            name="Matchmaking",
            starts_at=_at(14),
            ends_at=_at(17),
            breaks=[(_at(17), _at(18), "Dinner")],
        )

    assert caught.value.messages == ["The break lies outside its session."]
    assert MatchmakingSession.objects.count() == 0


def test_create_matchmaking_session_shorter_than_one_slot_is_refused():
    with pytest.raises(DomainError) as caught:
        create_matchmaking_session(
            EventFactory(), name="Too short", starts_at=_at(14), ends_at=_at(14, 15), slot_minutes=20
        )

    assert caught.value.messages == ["The session is shorter than one slot."]
    assert MatchmakingSession.objects.count() == 0


def test_generate_time_slots_refuses_a_session_shorter_than_one_slot_and_keeps_old_slots():
    session = MatchmakingSessionFactory(starts_at=_at(14), ends_at=_at(15), slot_minutes=30)
    generate_time_slots(session)
    session.slot_minutes = 90

    with pytest.raises(DomainError) as caught:
        generate_time_slots(session)

    assert caught.value.messages == ["The session is shorter than one slot."]
    assert session.slots.count() == 2


def test_generate_time_slots_replaces_the_grid_after_a_new_break():
    session = MatchmakingSessionFactory(starts_at=_at(14), ends_at=_at(15), slot_minutes=20)
    generate_time_slots(session)
    SessionBreakFactory(session=session, starts_at=_at(14, 20), ends_at=_at(14, 40))

    slots = generate_time_slots(session)

    assert [slot.starts_at for slot in slots] == [_at(14), _at(14, 40)]
    assert [start.astimezone(SHANGHAI) for start in session.slots.values_list("starts_at", flat=True)] == [
        _at(14),
        _at(14, 40),
    ]
