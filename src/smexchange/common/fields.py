"""Model fields for the shared vocabularies."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from smexchange.common.labels import label_choices
from smexchange.common.validators import validate_country_code
from smexchange.vocab.countries import countries


def country_choices() -> list[tuple[str, str]]:
    return sorted(label_choices(countries()), key=lambda choice: str(choice[1]))


class CountryField(models.CharField):
    """An ISO 3166-1 alpha-2 code, shown by its name in the active language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("choices", country_choices)
        kwargs.setdefault("verbose_name", _("country"))
        kwargs.setdefault("validators", [validate_country_code])
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        # The choices and validator are part of the field type, not of each migration.
        for key in ("choices", "validators", "max_length"):
            kwargs.pop(key, None)
        return name, path, args, kwargs
