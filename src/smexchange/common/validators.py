"""Validators shared by model `clean`, forms, imports and the API."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from smexchange.vocab import countries, languages


def validate_country_code(value: str) -> None:
    if not countries.is_country(value):
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166-1 country code (e.g. CN, US, BR)."),
            code="invalid_country",
            params={"value": value},
        )


def validate_country_codes(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Expected a list of country codes."), code="invalid_country_list")
    for code in value:
        validate_country_code(str(code))


def validate_language_codes(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Expected a list of language codes."), code="invalid_language_list")
    for code in value:
        if not languages.is_language(str(code)):
            raise ValidationError(
                _("“%(value)s” is not an ISO 639-1 language code (e.g. zh, en, pt)."),
                code="invalid_language",
                params={"value": code},
            )


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is not a time zone name (e.g. Asia/Shanghai)."),
            code="invalid_time_zone",
            params={"value": value},
        ) from None


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]
