"""Token authentication: `Authorization: Bearer smex_...`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from smexchange.api import services
from smexchange.api.models import ApiToken


class ApiTokenAuthentication(BaseAuthentication):
    """First in the list, so that a request without credentials gets 401 with WWW-Authenticate, not 403."""

    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("The Authorization header must be “Bearer” and one token."))
        token = services.token_for_secret(parts[1].decode("latin-1"))
        if token is None or not token.user.is_active:
            raise AuthenticationFailed(_("The API token is unknown or revoked."))
        services.note_token_use(token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
