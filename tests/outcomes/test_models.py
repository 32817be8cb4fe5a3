"""The integrity rules the database holds on its own, whatever code writes the rows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import DealParty, Manifesto, ManifestoSignatory, MeetingFollowUp
from tests.factories.outcomes import DealFactory, MeetingFollowUpFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _follow_up(meetup, **fields):
    defaults = {"meeting": meetup.meeting, "event": meetup.event, "organization": meetup.alice.organization}
    return MeetingFollowUpFactory(**{**defaults, **fields})


def _refused(build):
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


def test_one_follow_up_per_meeting_and_organization(meetup):
    _follow_up(meetup)

    _refused(lambda: _follow_up(meetup, result=FollowUpResult.NO_INTEREST))
    _follow_up(meetup, organization=meetup.bob.organization)

    assert MeetingFollowUp.objects.count() == 2


def test_follow_up_needs_a_meeting_or_a_request(meetup):
    _refused(lambda: _follow_up(meetup, meeting=None, request=None))


def test_one_follow_up_per_request_without_meeting(meetup):
    request = meetup.meeting.request
    _follow_up(meetup, meeting=None, request=request)

    _refused(lambda: _follow_up(meetup, meeting=None, request=request))


def test_follow_up_value_needs_currency(meetup):
    _refused(lambda: _follow_up(meetup, estimated_value=Decimal(1000), currency=""))


def test_follow_up_value_cannot_be_negative(meetup):
    _refused(lambda: _follow_up(meetup, estimated_value=Decimal(-1), currency="USD"))


def test_prospective_follow_up_needs_cooperation_type(meetup):
    _refused(lambda: _follow_up(meetup, result=FollowUpResult.PROSPECTIVE, cooperation_type=""))


def test_deal_value_needs_currency():
    _refused(lambda: DealFactory(value=Decimal(5), currency=""))


def test_signed_deal_needs_signing_date():
    _refused(lambda: DealFactory(stage=DealStage.SIGNED, signed_on=None))


def test_unsigned_deal_has_no_signing_date():
    _refused(lambda: DealFactory(stage=DealStage.NEGOTIATION, signed_on=dt.date(2009, 8, 1)))


def test_deal_cannot_be_signed_before_it_was_opened():
    _refused(
        lambda: DealFactory(
            stage=DealStage.SIGNED, opened_on=dt.date(2009, 8, 1), signed_on=dt.date(2009, 7, 1)
        )
    )


def test_deal_party_once(meetup):
    deal = DealFactory(event=meetup.event)
    DealParty.objects.create(deal=deal, organization=meetup.alice.organization)

    _refused(lambda: DealParty.objects.create(deal=deal, organization=meetup.alice.organization))


def test_manifesto_signatory_once(meetup):
    manifesto = Manifesto.objects.create(title="M", text="T", signed_on=dt.date(2009, 7, 13))
    ManifestoSignatory.objects.create(manifesto=manifesto, organization=meetup.alice.organization)

    _refused(
        lambda: ManifestoSignatory.objects.create(manifesto=manifesto, organization=meetup.alice.organization)
    )


def test_agreement_storage_is_outside_public_media(settings):
    from smexchange.outcomes.storage import private_storage

    location = private_storage.location
    assert not location.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no public URL"):
        private_storage.url("deals/1/x.pdf")
