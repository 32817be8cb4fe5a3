import datetime as dt
import io
import os
from decimal import Decimal

import pytest

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import ProgrammeKind
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealStageChange
from smexchange.outcomes.services.deals import (
    advance_deal_stage,
    attach_agreement_document,
    create_deal,
    create_deal_from_follow_up,
    link_deal_to_ceremony,
)
from smexchange.outcomes.services.follow_ups import record_follow_up
from tests.factories.events import ProgrammeItemFactory, local_time
from tests.outcomes.conftest import AFTER, small_expo
from tests.outcomes.documents import docx_bytes, pdf_bytes, png_bytes, zip_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LATER = dt.datetime(2009, 9, 1, 4, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _prospective(meetup, who="alice", **fields):
    registration = getattr(meetup, who)
    return record_follow_up(
        meetup.meeting,
        organization=registration.organization,
        recorded_by=meetup.users[who],
        result=fields.pop("result", FollowUpResult.PROSPECTIVE),
        cooperation_type=fields.pop("cooperation_type", "distribution"),
        now=AFTER,
        **fields,
    )


def _deal(meetup, **fields):
    return create_deal_from_follow_up(
        _prospective(meetup, estimated_value=Decimal(80000), currency="EUR"),
        by=meetup.users["alice"],
        now=AFTER,
        **fields,
    )


def _stages(deal):
    return list(DealStageChange.objects.filter(deal=deal).values_list("from_stage", "to_stage"))


def test_deal_from_a_prospective_follow_up_has_both_sides_as_parties(meetup):
    deal = _deal(meetup)

    assert (deal.stage, deal.event, deal.meeting, deal.cooperation_type, deal.value, deal.currency) == (
        DealStage.PROSPECTIVE, meetup.event, meetup.meeting, "distribution", Decimal("80000.00"), "EUR",
    )  # fmt: skip
    assert set(deal.parties.all()) == {meetup.alice.organization, meetup.bob.organization}
    assert (deal.title, deal.opened_on) == ("Distribution: Alice Ltd – Bob Ltd", dt.date(2009, 7, 14))
    assert _stages(deal) == [("", DealStage.PROSPECTIVE)]


def test_further_talks_do_not_become_a_deal(meetup):
    follow_up = _prospective(meetup, result=FollowUpResult.FURTHER_TALKS, cooperation_type="")

    with pytest.raises(DomainError, match="only a prospective transaction becomes a deal"):
        create_deal_from_follow_up(follow_up, by=meetup.users["alice"], now=AFTER)
    assert Deal.objects.count() == 0


def test_the_other_sides_follow_up_opens_no_second_deal(meetup):
    first = _deal(meetup)
    theirs = _prospective(meetup, who="bob")

    with pytest.raises(DomainError, match=rf"it already has a deal: deal #{first.pk}"):
        create_deal_from_follow_up(theirs, by=meetup.users["bob"], now=AFTER)
    assert Deal.objects.count() == 1


def test_deal_goes_forward_to_a_signed_agreement(meetup):
    deal = _deal(meetup)

    advance_deal_stage(deal, to_stage=DealStage.NEGOTIATION, by=meetup.users["bob"], now=LATER)
    signed = advance_deal_stage(
        deal, to_stage=DealStage.SIGNED, by=meetup.users["alice"], signed_on=dt.date(2009, 8, 30), now=LATER
    )

    assert (signed.stage, signed.signed_on) == (DealStage.SIGNED, dt.date(2009, 8, 30))
    assert _stages(deal) == [
        ("", DealStage.PROSPECTIVE),
        (DealStage.PROSPECTIVE, DealStage.NEGOTIATION),
        (DealStage.NEGOTIATION, DealStage.SIGNED),
    ]
    assert list(deal.stage_changes.values_list("by__username", flat=True)) == ["alice", "bob", "alice"]


def test_signing_defaults_to_today_in_the_events_time_zone(meetup):
    deal = _deal(meetup)

    # 20:00 UTC on 31 August is already 1 September in Shanghai.
    signed = advance_deal_stage(
        deal, to_stage=DealStage.SIGNED, by=None, now=dt.datetime(2009, 8, 31, 20, tzinfo=dt.UTC)
    )

    assert signed.signed_on == dt.date(2009, 9, 1)


def test_no_going_back_from_negotiation(meetup):
    deal = advance_deal_stage(_deal(meetup), to_stage=DealStage.NEGOTIATION, by=None, now=LATER)

    with pytest.raises(DomainError, match="at the stage “Negotiation” and cannot go to “Prospective”"):
        advance_deal_stage(deal, to_stage=DealStage.PROSPECTIVE, by=None, now=LATER)


@pytest.mark.parametrize("final", [DealStage.SIGNED, DealStage.DROPPED])
def test_signed_and_dropped_are_final(meetup, final):
    deal = advance_deal_stage(_deal(meetup), to_stage=final, by=None, now=LATER)

    with pytest.raises(DomainError, match="cannot go to"):
        advance_deal_stage(deal, to_stage=DealStage.NEGOTIATION, by=None, now=LATER)
    assert len(_stages(deal)) == 2


def test_agreement_signed_before_its_meeting_is_refused(meetup):
    deal = _deal(meetup)

    with pytest.raises(
        DomainError, match=rf"Deal #{deal.pk} “.*”: signed on 2009-07-12, before its meeting on 2009-07-13"
    ):
        advance_deal_stage(
            deal, to_stage=DealStage.SIGNED, signed_on=dt.date(2009, 7, 12), by=None, now=LATER
        )

    deal.refresh_from_db()
    assert (deal.stage, deal.signed_on, len(_stages(deal))) == (DealStage.PROSPECTIVE, None, 1)


def test_agreement_signed_in_the_future_is_refused(meetup):
    with pytest.raises(DomainError, match="in the future"):
        advance_deal_stage(
            _deal(meetup), to_stage=DealStage.SIGNED, signed_on=dt.date(2009, 9, 2), by=None, now=LATER
        )


def test_create_deal_with_value_without_currency_is_refused(meetup):
    with pytest.raises(DomainError, match="Deal “Franchise in Ohio”: a value needs a currency"):
        create_deal(
            title="Franchise in Ohio",
            parties=[meetup.alice.organization, meetup.bob.organization],
            cooperation_type="franchise",
            opened_on=dt.date(2009, 7, 14),
            value=Decimal(10),
            now=LATER,
        )
    assert Deal.objects.count() == 0


def test_create_deal_needs_two_parties(meetup):
    with pytest.raises(DomainError, match="at least two different parties"):
        create_deal(
            title="Alone",
            parties=[meetup.alice.organization, meetup.alice.organization],
            cooperation_type="franchise",
            opened_on=dt.date(2009, 7, 14),
            now=LATER,
        )


def test_create_signed_deal_without_date_is_refused(meetup):
    with pytest.raises(DomainError, match="needs the date it was signed"):
        create_deal(
            title="Signed",
            parties=[meetup.alice.organization, meetup.bob.organization],
            cooperation_type="franchise",
            opened_on=dt.date(2009, 7, 14),
            stage=DealStage.SIGNED,
            now=LATER,
        )


def test_deal_opened_before_its_meeting_is_refused(meetup):
    with pytest.raises(DomainError, match="opened on 2009-07-01, before its meeting on 2009-07-13"):
        create_deal(
            title="Early",
            parties=[meetup.alice.organization, meetup.bob.organization],
            cooperation_type="franchise",
            opened_on=dt.date(2009, 7, 1),
            meeting=meetup.meeting,
            now=LATER,
        )


def test_signed_at_a_ceremony_belongs_to_it(meetup):
    deal = create_deal(
        title="Joint venture",
        parties=[meetup.alice.organization, meetup.bob.organization],
        cooperation_type="joint_venture",
        opened_on=dt.date(2009, 7, 13),
        stage=DealStage.SIGNED,
        signed_on=dt.date(2009, 7, 13),
        ceremony=meetup.ceremony,
        now=LATER,
    )

    assert (deal.ceremony, deal.event, list(meetup.ceremony.deals.all())) == (
        meetup.ceremony,
        meetup.event,
        [deal],
    )


def test_link_to_a_ceremony_on_another_day_is_refused(meetup):
    deal = advance_deal_stage(
        _deal(meetup), to_stage=DealStage.SIGNED, signed_on=dt.date(2009, 8, 1), by=None, now=LATER
    )

    with pytest.raises(
        DomainError,
        match="signed on 2009-08-01, but the ceremony “Signing ceremony” took place on 2009-07-13",
    ):
        link_deal_to_ceremony(deal, ceremony=meetup.ceremony)
    deal.refresh_from_db()
    assert deal.ceremony is None


def test_link_to_a_speech_or_another_events_ceremony_is_refused(meetup):
    deal = _deal(meetup)
    speech = ProgrammeItemFactory(event=meetup.event, kind=ProgrammeKind.SPEECH, title="Keynote")
    other = small_expo("other")
    elsewhere = ProgrammeItemFactory(
        event=other,
        kind=ProgrammeKind.SIGNING_CEREMONY,
        title="Other signing",
        starts_at=local_time(other, 16),
    )

    with pytest.raises(DomainError, match="“Keynote” is not a signing ceremony"):
        link_deal_to_ceremony(deal, ceremony=speech)
    with pytest.raises(DomainError, match="belongs to another event"):
        link_deal_to_ceremony(deal, ceremony=elsewhere)


def test_link_open_deal_to_ceremony_then_sign_there(meetup):
    deal = create_deal(
        title="To be signed on stage",
        parties=[meetup.alice.organization, meetup.carol.organization],
        cooperation_type="licensing",
        opened_on=dt.date(2009, 7, 10),
        event=meetup.event,
        now=LATER,
    )

    link_deal_to_ceremony(deal, ceremony=meetup.ceremony)
    with pytest.raises(DomainError, match="took place on 2009-07-13"):
        advance_deal_stage(
            deal, to_stage=DealStage.SIGNED, signed_on=dt.date(2009, 7, 14), by=None, now=LATER
        )
    signed = advance_deal_stage(
        deal, to_stage=DealStage.SIGNED, signed_on=dt.date(2009, 7, 13), by=None, now=LATER
    )

    assert (signed.ceremony, signed.signed_on) == (meetup.ceremony, dt.date(2009, 7, 13))


@pytest.mark.parametrize(
    ("content", "content_type", "extension"),
    [
        (pdf_bytes, "application/pdf", "pdf"),
        (docx_bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        (png_bytes, "image/png", "png"),
    ],
)
def test_attach_agreement_document_by_its_content(meetup, settings, content, content_type, extension):
    data = content()
    deal = attach_agreement_document(
        _deal(meetup), upload=io.BytesIO(data), filename="../x/agreement.bin", by=None
    )

    assert (deal.document_type, deal.document_name) == (content_type, "agreement.bin")
    assert deal.document.name.startswith(f"deals/{deal.pk}/")
    assert deal.document.name.endswith(f".{extension}")
    path = settings.PRIVATE_MEDIA_ROOT / deal.document.name
    assert path.read_bytes() == data


@pytest.mark.parametrize("data", [b"MZ\x90\x00 a program", b"<html>agreement</html>", zip_bytes()])
def test_attach_something_else_is_refused(meetup, data):
    deal = _deal(meetup)

    with pytest.raises(
        DomainError, match=rf"Deal #{deal.pk} .*not a PDF, a Word document \(DOCX\) or an image"
    ):
        attach_agreement_document(deal, upload=io.BytesIO(data), filename="agreement.pdf", by=None)
    deal.refresh_from_db()
    assert deal.document.name == ""


def test_attach_too_large_document_is_refused(meetup, settings):
    settings.AGREEMENT_DOCUMENT_MAX_BYTES = 1000

    with pytest.raises(DomainError, match="larger than"):
        attach_agreement_document(
            _deal(meetup), upload=io.BytesIO(b"%PDF-1.7\n" + b"0" * 1000), filename="big.pdf", by=None
        )


@pytest.mark.django_db(transaction=True)
def test_new_document_replaces_the_old_file(meetup, settings):
    deal = _deal(meetup)
    first = attach_agreement_document(deal, upload=io.BytesIO(png_bytes()), filename="a.png", by=None)
    old_path = settings.PRIVATE_MEDIA_ROOT / first.document.name

    second = attach_agreement_document(deal, upload=io.BytesIO(docx_bytes()), filename="b.docx", by=None)

    assert (old_path.exists(), os.path.exists(settings.PRIVATE_MEDIA_ROOT / second.document.name)) == (
        False,
        True,
    )
