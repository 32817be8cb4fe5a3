import pytest
from django.core import signing

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import Registration
from smexchange.matchmaking.services.checkin import badge_token, check_in_by_token
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _status(registration: Registration) -> str:
    return Registration.objects.get(pk=registration.pk).status


def test_check_in_by_token_marks_the_registration_checked_in(brokerage):
    alice = brokerage.people[0]

    checked_in = check_in_by_token(brokerage.event, badge_token(alice))

    assert checked_in.pk == alice.pk
    assert _status(alice) == RegistrationStatus.CHECKED_IN
    assert [_status(other) for other in brokerage.people[1:]] == [RegistrationStatus.CONFIRMED] * 5


def test_check_in_by_token_scanned_twice_is_harmless(brokerage):
    alice = brokerage.people[0]
    check_in_by_token(brokerage.event, badge_token(alice))

    again = check_in_by_token(brokerage.event, badge_token(alice))

    assert (again.pk, _status(alice)) == (alice.pk, RegistrationStatus.CHECKED_IN)


def test_check_in_by_token_ignores_surrounding_whitespace_of_a_scanner(brokerage):
    alice = brokerage.people[0]

    check_in_by_token(brokerage.event, f" {badge_token(alice)}\n")

    assert _status(alice) == RegistrationStatus.CHECKED_IN


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="signature"),
        pytest.param(lambda token: token.replace("-", "-1", 1), id="registration-id"),
        pytest.param(lambda token: token.split(":")[0], id="unsigned"),
        pytest.param(lambda token: "", id="empty"),
        pytest.param(lambda token: "https://example.com/", id="other-qr-code"),
    ],
)
def test_check_in_by_token_refuses_a_tampered_token(brokerage, tamper):
    alice = brokerage.people[0]

    with pytest.raises(DomainError, match="not a valid badge code"):
        check_in_by_token(brokerage.event, tamper(badge_token(alice)))

    assert _status(alice) == RegistrationStatus.CONFIRMED


def test_check_in_by_token_refuses_a_value_signed_for_another_purpose(brokerage):
    alice = brokerage.people[0]
    forged = signing.Signer().sign(f"{alice.event_id}-{alice.pk}")

    with pytest.raises(DomainError, match="not a valid badge code"):
        check_in_by_token(brokerage.event, forged)


def test_check_in_by_token_refuses_a_badge_of_another_event(brokerage):
    stranger = RegistrationFactory(event=EventFactory(), status=RegistrationStatus.CONFIRMED)

    with pytest.raises(DomainError, match="belongs to another event"):
        check_in_by_token(brokerage.event, badge_token(stranger))

    assert _status(stranger) == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    "status", [RegistrationStatus.CANCELLED, RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED]
)
def test_check_in_by_token_refuses_a_registration_that_is_not_confirmed(brokerage, status):
    alice = brokerage.people[0]
    Registration.objects.filter(pk=alice.pk).update(status=status)

    with pytest.raises(DomainError, match="cannot check in"):
        check_in_by_token(brokerage.event, badge_token(alice))

    assert _status(alice) == status


def test_check_in_by_token_refuses_a_deleted_registration(brokerage):
    alice = brokerage.people[0]
    token = badge_token(alice)
    alice.delete()

    with pytest.raises(DomainError, match="no longer exists"):
        check_in_by_token(brokerage.event, token)
