"""One error format for every error the API gives: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from smexchange.common.db import is_retryable
from smexchange.common.exceptions import ConflictError, DomainError, RateLimitError
from smexchange.common.middleware import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)

# The code of each status DRF answers with, where the exception's own code is too vague.
_CODES = {
    status.HTTP_400_BAD_REQUEST: "invalid",
    status.HTTP_401_UNAUTHORIZED: "not_authenticated",
    status.HTTP_403_FORBIDDEN: "permission_denied",
    status.HTTP_404_NOT_FOUND: "not_found",
    status.HTTP_405_METHOD_NOT_ALLOWED: "method_not_allowed",
    status.HTTP_406_NOT_ACCEPTABLE: "not_acceptable",
    status.HTTP_409_CONFLICT: "conflict",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
    status.HTTP_429_TOO_MANY_REQUESTS: "throttled",
    status.HTTP_503_SERVICE_UNAVAILABLE: "retry",
}


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The request conflicts with the current state."


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Field errors as {"field" or "parent.child" or "items.0.text": [messages]}."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        flat = {}
        for index, value in enumerate(detail):
            flat.update(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    items = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(item) for item in items]}


def _validation_response(detail: Any) -> Response:
    fields = _flatten(detail)
    general = fields.pop("non_field_errors", [])
    message = " ".join(general) or _("Some fields are invalid.")
    return Response(error_body("invalid", message, fields), status=status.HTTP_400_BAD_REQUEST)


class Busy(exceptions.APIException):
    """A lock wait timed out, or a serialization failure or deadlock: the same request will pass later."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    wait = RETRY_AFTER_SECONDS  # DRF's handler turns it into Retry-After


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, RateLimitError):
        # A rate limit of a service (e.g. meeting requests per participant): 429 with Retry-After.
        return exceptions.Throttled(wait=exc.retry_after, detail=" ".join(exc.messages))
    if isinstance(exc, ConflictError):
        # Lost a race with a concurrent change (the slot was taken, the request answered meanwhile).
        return Conflict(" ".join(exc.messages), code="conflict")
    if isinstance(exc, DomainError):
        # A business rule refused the operation in the current state (already asked, no longer pending, ...).
        return Conflict(" ".join(exc.messages), code="refused")
    if is_retryable(exc):
        return Busy(_("The site is busy with the same data right now."))
    if isinstance(exc, IntegrityError):
        return Conflict(_("Someone else changed the same data at the same time; try again."))
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    exc = _as_api_exception(exc)
    if isinstance(exc, exceptions.ValidationError):
        return _validation_response(exc.detail)
    response = exception_handler(exc, context)  # keeps DRF's WWW-Authenticate and Retry-After headers
    if response is None:
        logger.exception("API request failed", exc_info=exc)
        return Response(
            error_body("server_error", _("Something went wrong on our side.")),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    assert isinstance(exc, exceptions.APIException)
    code = _CODES.get(response.status_code, "error")
    detail_codes = exc.get_codes()
    if isinstance(detail_codes, str) and detail_codes not in {"error", "invalid"}:
        code = detail_codes
    response.data = error_body(code, str(exc.detail))
    return response


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any path under /api/v1/ that names no endpoint."""
    return JsonResponse(
        error_body("not_found", _("There is no such endpoint: see /api/v1/openapi.json.")),
        status=status.HTTP_404_NOT_FOUND,
    )
