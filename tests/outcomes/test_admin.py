import datetime as dt
from decimal import Decimal

import pytest

from smexchange.outcomes.enums import DealStage, FollowUpResult, PartnershipKind
from smexchange.outcomes.services.deals import advance_deal_stage, create_deal_from_follow_up
from smexchange.outcomes.services.follow_ups import record_follow_up
from smexchange.outcomes.services.partnerships import (
    add_manifesto_signatory,
    create_manifesto,
    record_partnership,
)
from tests.common.admin_pages import (
    add_url,
    change_url,
    changelist_url,
    filter_query_strings,
    registered_models,
)
from tests.outcomes.conftest import AFTER

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def outcome_rows(meetup):
    follow_up = record_follow_up(
        meetup.meeting,
        organization=meetup.alice.organization,
        recorded_by=meetup.users["alice"],
        result=FollowUpResult.PROSPECTIVE,
        cooperation_type="supplier",
        estimated_value=Decimal(1200),
        currency="CNY",
        now=AFTER,
    )
    deal = create_deal_from_follow_up(follow_up, by=meetup.users["alice"], now=AFTER)
    advance_deal_stage(deal, to_stage=DealStage.NEGOTIATION, by=meetup.users["bob"], now=AFTER)
    partnership = record_partnership(
        kind=PartnershipKind.MEMORANDUM,
        title="Memorandum",
        parties=[meetup.alice.organization, meetup.bob.organization],
        signed_on=dt.date(2009, 7, 13),
    )
    manifesto = create_manifesto(title="Manifesto", text="Text", signed_on=dt.date(2009, 7, 13))
    add_manifesto_signatory(manifesto, organization=meetup.alice.organization)
    return [follow_up, deal, partnership, manifesto]


def test_admin_registers_the_outcome_models():
    assert [model._meta.model_name for model in registered_models("outcomes")] == [
        "deal", "followupreminder", "manifesto", "meetingfollowup", "partnership",
    ]  # fmt: skip


@pytest.mark.parametrize("model", registered_models("outcomes"), ids=lambda model: model._meta.model_name)
def test_admin_changelist_search_filters_and_add_answer(admin_client, outcome_rows, model):
    queries = ["?q=Alice", *filter_query_strings(admin_client, model)]

    statuses = [admin_client.get(changelist_url(model) + query).status_code for query in queries]

    assert set(statuses) == {200}
    assert admin_client.get(add_url(model)).status_code == 200


def test_admin_change_pages_show_inlines(admin_client, outcome_rows):
    responses = [admin_client.get(change_url(obj)) for obj in outcome_rows]

    assert [response.status_code for response in responses] == [200, 200, 200, 200]
    assert "Negotiation" in responses[1].content.decode()
    assert "stage changes" in responses[1].content.decode().lower()
