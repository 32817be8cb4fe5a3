from __future__ import annotations

from django import template
from django.utils.translation import get_language

from smexchange.vocab.countries import countries

register = template.Library()


@register.filter
def country_label(code: str) -> str:
    """The country's name in the active language (the code itself for an unknown one)."""
    label = countries().get(code)
    return label.in_language(get_language()) if label else code
