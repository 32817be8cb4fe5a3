"""A participant's personal data: everything held about them, and deleting their account.

What must remain for others (meetings held, requests between organizations, signed agreements)
is kept with the person anonymized: the Person row stays, its name and contact details do not.
Organizations are not personal data and stay as they are.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from smexchange.accounts.models import Invitation
from smexchange.common.audit import record_audit
from smexchange.common.models import AuditAction, AuditEntry
from smexchange.common.personal_data import SECTIONS
from smexchange.directory.models import Person
from smexchange.matchmaking.models import Meeting, MeetingRequest, PartnerPreference

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "name_local",
    "title",
    "role",
    "email",
    "phone",
    "languages",
    "bio",
)


def _registrations(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "event": registration.event.slug,
            "organization": registration.organization.display_name,
            "role": registration.role,
            "status": registration.status,
            "registered_at": registration.registered_at,
        }
        for registration in person.registrations.select_related("event", "organization")
    ]


def _requests(person: Person) -> list[dict[str, Any]]:
    rows = MeetingRequest.objects.filter(
        Q(requester__person=person) | Q(recipient__person=person)
    ).select_related("event", "requester__organization", "recipient__organization", "requester__person")
    return [
        {
            "event": request.event.slug,
            "direction": "sent" if request.requester.person_id == person.pk else "received",
            "from": request.requester.organization.display_name,
            "to": request.recipient.organization.display_name,
            # Only the person's own words: the other side's message is theirs.
            "message": request.message if request.requester.person_id == person.pk else "",
            "status": request.status,
            "sent_at": request.created_at,
        }
        for request in rows.order_by("created_at", "id")
    ]


def _meetings(person: Person) -> list[dict[str, Any]]:
    rows = Meeting.objects.filter(Q(a__person=person) | Q(b__person=person)).select_related(
        "schedule__event", "slot", "table", "booth", "a__organization", "b__organization"
    )
    return [
        {
            "event": meeting.schedule.event.slug,
            "schedule_status": meeting.schedule.status,
            "starts_at": meeting.slot.starts_at,
            "location": meeting.location_code,
            "with": (meeting.b if meeting.a.person_id == person.pk else meeting.a).organization.display_name,
            "status": meeting.status,
        }
        for meeting in rows.order_by("slot__starts_at", "id")
    ]


def personal_data_of(user: Any) -> dict[str, Any]:
    """Everything held about `user`, as JSON-ready data."""
    people = list(Person.objects.filter(user=user).select_related("organization"))
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
        },
        "people": [
            {
                "organization": person.organization.display_name,
                **{name: getattr(person, name) for name in PERSON_FIELDS},
                "registrations": _registrations(person),
                "meeting_requests": _requests(person),
                "meetings": _meetings(person),
                "preferences": list(
                    PartnerPreference.objects.filter(registration__person=person).values(
                        "registration__event__slug", "other__organization__name", "kind"
                    )
                ),
            }
            for person in people
        ],
        "invitations": list(
            Invitation.objects.filter(person__in=people).values("event__slug", "email", "accepted_at")
        ),
        "audit_log": list(
            AuditEntry.objects.filter(actor=user).values("created_at", "action", "object_label")
        ),
    }
    for section in SECTIONS.values():
        data[section.name] = section.export(user)
    return data


def export_personal_data(user: Any) -> bytes:
    """A ZIP with `personal-data.json`; the export itself is recorded in the audit log."""
    payload = json.dumps(personal_data_of(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("personal-data.json", payload)
    record_audit(AuditAction.PERSONAL_DATA_EXPORTED, target=user, actor=user)
    return buffer.getvalue()


@transaction.atomic
def delete_account(user: Any) -> None:
    """Delete `user` and their personal data; keep what others rely on, anonymized.

    Meetings and requests stay (they are the other side's history too) with the person's own
    message texts emptied; the Person row stays with its name replaced and contact details
    blanked, so agreements and meetings still name the organization. Preferences and
    invitations go. The audit entry names no one.
    """
    people = list(Person.objects.filter(user=user))
    for section in SECTIONS.values():
        if section.erase is not None:
            section.erase(user)
    for person in people:
        MeetingRequest.objects.filter(requester__person=person).update(message="")
        PartnerPreference.objects.filter(registration__person=person).delete()
        Invitation.objects.filter(person=person).delete()
        Person.objects.filter(pk=person.pk).update(
            user=None,
            given_name="",
            family_name=f"Former delegate #{person.pk}",
            name_local="",
            title="",
            email="",
            phone="",
            bio="",
            languages=[],
        )
    AuditEntry.objects.filter(actor=user).update(actor_label="")
    record_audit(
        AuditAction.PERSONAL_DATA_DELETED,
        anonymous=True,
        details={"people": [person.pk for person in people]},
    )
    user.delete()
