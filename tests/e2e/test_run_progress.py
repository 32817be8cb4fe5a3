"""The organizer watches a schedule run's progress bar move, then the page shows the finished run."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from smexchange.events.services import add_organizer
from smexchange.matchmaking.enums import RunStatus
from smexchange.matchmaking.models import ScheduleRun
from tests.e2e.test_matchmaking import _login_cookie

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_progress_bar_follows_the_run_and_the_page_reloads_when_it_ends(brokerage, live_server, browser_page):
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    run = ScheduleRun.objects.create(
        event=brokerage.event, status=RunStatus.RUNNING, phase="search", best_weight=10, weight_bound=50
    )
    page = browser_page
    page.context.add_cookies([_login_cookie(organizer, live_server)])
    page.goto(f"{live_server.url}/events/{brokerage.event.slug}/organize/matchmaking/")
    bar = page.locator("tr[data-run-progress-url] progress")
    assert bar.get_attribute("value") == "10"

    ScheduleRun.objects.filter(pk=run.pk).update(best_weight=30, idle_slots=4)
    # A polled element handle, not a JavaScript string: the site's CSP forbids eval, and so Playwright's string predicates.
    progress = page.locator("#runs progress")
    expect(progress).to_have_js_property("value", 30)
    assert "30 / 50" in page.locator("#runs tbody tr").first.inner_text()

    ScheduleRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error="solver crashed")
    page.wait_for_selector("#runs tbody tr.run-failed")
    assert "solver crashed" in page.locator("#runs tbody tr").first.inner_text()
