"""Template filters that name vocabulary codes in the active language."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import get_language

from smexchange.vocab.countries import countries
from smexchange.vocab.isic import sector_label
from smexchange.vocab.languages import languages

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    label = countries().get(code)
    return label.in_language(get_language()) if label else code


@register.filter
def country_names(codes: Iterable[str]) -> str:
    return ", ".join(country_name(code) for code in codes or ())


@register.filter
def language_names(codes: Iterable[str]) -> str:
    names = []
    for code in codes or ():
        label = languages().get(code)
        names.append(label.in_language(get_language()) if label else code)
    return ", ".join(names)


@register.filter
def sector_name(code: str) -> str:
    try:
        return sector_label(code).in_language(get_language())
    except KeyError:
        return code


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    """`mapping[key]`, or None: templates cannot index a dict by a variable."""
    return mapping.get(key) if mapping else None


@register.filter
def web_url(value: str) -> str:
    """The URL when it is http(s), else empty: a `javascript:` or `data:` link never reaches an href."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""
