"""Model fields for the shared vocabularies."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smexchange.common.validators import validate_country_code
from smexchange.vocab.countries import countries


def country_choices() -> list[tuple[str, str]]:
    """Countries by name in the active language (built once per language: validation calls this often)."""
    return _country_choices(get_language() or "en")


@cache
def _country_choices(language: str) -> list[tuple[str, str]]:
    return sorted(
        ((code, label.in_language(language)) for code, label in countries().items()), key=lambda c: c[1]
    )


class CountryField(models.CharField):
    """An ISO 3166-1 alpha-2 code, shown by its name in the active language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("choices", country_choices)
        kwargs.setdefault("verbose_name", _("country"))
        kwargs.setdefault("validators", [validate_country_code])
        super().__init__(*args, **kwargs)

    def validate(self, value: Any, model_instance: Any) -> None:
        # Say what a country code is, rather than the generic "not a valid choice".
        if value:
            validate_country_code(value)
        super().validate(value, model_instance)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        # The choices and validator are part of the field type, not of each migration.
        for key in ("choices", "validators", "max_length"):
            kwargs.pop(key, None)
        return name, path, args, kwargs
