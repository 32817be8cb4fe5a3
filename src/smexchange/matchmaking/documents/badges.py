"""Name badges as a printable PDF, each with a QR code of its signed check-in token."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import segno
from django.db.models import QuerySet

from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.documents.pdf import render_pdf
from smexchange.matchmaking.services.checkin import badge_token


@dataclass(frozen=True)
class Badge:
    name: str
    latin_name: str
    organization: str
    role: str
    country: str
    qr: str


def badge_registrations(event: Event) -> QuerySet[Registration]:
    """Who gets a badge by default: confirmed and checked-in participants, by name."""
    return (
        Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES)
        .select_related("person", "organization", "event")
        .order_by("person__family_name", "person__given_name", "id")
    )


def badge_qr_svg(token: str) -> str:
    """The QR code of a check-in token as an SVG data URI (vector, so it scans at any print size)."""
    return segno.make(token, error="m", micro=False).svg_data_uri(scale=4, border=4)


def _badge(registration: Registration) -> Badge:
    person = registration.person
    local = person.name_local if person.name_local and person.name_local != person.latin_name else ""
    return Badge(
        name=local or person.latin_name,
        latin_name=person.latin_name if local else "",
        organization=registration.organization.display_name,
        role=registration.get_role_display(),
        country=registration.organization.get_country_display(),
        qr=badge_qr_svg(badge_token(registration)),
    )


def badges_pdf(event: Event, registrations: Iterable[Registration] | None = None) -> bytes:
    """Print badges, six to an A4 page; by default one for each attending participant of the event."""
    chosen = list(badge_registrations(event) if registrations is None else registrations)
    if any(registration.event_id != event.pk for registration in chosen):
        raise ValueError("Badges can only be printed for registrations of this event.")
    return render_pdf(
        "matchmaking/documents/badges.html",
        {"event": event, "badges": [_badge(registration) for registration in chosen]},
    )
