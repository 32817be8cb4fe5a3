"""A meeting's follow-up becomes a deal, then a signed agreement with its document: in a real browser."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, MeetingFollowUp
from tests.outcomes.conftest import meetup as meetup  # shared fixture
from tests.outcomes.documents import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def test_follow_up_becomes_a_deal_then_a_signed_agreement(
    meetup, live_server, browser_page, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # The deal opens today (in the event's time zone): it can be signed today, not before.
    today = timezone.now().astimezone(meetup.event.zone).date()
    page = browser_page
    context = page.context

    # Alice records a prospective transaction from her agenda and opens a deal from it.
    context.add_cookies([_login_cookie(meetup.users["alice"], live_server)])
    page.goto(f"{live_server.url}/events/{meetup.event.slug}/matchmaking/")
    page.get_by_test_id(f"follow-up-{meetup.meeting.pk}").click()
    page.get_by_label("Prospective transaction").check()
    page.select_option("select[name=cooperation_type]", "distribution")
    page.fill("input[name=estimated_value]", "250000")
    page.fill("input[name=currency]", "usd")
    page.fill("textarea[name=next_step]", "Send samples to Chicago")
    page.get_by_role("button", name="Save the follow-up").click()
    assert "Follow-up recorded: Prospective transaction." in page.locator(".messages").inner_text()
    page.get_by_test_id("open-deal").click()
    assert page.get_by_test_id("deal-stage").inner_text() == "Prospective"
    assert "250000.00 USD" in page.locator(".facts").inner_text()

    # Bob, the other side, finds it among his deals, negotiates, signs and uploads the agreement.
    context.clear_cookies()
    context.add_cookies([_login_cookie(meetup.users["bob"], live_server)])
    page.goto(f"{live_server.url}/deals/")
    page.get_by_role("link", name="Distribution: Alice Ltd – Bob Ltd").click()
    page.select_option("select[name=to_stage]", "negotiation")
    page.get_by_test_id("advance").click()
    assert page.get_by_test_id("deal-stage").inner_text() == "Negotiation"
    page.select_option("select[name=to_stage]", "signed")
    page.fill("input[name=signed_on]", "2009-07-12")
    page.get_by_test_id("advance").click()
    assert "before its meeting on 2009-07-13" in page.locator(".messages").inner_text()
    page.select_option("select[name=to_stage]", "signed")
    page.fill("input[name=signed_on]", today.isoformat())
    page.get_by_test_id("advance").click()
    assert page.get_by_test_id("deal-stage").inner_text() == "Signed agreement"
    page.set_input_files(
        "input[name=document]",
        files=[{"name": "agreement.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}],
    )
    page.get_by_test_id("upload").click()
    assert "Agreement document stored." in page.locator(".messages").inner_text()
    with page.expect_download() as download:
        page.get_by_test_id("document-link").click()
    assert download.value.suggested_filename == "agreement.pdf"
    with open(download.value.path(), "rb") as downloaded:
        assert downloaded.read() == pdf_bytes()
    history = page.locator("#history tbody tr")
    assert history.count() == 3

    deal = Deal.objects.get()
    follow_up = MeetingFollowUp.objects.get()
    assert (follow_up.result, follow_up.currency, deal.stage, deal.signed_on) == (
        FollowUpResult.PROSPECTIVE, "USD", DealStage.SIGNED, today,
    )  # fmt: skip
    assert list(deal.stage_changes.values_list("by__username", flat=True)) == ["alice", "bob", "bob"]
