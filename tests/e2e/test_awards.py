"""Score, declare a conflict, close, publish: the award journey in a real browser."""

import pytest
from django.conf import settings
from django.test import Client

from smexchange.awards.models import ConflictOfInterest, Laureate, Score
from smexchange.events.services import add_organizer
from tests.awards.conftest import build_jury
from tests.factories.awards import AwardUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def test_juror_scores_declares_a_conflict_and_organizer_publishes(live_server, browser_page):
    jury = build_jury(nominees=2, jurors=1)
    juror, (first, second) = jury.jurors[0], jury.nominations
    organizer = AwardUserFactory()
    add_organizer(jury.award.event, user=organizer)
    base = f"{live_server.url}/events/{jury.award.event.slug}"
    page = browser_page
    context = page.context

    context.add_cookies([_login_cookie(juror.user, live_server)])
    page.goto(f"{base}/awards/top-ten/jury/")
    card = page.locator(f"#nomination-{first.pk}")
    card.locator(f"input[name=criterion-{jury.innovation.pk}]").fill("8.5")
    card.locator(f"input[name=criterion-{jury.vision.pk}]").fill("7")
    card.get_by_role("button", name="Save scores").click()
    assert "Your scores for Nominee0 Zhang are saved." in page.locator(".messages").inner_text()
    other = page.locator(f"#nomination-{second.pk}")
    other.locator("input[name=reason]").fill("Shareholder of the nominee's company")
    other.get_by_role("button", name="Declare a conflict of interest").click()
    assert "Conflict of interest with Nominee1 Zhang declared" in page.locator(".messages").inner_text()
    assert page.locator(f"#nomination-{second.pk} input[name^=criterion-]").count() == 0

    context.clear_cookies()
    context.add_cookies([_login_cookie(organizer, live_server)])
    page.goto(f"{base}/organize/awards/top-ten/")
    page.get_by_role("button", name="Close the jury").click()
    page.get_by_role("button", name="Publish the laureates").click()
    assert "1 laureate published." in page.locator(".messages").inner_text()

    context.clear_cookies()
    page.goto(f"{base}/awards/top-ten/")
    assert page.locator("#laureate-1").inner_text().startswith("Nominee0 Zhang")
    assert sorted(Score.objects.values_list("value", flat=True)) == [7, 8.5]
    assert list(ConflictOfInterest.objects.values_list("nomination", flat=True)) == [second.pk]
    assert list(Laureate.objects.values_list("nomination", flat=True)) == [first.pk]
