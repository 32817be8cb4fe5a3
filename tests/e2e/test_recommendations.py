"""From a recommendation, with its reasons, to a sent meeting request: in a real browser."""

import pytest

from smexchange.matchmaking.enums import RequestStatus
from smexchange.matchmaking.models import MeetingRequest
from smexchange.matchmaking.services.recommendations import refresh_event_recommendations
from tests.e2e.test_matchmaking import _login_cookie, _user_for
from tests.matchmaking.test_recommendations import stationery_pair  # noqa: F401 (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_recommended_chinese_maker_is_asked_for_a_meeting_in_one_click(
    stationery_pair,  # noqa: F811
    live_server,
    browser_page,
):
    _maker, _brand, (maker_reg, brand_reg) = stationery_pair
    refresh_event_recommendations(brand_reg.event)
    user = _user_for(brand_reg, "brand@example.org")
    page = browser_page
    page.context.add_cookies([_login_cookie(user, live_server)])

    page.goto(f"{live_server.url}/events/{brand_reg.event.slug}/matchmaking/")
    card = page.locator("#recommended li", has_text="宁海文具有限公司")
    assert "They target United States" in card.inner_text() or "You target China" in card.inner_text()
    card.locator("input[name=message]").fill("Pencils for our US stores?")
    page.get_by_test_id(f"recommended-request-{maker_reg.pk}").click()

    assert "Your request was sent" in page.locator(".messages").inner_text()
    request = MeetingRequest.objects.get(requester=brand_reg)
    assert request.recipient == maker_reg
    assert request.message == "Pencils for our US stores?"
    assert request.status == RequestStatus.PENDING
    assert page.locator("#recommended li", has_text="宁海文具有限公司").get_by_text("Requested").count() == 1
