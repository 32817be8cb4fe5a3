"""The database constraints hold when two writers race past the services' Python checks."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection

from smexchange.events.models import Booth, Registration
from smexchange.events.services import add_booth, register_participant
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*calls):
    """Run the calls in threads released at the same moment; the outcome of each, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [""] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "done"
        except (ValidationError, IntegrityError):  # DomainError, full_clean's check or the database
            outcomes[index] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_register_participant_twice_at_once_keeps_one_registration():
    event, person = EventFactory(), PersonFactory()

    def register():
        return register_participant(event, person=person, role="entrepreneur")

    outcomes = _race(register, register)

    assert sorted(outcomes) == ["done", "refused"]
    assert Registration.objects.filter(event=event, person=person).count() == 1


def test_add_booth_for_one_host_twice_at_once_keeps_one_booth():
    event, host = EventFactory(), OrganizationFactory()

    outcomes = _race(
        lambda: add_booth(event, code="A01", host=host), lambda: add_booth(event, code="A02", host=host)
    )

    assert sorted(outcomes) == ["done", "refused"]
    assert Booth.objects.filter(event=event, host=host).count() == 1
