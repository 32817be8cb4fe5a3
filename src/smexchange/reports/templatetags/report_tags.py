from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language

from smexchange.vocab.countries import countries

register = template.Library()


@register.filter
def country_label(code: str) -> str:
    """The country's name in the active language (the code itself for an unknown one)."""
    label = countries().get(code)
    return label.in_language(get_language()) if label else code


@register.filter
def report_value(value: object) -> object:
    """Numbers with thousands separators (amounts without cents when they have none); text unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    places = 0 if isinstance(value, int) or value == int(value) else 2
    return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
