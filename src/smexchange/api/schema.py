"""OpenAPI details drf-spectacular cannot infer: the token scheme and the error answers of every operation."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

from smexchange.api.serializers.errors import ErrorSerializer


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "smexchange.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from /settings/api-tokens/: `Authorization: Bearer smex_...`.",
        }


_ERRORS = {
    "400": "Invalid input: `fields` names each bad field.",
    "401": "Not logged in (no session, no valid token).",
    "403": "Logged in, but not allowed.",
    "404": "No such object, or not visible to you.",
    "405": "Method not allowed.",
    "406": "Not acceptable.",
    "409": "Refused by a business rule, or a conflict with a concurrent change; see `message`.",
    "415": "Unsupported media type.",
    "422": "The Idempotency-Key was already used for a different request.",
    "429": "Too many requests; see the Retry-After header.",
    "500": "Server error.",
    "503": "Busy with the same data (a lock wait timed out): retry after Retry-After seconds.",
}
_WRITE_ONLY = {"409", "415", "422"}


class ApiAutoSchema(AutoSchema):
    """Every operation documents the error answers it can give, all in the one error format."""

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)  # type: ignore[arg-type]
        if direction != "response":
            return responses
        writes = self.method not in ("GET", "HEAD", "OPTIONS")
        for code, description in _ERRORS.items():
            if code in responses or (code in _WRITE_ONLY and not writes):
                continue
            responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            responses[code]["description"] = description
        return responses
