import datetime as dt

import pytest

from smexchange.common.exceptions import DomainError
from smexchange.outcomes.enums import PartnershipKind
from smexchange.outcomes.models import ManifestoSignatory, Partnership
from smexchange.outcomes.services.partnerships import (
    add_manifesto_signatory,
    create_manifesto,
    record_partnership,
)
from tests.factories.directory import OrganizationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EXPO_DAY = dt.date(2009, 7, 13)


def test_partnership_cities_signed_at_the_ceremony(meetup):
    xiuzhou = OrganizationFactory(kind="government", name="Xiuzhou District of Jiaxing")
    mountain_view = OrganizationFactory(kind="government", country="US", name="City of Mountain View")

    partnership = record_partnership(
        kind=PartnershipKind.PARTNER_CITIES,
        title="Xiuzhou – Mountain View partnership cities",
        parties=[xiuzhou, mountain_view],
        signed_on=EXPO_DAY,
        ceremony=meetup.ceremony,
    )

    assert (partnership.event, partnership.ceremony, set(partnership.parties.all())) == (
        meetup.event, meetup.ceremony, {xiuzhou, mountain_view},
    )  # fmt: skip


def test_partnership_on_another_day_than_its_ceremony_is_refused(meetup):
    with pytest.raises(DomainError, match="Partnership “Base”: signed on 2009-07-14, but the ceremony"):
        record_partnership(
            kind=PartnershipKind.CLUSTER_BASE,
            title="Base",
            parties=[OrganizationFactory(), OrganizationFactory()],
            signed_on=EXPO_DAY + dt.timedelta(days=1),
            ceremony=meetup.ceremony,
        )
    assert Partnership.objects.count() == 0


def test_partnership_needs_two_parties():
    with pytest.raises(DomainError, match="at least two different parties"):
        record_partnership(
            kind=PartnershipKind.MEMORANDUM, title="MoU", parties=[OrganizationFactory()], signed_on=EXPO_DAY
        )


def test_partnership_of_unknown_kind_is_refused():
    with pytest.raises(DomainError, match="“alliance” is not a kind of partnership"):
        record_partnership(
            kind="alliance",
            title="MoU",
            parties=[OrganizationFactory(), OrganizationFactory()],
            signed_on=EXPO_DAY,
        )


def test_manifesto_with_its_signatories(meetup):
    manifesto = create_manifesto(
        title="Shanghai Manifesto on Global SME Cooperation",
        text="We, the associations ...",
        signed_on=EXPO_DAY,
        ceremony=meetup.ceremony,
    )
    first, second = (
        OrganizationFactory(kind="association"),
        OrganizationFactory(kind="association", country="US"),
    )

    add_manifesto_signatory(manifesto, organization=first, signed_by="Wang Li", signed_by_title="President")
    add_manifesto_signatory(manifesto, organization=second)

    assert list(manifesto.signatories.values_list("organization", "signed_by", "signed_by_title")) == [
        (first.pk, "Wang Li", "President"),
        (second.pk, "", ""),
    ]
    assert manifesto.event == meetup.event


def test_organization_signs_a_manifesto_once():
    manifesto = create_manifesto(title="M", text="T", signed_on=EXPO_DAY)
    association = OrganizationFactory(kind="association", name="Ninghai Association")
    add_manifesto_signatory(manifesto, organization=association)

    with pytest.raises(DomainError, match="Manifesto “M”: Ninghai Association has already signed it"):
        add_manifesto_signatory(manifesto, organization=association)
    assert ManifestoSignatory.objects.count() == 1


def test_manifesto_without_text_is_refused():
    with pytest.raises(DomainError, match="needs a title and its text"):
        create_manifesto(title="M", text=" ", signed_on=EXPO_DAY)
