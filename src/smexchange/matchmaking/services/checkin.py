"""On-site check-in: the signed token printed as a QR code on each badge, and scanning it."""

from __future__ import annotations

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import Event, Registration

# A salt of its own, so that no other signed value of the platform can pass for a badge.
BADGE_SALT = "smexchange.matchmaking.badge"


def badge_token(registration: Registration) -> str:
    """The signed token a badge's QR code holds: it names the event and the registration.

    Signed with the site's secret key (old keys in SECRET_KEY_FALLBACKS still verify), so it
    cannot be forged or altered, and it carries no personal data.
    """
    return signing.Signer(salt=BADGE_SALT).sign(f"{registration.event_id}-{registration.pk}")


def _read_badge_token(token: str) -> tuple[int, int]:
    try:
        value = signing.Signer(salt=BADGE_SALT).unsign(token.strip())
        event_id, registration_id = (int(part) for part in value.split("-"))
    except (signing.BadSignature, ValueError):
        raise DomainError(_("This is not a valid badge code.")) from None
    return event_id, registration_id


@transaction.atomic
def check_in_by_token(event: Event, token: str) -> Registration:
    """Check in the participant whose badge was scanned at this event, and return the registration.

    Scanning a badge twice is harmless: an already checked-in registration is returned unchanged.
    Raises DomainError when the token is tampered with or not a badge code, when the badge
    belongs to another event, or when the registration is not confirmed (pending, waitlisted,
    cancelled).
    """
    event_id, registration_id = _read_badge_token(token)
    if event_id != event.pk:
        raise DomainError(_("This badge belongs to another event."))
    registration = (
        Registration.objects.select_for_update()
        .select_related("person", "organization")
        .filter(event=event, pk=registration_id)
        .first()
    )
    if registration is None:
        raise DomainError(_("This badge's registration no longer exists."))
    if registration.status == RegistrationStatus.CHECKED_IN:
        return registration
    if registration.status != RegistrationStatus.CONFIRMED:
        raise DomainError(
            _("%(person)s cannot check in: the registration is %(status)s.")
            % {"person": registration.person, "status": registration.get_status_display().lower()}
        )
    registration.status = RegistrationStatus.CHECKED_IN
    registration.save(update_fields=["status"])
    return registration
