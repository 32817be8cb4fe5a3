"""Invitations from an event's organizers to an organization's delegates."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.accounts.models import Invitation
from smexchange.common.audit import record_audit
from smexchange.common.exceptions import DomainError
from smexchange.common.models import AuditAction
from smexchange.directory.models import Organization, Person
from smexchange.events.enums import ParticipantRole, RegistrationStatus
from smexchange.events.models import Event, Registration

INVITATION_DAYS = 14


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_delegate(
    event: Event,
    *,
    organization: Organization,
    email: str,
    role: str = ParticipantRole.ENTREPRENEUR,
    invited_by: Any = None,
    link: Any = None,
    now: dt.datetime | None = None,
) -> tuple[Invitation, str]:
    """Invite `email` to join `organization`'s delegation to `event`; returns the invitation and its token.

    `link(token)` builds the URL mailed to the invitee (mail goes out when the transaction commits).
    The organization must be registered for the event. One open invitation per e-mail and event.
    """
    if not Registration.objects.filter(event=event, organization=organization).exists():
        raise DomainError(
            _("%(organization)s is not registered for this event.") % {"organization": organization}
        )
    if role not in ParticipantRole.values:
        raise DomainError(_("Choose a participant role."))
    token = secrets.token_urlsafe(32)
    now = now or timezone.now()
    invitation = Invitation(
        event=event,
        organization=organization,
        email=email.strip().lower(),
        role=role,
        token_hash=_hash(token),
        invited_by=invited_by if getattr(invited_by, "is_authenticated", False) else None,
        expires_at=now + dt.timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean(exclude=["token_hash"], validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise DomainError(
            _("%(email)s already has an open invitation to this event.") % {"email": email}
        ) from None
    record_audit(
        AuditAction.INVITATION_SENT,
        target=invitation,
        event_slug=event.slug,
        actor=invitation.invited_by,
        details={"organization": organization.pk},
    )
    if link is not None:
        url = link(token)
        transaction.on_commit(lambda: _mail_invitation(invitation, url))
    return invitation, token


def _mail_invitation(invitation: Invitation, url: str) -> None:
    subject = _("Your invitation to %(event)s") % {"event": invitation.event.title}
    body = _(
        "%(organization)s's delegation to %(event)s: accept your invitation within %(days)s days at\n%(url)s"
    ) % {
        "organization": invitation.organization.display_name,
        "event": invitation.event.title,
        "days": INVITATION_DAYS,
        "url": url,
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


def find_invitation(token: str) -> Invitation | None:
    return Invitation.objects.select_related("event", "organization").filter(token_hash=_hash(token)).first()


@transaction.atomic
def accept_invitation(
    invitation: Invitation,
    *,
    user: Any,
    given_name: str,
    family_name: str,
    now: dt.datetime | None = None,
) -> Registration:
    """Link `user` to a Person of the invitation's organization and register them for its event.

    A Person of the organization with the invited e-mail and no account is reused; otherwise one
    is created. Raises DomainError when the invitation is used or expired, or when the account
    already belongs to a delegate of another organization.
    """
    now = now or timezone.now()
    current = (
        Invitation.objects.select_for_update().select_related("event", "organization").get(pk=invitation.pk)
    )
    if current.accepted_at is not None:
        raise DomainError(_("This invitation has already been used."))
    if current.expires_at <= now:
        raise DomainError(_("This invitation has expired; ask the organizers for a new one."))
    person = Person.objects.filter(user=user).first()
    if person is not None and person.organization_id != current.organization_id:
        raise DomainError(
            _("Your account already belongs to a delegate of %(organization)s.")
            % {"organization": person.organization}
        )
    if person is None:
        person = (
            Person.objects.filter(
                organization=current.organization, email__iexact=current.email, user__isnull=True
            )
            .order_by("id")
            .first()
        )
        if person is None:
            if not (given_name.strip() and family_name.strip()):
                raise DomainError(_("Please give your given and family name."))
            person = Person(
                organization=current.organization,
                given_name=given_name.strip(),
                family_name=family_name.strip(),
                email=current.email,
            )
            person.full_clean()
        person.user = user
        person.save()
    registration = Registration.objects.filter(event=current.event, person=person).first()
    if registration is None:
        registration = Registration(
            event=current.event,
            person=person,
            organization=current.organization,
            role=current.role,
            status=RegistrationStatus.CONFIRMED,
        )
        registration.full_clean()
        registration.save()
    current.accepted_at, current.person = now, person
    current.save(update_fields=["accepted_at", "person"])
    record_audit(AuditAction.INVITATION_ACCEPTED, target=current, event_slug=current.event.slug, actor=user)
    return registration
