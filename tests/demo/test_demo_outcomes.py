"""The demo world's outcomes: the expo's follow-ups and prospective transactions, later agreements,
the ceremonies' partnerships and the manifesto, counted independently of the generator."""

from collections import Counter

import pytest
from django.db import transaction

from smexchange.demo.matchmaking import build_expo_matchmaking, create_demo_logins
from smexchange.demo.outcomes import (
    EXPO_PROSPECTIVE,
    EXPO_SIGNED_SHARE,
    SIGNED_AGREEMENTS,
    agreement_quotas,
    build_outcomes,
)
from smexchange.demo.world import build_world
from smexchange.events.enums import ProgrammeKind, SpeakerRole
from smexchange.events.models import Event
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealStageChange, Manifesto, MeetingFollowUp, Partnership

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SEED = 7


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end (see tests/demo/conftest.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        expo = build_world(seed=SEED, organizations=250, later_events=3)
        build_expo_matchmaking(expo, seed=SEED, time_limit=2)
        create_demo_logins(expo)
        yield expo, build_outcomes(expo, seed=SEED)
        transaction.set_rollback(True)


@pytest.fixture
def world(_built, db):
    return _built


def _expo_meetings(expo):
    return Meeting.objects.filter(schedule__event=expo).select_related(
        "a__organization", "b__organization", "a__person", "b__person"
    )


def test_expo_meetings_pair_participants_across_countries(world):
    expo, _summary = world
    meetings = list(_expo_meetings(expo))

    domestic = [m for m in meetings if m.a.organization.country == m.b.organization.country]

    assert len(meetings) > 100
    assert len(domestic) / len(meetings) < 0.25
    assert (
        len({m.a.organization.country for m in meetings} | {m.b.organization.country for m in meetings}) > 8
    )


def test_expo_prospective_transactions_each_become_one_deal(world):
    expo, summary = world
    eligible = [m for m in _expo_meetings(expo) if m.a.person.user_id is None and m.b.person.user_id is None]
    prospective_meetings = set(
        MeetingFollowUp.objects.filter(event=expo, result=FollowUpResult.PROSPECTIVE).values_list(
            "meeting", flat=True
        )
    )
    deals = Deal.objects.filter(event=expo)

    assert len(prospective_meetings) == min(EXPO_PROSPECTIVE, round(len(eligible) * 0.65))
    assert set(deals.values_list("meeting", flat=True)) == prospective_meetings
    assert summary.prospective == deals.count() == len(prospective_meetings)
    assert all(deal.parties.count() == 2 for deal in deals)


def test_demo_participants_own_meetings_are_left_to_record(world):
    expo, _summary = world

    own = [m for m in _expo_meetings(expo) if m.a.person.user_id or m.b.person.user_id]

    assert own
    assert MeetingFollowUp.objects.filter(meeting__in=own).count() == 0


def test_every_expo_follow_up_was_recorded_on_site_after_its_meeting(world):
    expo, _summary = world

    follow_ups = MeetingFollowUp.objects.filter(event=expo).select_related("meeting__slot")

    assert follow_ups.count() > 100
    assert {f.recorded_on_behalf for f in follow_ups} == {True}
    assert all(f.recorded_at >= f.meeting.slot.starts_at for f in follow_ups)
    assert {f.result for f in follow_ups} == set(FollowUpResult.values)


def test_later_events_sign_their_quota_at_a_ceremony(world):
    expo, summary = world
    quotas = agreement_quotas(SEED)
    later = Event.objects.filter(kind__in=("partnership_week", "matchmaking_conference")).exclude(pk=expo.pk)

    signed = Counter(Deal.objects.signed().exclude(event=expo).values_list("event__slug", flat=True))

    assert later.exists()
    assert signed == {event.slug: quotas[event.slug] for event in later if quotas[event.slug]}
    assert all(
        deal.ceremony.kind == ProgrammeKind.SIGNING_CEREMONY and deal.ceremony.event_id == deal.event_id
        for deal in Deal.objects.signed().exclude(event=expo).select_related("ceremony")
    )
    assert summary.signed == Deal.objects.signed().count()


def test_full_world_quotas_add_up_to_more_than_two_hundred_agreements():
    quotas = agreement_quotas(2009)

    assert sum(quotas.values()) + round(EXPO_PROSPECTIVE * EXPO_SIGNED_SHARE) == SIGNED_AGREEMENTS >= 200
    assert len(quotas) > 25


def test_every_deal_has_an_audit_trail_ending_at_its_stage(world):
    _expo, _summary = world

    last = {}
    for change in DealStageChange.objects.order_by("at", "id"):
        last[change.deal_id] = change.to_stage

    assert last == dict(Deal.objects.values_list("pk", "stage"))
    assert Deal.objects.filter(stage=DealStage.SIGNED, signed_on__isnull=True).count() == 0


def test_ceremonies_partnerships_and_the_manifesto(world):
    expo, _summary = world
    manifesto = Manifesto.objects.get()
    ceremony = manifesto.ceremony
    signatory_organizations = set(
        ceremony.speaker_links.filter(role=SpeakerRole.SIGNATORY).values_list(
            "person__organization", flat=True
        )
    )

    partnerships = {
        p.title: sorted(o.name_latin or o.name for o in p.parties.all()) for p in Partnership.objects.all()
    }

    assert partnerships == {
        "Partnership cities: Xiuzhou District of Jiaxing and Mountain View": [
            "City of Mountain View", "People's Government of Xiuzhou District, Jiaxing",
        ],
        "Global Stationery Industry Cooperation Base (Ninghai County)": [
            "Global Alliance of SMEs", "Ninghai County People's Government",
        ],
        "Global Woodcarving Industry Cooperation Base (Dongyang)": [
            "Dongyang Municipal People's Government", "Global Alliance of SMEs",
        ],
    }  # fmt: skip
    assert {p.ceremony.event_id for p in Partnership.objects.all()} == {expo.pk}
    assert manifesto.title == "Shanghai Manifesto on Global SME Cooperation"
    assert (manifesto.event, ceremony.event) == (expo, expo)
    assert set(manifesto.signatories.values_list("organization", flat=True)) == signatory_organizations
    assert len(signatory_organizations) > 5


def test_second_run_reuses_what_exists(world):
    expo, first = world

    second = build_outcomes(expo, seed=SEED)

    assert second == first
    assert (Manifesto.objects.count(), Partnership.objects.count()) == (1, 3)
