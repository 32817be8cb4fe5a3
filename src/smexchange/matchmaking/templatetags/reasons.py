"""`{{ reason|reason_text }}`: a stored recommendation reason in the reader's language."""

from django import template

from smexchange.matchmaking.reasons import reason_text as _reason_text

register = template.Library()


@register.filter
def reason_text(reason: object) -> str:
    return _reason_text(reason)
