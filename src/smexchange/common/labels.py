"""Vocabulary labels as Django choices that follow the active language."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import lazy
from django.utils.translation import get_language

from smexchange.vocab.labels import Label


def _label_text(label: Label) -> str:
    return label.in_language(get_language())


localized = lazy(_label_text, str)


def label_choices(labels: Mapping[str, Label]) -> list[tuple[str, str]]:
    """Choices whose display text is the label in the language of the request."""
    return [(code, localized(label)) for code, label in labels.items()]
