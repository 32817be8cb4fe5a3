"""Script and markup in every free-text field are inert on every page that shows them (TRUST 7),
and the server never fetches a URL a user typed (TRUST 10)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.apps import apps
from django.db import models

from smexchange.directory.models import Organization
from tests.security.pages import every_page
from tests.security.world import ROLES, World, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
SHORT_PAYLOAD = "<i onclick=1>"
# What must never reach a page as markup: each is what escaping turns into text.
DANGERS = ("<script>alert(1)</script>", "<img src=x onerror", "<i onclick=1>", 'href="javascript:')
PROJECT_APPS = {
    "common",
    "directory",
    "events",
    "matchmaking",
    "outcomes",
    "awards",
    "imports",
    "accounts",
    "reports",
}
# Fields that are identifiers or machine values, not text people write (a page never shows them raw).
NOT_FREE_TEXT = {
    "time_zone", "language", "currency", "document_type", "document_name", "token_hash", "account", "ip",
    "object_type", "object_id", "event_slug", "file_format", "phase", "error", "code",
}  # fmt: skip


def free_text_fields() -> list[tuple[type[models.Model], str, int | None]]:
    fields = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.CharField | models.TextField)
                and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
                and not field.choices
                and not field.unique
                and not field.primary_key
                and field.name not in NOT_FREE_TEXT
            ):
                fields.append((model, field.name, field.max_length))
    return fields


def poison(world: World) -> list[str]:
    """Every free-text field of every row gets a payload (the longest that fits); returns their names."""
    poisoned = []
    for model, name, max_length in free_text_fields():
        # Row ids are appended: unique constraints over several fields (a group's name per event) hold.
        payload = next(
            (p for p in (PAYLOAD, SHORT_PAYLOAD) if max_length is None or len(p) + 6 <= max_length), None
        )
        if payload is not None:
            for pk in model.objects.values_list("pk", flat=True):
                model.objects.filter(pk=pk).update(**{name: f"{payload}{pk}"})
            poisoned.append(f"{model._meta.label}.{name}")
    Organization.objects.update(website="javascript:alert(1)")
    return poisoned


def test_the_payload_reaches_the_fields_people_write():
    poisoned = poison(build_world())

    assert {
        "directory.Organization.name",
        "directory.Organization.description",
        "directory.Person.given_name",
        "directory.Person.title",
        "directory.CooperationProfile.title",
        "directory.CooperationItem.text",
        "events.Event.name",
        "events.ProgrammeItem.title",
        "matchmaking.MeetingRequest.message",
        "matchmaking.ParticipantGroup.name",
        "outcomes.Deal.title",
        "awards.Nomination.citation",
    } <= set(poisoned)


@pytest.mark.parametrize("role", ROLES)
def test_payloads_are_inert_on_every_html_page(role):
    world = build_world()
    poison(world)

    pages = every_page(world, role, kinds=("text/html",))

    live = {name: [d for d in DANGERS if d in text] for name, text in pages.items()}
    assert {name: found for name, found in live.items() if found} == {}
    # The payload is shown, as text: escaping, not dropping, is what makes it inert.
    shown = [name for name, text in pages.items() if "&lt;script&gt;alert(1)&lt;/script&gt;" in text]
    assert shown != []


def test_payloads_print_as_text_in_pdfs():
    """A PDF is rendered from an escaped template: the markup shows as characters, not as elements."""
    world = build_world()
    poison(world)

    pages = every_page(world, "organizer", kinds=("application/pdf",))

    badges = pages["matchmaking:badges_pdf /events/event-a/organize/badges.pdf"]
    assert "<script>alert(1)</script>" in badges.replace("\n", "")


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"fetched")

    def log_message(self, *args: object) -> None:
        pass


def test_the_server_never_fetches_a_user_supplied_url():
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/logo.png"
    world = build_world()
    Organization.objects.update(website=url, description=f'<img src="{url}">', name=f'<img src="{url}">')
    _Recorder.hits.clear()
    try:
        for role in ROLES:
            every_page(world, role)  # pages, PDFs (badges, table plan, agenda) and exports
    finally:
        server.shutdown()
        server.server_close()

    assert _Recorder.hits == []
