from __future__ import annotations

from typing import Any

from django import template

from smexchange.awards import queries

register = template.Library()


@register.simple_tag
def published_awards_of(event: Any) -> list[Any]:
    """The event's published awards, for a link section on pages of other apps."""
    return list(queries.published_awards(event))
