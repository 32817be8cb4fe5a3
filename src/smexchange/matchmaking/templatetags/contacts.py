"""`{% contact_of contacts person %}`: a person's e-mail and phone, where the contacts rule lets the reader see them.

`contacts` is what `smexchange.matchmaking.contacts.contacts_visible_to` returned for the page.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

from smexchange.matchmaking.contacts import Contact

register = template.Library()


@register.simple_tag
def contact_of(contacts: dict[int, Contact], person_id: int) -> str:
    contact = contacts.get(person_id) if contacts else None
    if contact is None:
        return ""
    parts = []
    if contact.email:
        parts.append((f"mailto:{contact.email}", contact.email))
    if contact.phone:
        parts.append((f"tel:{contact.phone.replace(' ', '')}", contact.phone))
    return format_html(
        '<span class="contact">{}</span>', format_html_join(" · ", '<a href="{}">{}</a>', parts)
    )
