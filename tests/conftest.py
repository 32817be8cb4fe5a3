"""Suite-wide test configuration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import connection

from smexchange.events.enums import ParticipantRole, ProgrammeKind, RegistrationStatus
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import (
    EventFactory,
    ProgrammeItemFactory,
    ProgrammeSpeakerFactory,
    RegistrationFactory,
    local_time,
)


@pytest.fixture(autouse=True)
def _isic_sectors(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush every table, the sectors a migration loaded included: put them back."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from smexchange.common.models import Sector  # after the database is set up for this test
    from smexchange.common.services import sync_sectors

    if not Sector.objects.exists():
        sync_sectors()


@pytest.fixture(scope="session", autouse=True)
def _live_server_backlog() -> None:
    """The live server listens with Django's backlog of 10; the HTTP race tests connect 50 clients at once.

    A real server (gunicorn: 2048) queues them; with 10, the kernel resets the overflow.
    """
    from django.core.servers import basehttp

    basehttp.WSGIServer.request_queue_size = 128


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" in engine:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (as .ci/run does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def expo():
    """A small published expo: keynote in the morning of 13 July 2009 (Shanghai), signing in the afternoon."""
    event = EventFactory(
        slug="global-sme-expo-2009",
        name="Global SME Expo 2009",
        name_zh="2009全球中小企业博览会",
        starts_on=dt.date(2009, 7, 13),
        ends_on=dt.date(2009, 7, 13),
        is_published=True,
    )
    chairman = PersonFactory(given_name="Alliance", family_name="Chairman", title="Chairman")
    keynote = ProgrammeItemFactory(
        event=event,
        kind=ProgrammeKind.SPEECH,
        title="The Long March to Facilitating International Cooperation",
        title_zh="促进国际合作的长征",
        starts_at=local_time(event, 9, 30),
        ends_at=local_time(event, 10),
    )
    ProgrammeSpeakerFactory(item=keynote, person=chairman)
    ProgrammeItemFactory(
        event=event,
        kind=ProgrammeKind.SIGNING_CEREMONY,
        title="Signing of the Shanghai Manifesto",
        title_zh="签署《上海宣言》",
        starts_at=local_time(event, 15),
        ends_at=local_time(event, 15, 30),
    )
    principal = PersonFactory(organization=OrganizationFactory(kind="association", country="US"))
    RegistrationFactory(
        event=event,
        person=principal,
        role=ParticipantRole.ASSOCIATION_PRINCIPAL,
        status=RegistrationStatus.CONFIRMED,
    )
    return event


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A page fetched in Chinese leaves Chinese active in this thread; the next test starts in English."""
    yield
    from django.utils import translation

    translation.activate("en")
