import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smexchange.events.services import add_organizer
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, MeetingFollowUp
from smexchange.outcomes.services.deals import (
    attach_agreement_document,
    create_deal,
    create_deal_from_follow_up,
)
from smexchange.outcomes.services.follow_ups import record_follow_up
from tests.outcomes.conftest import AFTER, hold_meeting, participant, small_expo, user_for
from tests.outcomes.documents import pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _follow_up_url(meetup, meeting=None):
    return reverse("outcomes:follow_up", args=[meetup.event.slug, (meeting or meetup.meeting).pk])


def _deal(meetup):
    follow_up = record_follow_up(
        meetup.meeting,
        organization=meetup.alice.organization,
        recorded_by=meetup.users["alice"],
        result=FollowUpResult.PROSPECTIVE,
        cooperation_type="joint_venture",
        estimated_value=Decimal(500000),
        currency="CNY",
        now=AFTER,
    )
    return create_deal_from_follow_up(follow_up, by=meetup.users["alice"], now=AFTER)


def _stranger_organizer():
    user = get_user_model().objects.create_user(username="elsewhere", email="elsewhere@example.org")
    add_organizer(small_expo("elsewhere"), user=user)
    return user


def test_follow_up_page_needs_login(client, meetup):
    response = client.get(_follow_up_url(meetup))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_participant_records_the_follow_up_through_the_page(client, meetup):
    client.force_login(meetup.users["alice"])

    response = client.post(
        _follow_up_url(meetup),
        {
            "result": "prospective",
            "cooperation_type": "distribution",
            "estimated_value": "12000",
            "currency": "eur",
            "next_step": "Samples",
        },
    )

    assert response.status_code == 302
    stored = MeetingFollowUp.objects.get()
    assert (stored.organization, stored.result, stored.estimated_value, stored.currency, stored.recorded_on_behalf) == (
        meetup.alice.organization, FollowUpResult.PROSPECTIVE, Decimal("12000.00"), "EUR", False,
    )  # fmt: skip
    page = client.get(_follow_up_url(meetup)).content.decode()
    assert "Bob Ltd" in page
    assert 'data-testid="open-deal"' in page


def test_value_without_currency_shows_the_problem_and_saves_nothing(client, meetup):
    client.force_login(meetup.users["alice"])

    response = client.post(
        _follow_up_url(meetup),
        {"result": "prospective", "cooperation_type": "distribution", "estimated_value": "100"},
    )

    assert response.status_code == 400
    assert f"Meeting #{meetup.meeting.pk} (Alice Ltd × Bob Ltd" in response.content.decode()
    assert "a value needs a currency" in response.content.decode()
    assert MeetingFollowUp.objects.count() == 0


def test_bad_currency_code_is_a_form_error(client, meetup):
    client.force_login(meetup.users["alice"])

    response = client.post(
        _follow_up_url(meetup), {"result": "further_talks", "estimated_value": "1", "currency": "RMB"}
    )

    assert response.status_code == 400
    assert "not an ISO 4217 currency code" in response.content.decode()


@pytest.mark.parametrize("who", ["carol", "stranger"])
def test_someone_outside_the_meeting_gets_404(client, meetup, who):
    if who == "stranger":
        other = small_expo("other-expo")
        user = user_for(participant(other, "DE", "dieter"), "dieter")
    else:
        user = meetup.users["carol"]
    client.force_login(user)

    assert client.get(_follow_up_url(meetup)).status_code == 404
    assert client.post(_follow_up_url(meetup), {"result": "no_interest"}).status_code == 404
    assert MeetingFollowUp.objects.count() == 0


def test_meeting_of_another_event_gets_404_under_this_events_url(client, meetup):
    other = small_expo("other-expo")
    elsewhere = hold_meeting(other, participant(other, "CN", "wu"), participant(other, "JP", "ken"))
    client.force_login(meetup.users["alice"])

    assert client.get(_follow_up_url(meetup, elsewhere)).status_code == 404


def test_open_deal_from_the_page(client, meetup):
    client.force_login(meetup.users["alice"])
    client.post(_follow_up_url(meetup), {"result": "prospective", "cooperation_type": "licensing"})

    response = client.post(reverse("outcomes:open_deal", args=[meetup.event.slug, meetup.meeting.pk]))

    deal = Deal.objects.get()
    assert response["Location"] == reverse("outcomes:deal_detail", args=[deal.pk])
    assert set(deal.parties.all()) == {meetup.alice.organization, meetup.bob.organization}


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 200), ("organizer", 200), ("carol", 404)]
)
def test_deal_detail_for_parties_and_organizers_only(client, meetup, who, status):
    deal = _deal(meetup)
    client.force_login(meetup.users[who])

    assert client.get(reverse("outcomes:deal_detail", args=[deal.pk])).status_code == status


def test_deal_detail_is_404_for_another_events_organizer(client, meetup):
    deal = _deal(meetup)
    client.force_login(_stranger_organizer())

    assert client.get(reverse("outcomes:deal_detail", args=[deal.pk])).status_code == 404
    assert (
        client.post(reverse("outcomes:advance", args=[deal.pk]), {"to_stage": "dropped"}).status_code == 404
    )
    deal.refresh_from_db()
    assert deal.stage == DealStage.PROSPECTIVE


def test_my_deals_lists_only_my_organizations_deals(client, meetup):
    mine = _deal(meetup)
    create_deal(
        title="Not yours",
        parties=[meetup.bob.organization, meetup.carol.organization],
        cooperation_type="franchise",
        opened_on=dt.date(2009, 7, 14),
        now=AFTER,
    )
    client.force_login(meetup.users["alice"])

    response = client.get(reverse("outcomes:deal_list"))

    assert [deal.pk for deal in response.context["deals"]] == [mine.pk]


def test_deal_moves_to_negotiation_then_signed_and_not_back(client, meetup):
    deal = _deal(meetup)
    client.force_login(meetup.users["bob"])
    url = reverse("outcomes:advance", args=[deal.pk])

    client.post(url, {"to_stage": "negotiation"})
    client.post(url, {"to_stage": "signed", "signed_on": "2009-07-20"})
    client.post(url, {"to_stage": "negotiation"})

    deal.refresh_from_db()
    assert (deal.stage, deal.signed_on) == (DealStage.SIGNED, dt.date(2009, 7, 20))
    assert list(deal.stage_changes.values_list("to_stage", flat=True)) == [
        "prospective",
        "negotiation",
        "signed",
    ]


def test_signing_before_the_meeting_shows_the_problem(client, meetup):
    deal = _deal(meetup)
    client.force_login(meetup.users["alice"])

    response = client.post(
        reverse("outcomes:advance", args=[deal.pk]),
        {"to_stage": "signed", "signed_on": "2009-07-01"},
        follow=True,
    )

    assert "signed on 2009-07-01, before its meeting on 2009-07-13" in response.content.decode()
    deal.refresh_from_db()
    assert deal.stage == DealStage.PROSPECTIVE


def test_upload_and_download_agreement_only_for_the_parties(client, meetup, settings):
    deal = _deal(meetup)
    client.force_login(meetup.users["alice"])
    upload = io.BytesIO(pdf_bytes())
    upload.name = "agreement.pdf"

    client.post(reverse("outcomes:upload_document", args=[deal.pk]), {"document": upload})
    response = client.get(reverse("outcomes:document", args=[deal.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "application/pdf", 'attachment; filename="agreement.pdf"',
    )  # fmt: skip
    deal.refresh_from_db()
    assert (settings.PRIVATE_MEDIA_ROOT / deal.document.name).exists()
    assert not (settings.MEDIA_ROOT / deal.document.name).exists()
    client.force_login(meetup.users["carol"])
    assert client.get(reverse("outcomes:document", args=[deal.pk])).status_code == 404


def test_upload_of_a_non_agreement_is_refused_with_a_message(client, meetup):
    deal = _deal(meetup)
    client.force_login(meetup.users["alice"])
    upload = io.BytesIO(b"<script>alert(1)</script>")
    upload.name = "agreement.pdf"

    response = client.post(
        reverse("outcomes:upload_document", args=[deal.pk]), {"document": upload}, follow=True
    )

    assert "not a PDF, a Word document (DOCX) or an image" in response.content.decode()
    deal.refresh_from_db()
    assert deal.document.name == ""


def test_link_deal_to_the_events_ceremony(client, meetup):
    deal = _deal(meetup)
    client.force_login(meetup.users["organizer"])

    client.post(reverse("outcomes:link_ceremony", args=[deal.pk]), {"ceremony": meetup.ceremony.pk})

    deal.refresh_from_db()
    assert deal.ceremony == meetup.ceremony


def test_organizer_overview_shows_figures_follow_ups_and_deals(client, meetup):
    _deal(meetup)
    client.force_login(meetup.users["organizer"])

    response = client.get(reverse("outcomes:organizer", args=[meetup.event.slug]))

    figures = response.context["figures"]
    assert (figures["meetings"], figures["without_follow_up"]) == (1, 0)
    assert dict(figures["stages"])["Prospective"] == 1
    assert [meeting.pk for meeting in response.context["waiting"]] == [meetup.meeting.pk]


# A participant of the event is refused (403); another event's organizer learns nothing (404).
@pytest.mark.parametrize(("who", "status"), [("alice", 403), ("elsewhere", 404)])
def test_organizer_pages_refuse_participants_and_other_organizers(client, meetup, who, status):
    client.force_login(_stranger_organizer() if who == "elsewhere" else meetup.users[who])
    record_url = reverse("outcomes:record_on_behalf", args=[meetup.event.slug, meetup.meeting.pk])

    assert client.get(reverse("outcomes:organizer", args=[meetup.event.slug])).status_code == status
    assert (
        client.post(record_url, {"organization": meetup.bob.organization.pk, "result": "no_show"}).status_code
        == status
    )
    assert MeetingFollowUp.objects.count() == 0


def test_organizer_records_a_no_show_on_site(client, meetup):
    client.force_login(meetup.users["organizer"])

    response = client.post(
        reverse("outcomes:record_on_behalf", args=[meetup.event.slug, meetup.meeting.pk]),
        {"organization": meetup.bob.organization.pk, "result": "no_show"},
    )

    assert response.status_code == 302
    stored = MeetingFollowUp.objects.get()
    assert (stored.organization, stored.result, stored.recorded_on_behalf, stored.recorded_by) == (
        meetup.bob.organization, FollowUpResult.NO_SHOW, True, meetup.users["organizer"],
    )  # fmt: skip
    overview = client.get(reverse("outcomes:organizer", args=[meetup.event.slug]))
    assert overview.context["figures"]["no_shows"] == 1


def test_agenda_links_each_meeting_to_its_follow_up(client, meetup):
    client.force_login(meetup.users["alice"])

    page = client.get(reverse("matchmaking:participant", args=[meetup.event.slug])).content.decode()

    assert _follow_up_url(meetup) in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_deals(meetup, count):
    for index in range(count):
        other = participant(meetup.event, "IN", f"extra{index}")
        create_deal(
            title=f"Extra {index}",
            parties=[meetup.alice.organization, other.organization],
            cooperation_type="supplier",
            opened_on=dt.date(2009, 7, 14),
            event=meetup.event,
            now=AFTER,
        )


def test_deal_list_query_count_does_not_grow_with_deals(client, meetup):
    client.force_login(meetup.users["alice"])
    _more_deals(meetup, 1)
    one = _queries(client, reverse("outcomes:deal_list"))

    _more_deals(meetup, 2)

    assert _queries(client, reverse("outcomes:deal_list")) == one


def test_organizer_overview_query_count_does_not_grow_with_rows(client, meetup):
    client.force_login(meetup.users["organizer"])
    url = reverse("outcomes:organizer", args=[meetup.event.slug])
    _more_deals(meetup, 1)
    one = _queries(client, url)

    _more_deals(meetup, 2)
    hold_meeting(meetup.event, meetup.bob, meetup.carol, slot_index=1)

    assert _queries(client, url) == one


def test_agreement_attached_by_service_is_downloadable_by_staff(client, meetup):
    deal = attach_agreement_document(_deal(meetup), upload=io.BytesIO(pdf_bytes()), filename="a.pdf", by=None)
    staff = get_user_model().objects.create_user(username="staff", email="staff@example.org", is_staff=True)
    client.force_login(staff)

    response = client.get(reverse("outcomes:document", args=[deal.pk]))

    assert (response.status_code, b"".join(response.streaming_content)) == (200, pdf_bytes())
