"""Request, accept, schedule, publish, agenda: the matchmaking journey in a real browser."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from smexchange.events.services import add_organizer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def _user_for(registration, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="correct horse battery")
    registration.person.user = user
    registration.person.save(update_fields=["user"])
    return user


def test_request_accept_schedule_publish_agenda(brokerage, live_server, browser_page):
    alice, bob = brokerage.people[:2]
    alice_user, bob_user = _user_for(alice, "alice@example.org"), _user_for(bob, "bob@example.org")
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    matchmaking = f"{live_server.url}/events/{brokerage.event.slug}/matchmaking/"
    organize = f"{live_server.url}/events/{brokerage.event.slug}/organize/matchmaking/"
    page = browser_page
    context = page.context

    context.add_cookies([_login_cookie(alice_user, live_server)])
    page.goto(matchmaking)
    page.locator(f"form:has([data-testid=request-{bob.pk}]) input[name=message]").fill("Pencils for Brazil?")
    page.get_by_test_id(f"request-{bob.pk}").click()
    assert "Your request was sent" in page.locator(".messages").inner_text()

    context.clear_cookies()
    context.add_cookies([_login_cookie(bob_user, live_server)])
    page.goto(matchmaking)
    received = page.locator("#received li")
    assert "Pencils for Brazil?" in received.inner_text()
    received.get_by_role("button", name="Accept").click()
    assert page.locator("#received .badge").inner_text() == "Accepted"

    context.clear_cookies()
    context.add_cookies([_login_cookie(organizer, live_server)])
    page.goto(organize)
    page.locator("input[name=time_limit]").fill("5")
    page.get_by_test_id("start-run").click()
    page.goto(organize)
    assert page.locator("#runs tbody tr").first.get_attribute("class") == "run-succeeded"
    assert page.locator("#draft table.grid tbody tr").count() == 1
    page.get_by_test_id("publish").click()
    assert "The schedule is published" in page.locator(".messages").inner_text()

    context.clear_cookies()
    context.add_cookies([_login_cookie(alice_user, live_server)])
    page.goto(matchmaking)
    agenda = page.locator("#agenda tbody tr")
    assert agenda.count() == 1
    assert bob.person.display_name in agenda.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to your calendar (.ics)").click()
    assert download.value.suggested_filename == f"{brokerage.event.slug}-agenda.ics"
