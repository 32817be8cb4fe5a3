"""Logged out: every non-public route answers 401; tokens authenticate, revoked ones do not."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from smexchange.api.models import ApiToken
from smexchange.api.services import create_api_token, revoke_api_token
from tests.api.conftest import user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PUBLIC_LISTS = ["/api/v1/events/", "/api/v1/programme-items/", "/api/v1/organizations/", "/api/v1/profiles/"]
PRIVATE_LISTS = ["/api/v1/registrations/", "/api/v1/meeting-requests/", "/api/v1/meetings/", "/api/v1/deals/"]


def _private_routes(world) -> list[tuple[str, str]]:
    request = world.pending.pk
    return [
        *(("get", url) for url in PRIVATE_LISTS),
        ("get", f"/api/v1/registrations/{world.alice.pk}/"),
        ("get", f"/api/v1/meeting-requests/{request}/"),
        ("get", f"/api/v1/meetings/{world.meeting.pk}/"),
        ("get", f"/api/v1/deals/{world.deal.pk}/"),
        ("post", "/api/v1/meeting-requests/"),
        ("post", f"/api/v1/meeting-requests/{request}/accept/"),
        ("post", f"/api/v1/meeting-requests/{request}/decline/"),
        ("post", f"/api/v1/meeting-requests/{request}/withdraw/"),
    ]


def test_logged_out_gets_401_on_every_private_route(world):
    client = APIClient()

    answers = {(method, url): getattr(client, method)(url) for method, url in _private_routes(world)}

    assert {key: response.status_code for key, response in answers.items()} == dict.fromkeys(answers, 401)
    assert {response.json()["error"]["code"] for response in answers.values()} == {"not_authenticated"}
    assert {response["WWW-Authenticate"] for response in answers.values()} == {'Bearer realm="api"'}


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_logged_out_reads_public_lists(world, url):
    response = APIClient().get(url)

    assert response.status_code == 200


def test_token_authenticates_as_its_user(world):
    _token, secret = create_api_token(user_of(world.bob), name="CRM")
    client = APIClient(headers={"Authorization": f"Bearer {secret}"})

    response = client.get("/api/v1/registrations/", {"event": "expo"})

    assert response.status_code == 200
    assert world.bob.pk in [row["id"] for row in response.json()["results"]]


def test_token_is_stored_only_as_a_hash_and_records_its_use(world):
    token, secret = create_api_token(user_of(world.bob), name="CRM")

    APIClient(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/meetings/")

    token.refresh_from_db()
    assert secret not in (token.digest, token.prefix)
    assert secret.startswith(token.prefix)
    assert token.last_used_at is not None


def test_revoked_token_gets_401(world):
    token, secret = create_api_token(user_of(world.bob), name="CRM")
    revoke_api_token(token)

    response = APIClient(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/events/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


@pytest.mark.parametrize("header", ["Bearer", "Bearer smex_unknown", "Bearer a b", "Bearer not-a-token"])
def test_bad_token_gets_401(world, header):
    response = APIClient(headers={"Authorization": header}).get("/api/v1/events/")

    assert response.status_code == 401


def test_session_authenticated_write_needs_csrf(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user_of(world.bob))

    response = client.post(f"/api/v1/meeting-requests/{world.pending.pk}/accept/")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_session_authenticated_read_works(world):
    client = APIClient()
    client.force_login(user_of(world.bob))

    response = client.get("/api/v1/meeting-requests/")

    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_token_page_needs_login(client):
    response = client.get("/settings/api-tokens/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_token_page_creates_a_token_and_shows_its_secret_once(world, client):
    client.force_login(world.stranger)

    created = client.post("/settings/api-tokens/", {"name": "CRM sync"})
    again = client.get("/settings/api-tokens/")

    token = ApiToken.objects.get(user=world.stranger)
    secret = created.context["secret"]
    assert token.name == "CRM sync"
    assert secret in created.content.decode()
    assert created["Cache-Control"] == "no-store"
    assert secret not in again.content.decode()
    assert token.prefix in again.content.decode()
    api = APIClient(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/meeting-requests/")
    assert api.status_code == 200


def test_token_page_revokes_own_token(world, client):
    token, secret = create_api_token(world.stranger, name="old")
    client.force_login(world.stranger)

    response = client.post(f"/settings/api-tokens/{token.pk}/revoke/")

    token.refresh_from_db()
    assert response.status_code == 302
    assert token.revoked_at is not None
    assert APIClient(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/events/").status_code == 401


def test_token_page_cannot_revoke_someone_elses_token(world, client):
    token, _secret = create_api_token(world.organizer, name="theirs")
    client.force_login(world.stranger)

    response = client.post(f"/settings/api-tokens/{token.pk}/revoke/")

    token.refresh_from_db()
    assert response.status_code == 404
    assert token.revoked_at is None
