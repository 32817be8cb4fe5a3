"""Log-in, sign-up and password reset (TRUST 9, 11): throttled, and the same answer for every e-mail."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def member():
    user = get_user_model().objects.create_user(
        username="member", email="member@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _login(client: Client, email: str, password: str, ip: str = "10.0.0.1"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def _page_text(response) -> str:
    """The page without its per-request parts (CSRF tokens), to compare two answers."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_login_works_and_rotates_the_session_key(client, member):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key

    response = _login(client, member.email, PASSWORD)

    assert response.status_code == 302
    assert client.session.session_key not in (None, before)
    assert int(client.session["_auth_user_id"]) == member.pk


def test_failed_logins_lock_the_account_with_429_and_retry_after(client, member):
    statuses = [_login(client, member.email, "wrong password").status_code for _ in range(5)]

    locked = _login(client, member.email, PASSWORD, ip="10.9.9.9")  # right password, other address

    assert statuses == [200] * 5
    assert locked.status_code == 429
    assert 0 < int(locked["Retry-After"]) <= 900
    assert "_auth_user_id" not in client.session


def test_failed_logins_from_one_address_are_throttled_across_accounts(client, settings):
    settings.SMEX_LOGIN_THROTTLE = {"ip": {"limit": 3, "window": 900, "lockout": 60}}

    statuses = [_login(client, f"guess{n}@example.org", "x", ip="10.1.1.1").status_code for n in range(4)]
    elsewhere = _login(client, "guess9@example.org", "x", ip="10.2.2.2").status_code

    assert (statuses, elsewhere) == ([200, 200, 200, 429], 200)


def test_behind_a_proxy_clients_are_throttled_by_their_own_address(client, settings):
    """Every request arrives from the proxy (127.0.0.1); X-Forwarded-For tells the clients apart."""
    settings.SMEX_LOGIN_THROTTLE = {"ip": {"limit": 3, "window": 900, "lockout": 60}}
    settings.SMEX_PROXY_COUNT = 1

    def through_proxy(email: str, forwarded_for: str) -> int:
        return client.post(
            reverse("account_login"),
            {"login": email, "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code

    # The attacker forges a different left-hand entry each time; the proxy's entry stays theirs.
    attacker = [through_proxy(f"guess{n}@example.org", f"198.51.100.{n}, 203.0.113.66") for n in range(4)]
    bystander = through_proxy("someone@example.org", "203.0.113.7")

    assert (attacker, bystander) == ([200, 200, 200, 429], 200)


def test_without_a_counted_proxy_a_forged_forwarded_for_header_is_ignored(client, settings):
    settings.SMEX_LOGIN_THROTTLE = {"ip": {"limit": 3, "window": 900, "lockout": 60}}

    statuses = [
        client.post(
            reverse("account_login"),
            {"login": f"guess{n}@example.org", "password": "x"},
            REMOTE_ADDR="10.4.4.4",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(4)
    ]

    assert statuses == [200, 200, 200, 429]


def test_a_successful_login_clears_the_accounts_failures(client, member):
    for _ in range(4):
        _login(client, member.email, "wrong password")
    assert _login(client, member.email, PASSWORD).status_code == 302
    client.logout()

    statuses = [_login(client, member.email, "wrong password").status_code for _ in range(4)]

    assert statuses == [200] * 4


def test_login_failure_reads_the_same_for_known_and_unknown_emails(client, member):
    known = _login(client, member.email, "wrong password", ip="10.3.0.1")
    unknown = _login(client, "nobody@example.org", "wrong password", ip="10.3.0.2")

    assert (known.status_code, _page_text(known)) == (
        unknown.status_code,
        _page_text(unknown).replace("nobody@example.org", member.email),
    )


def test_password_reset_answers_the_same_for_known_and_unknown_emails(client, member):
    known = client.post(reverse("account_reset_password"), {"email": member.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # The known address gets the reset link; the unknown one a note that no account exists (no link).
    assert sorted(message.to[0] for message in mail.outbox) == ["member@example.org", "nobody@example.org"]
    assert [
        ("/password/reset/key/" in message.body) for message in sorted(mail.outbox, key=lambda m: m.to[0])
    ] == [True, False]


def test_signup_answers_the_same_for_taken_and_new_emails(client, member):
    data = {"password1": "a long new password 2009", "password2": "a long new password 2009"}
    taken = client.post(reverse("account_signup"), {"email": member.email, **data})
    new = Client().post(reverse("account_signup"), {"email": "newcomer@example.org", **data})

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert get_user_model().objects.filter(email=member.email).count() == 1


def test_signup_then_email_verification_then_login(client):
    client.post(
        reverse("account_signup"),
        {"email": "newcomer@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)

    client.post(link.split("testserver", 1)[1])

    address = EmailAddress.objects.get(email="newcomer@example.org")
    assert address.verified is True
    fresh = Client()
    assert _login(fresh, "newcomer@example.org", PASSWORD).status_code == 302
