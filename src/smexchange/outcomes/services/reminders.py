"""Reminders to record a follow-up, for participants whose meetings have ended."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from smexchange.matchmaking.enums import MeetingStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.models import FollowUpReminder, MeetingFollowUp

logger = logging.getLogger(__name__)


def meetings_awaiting_follow_up(*, now: dt.datetime) -> list[tuple[Meeting, str]]:
    """(meeting, side) pairs: ended meetings of published schedules where that side's organization has no follow-up."""
    ended = Meeting.objects.filter(
        schedule__status=ScheduleStatus.PUBLISHED,
        status__in=(MeetingStatus.SCHEDULED, MeetingStatus.HELD),
        slot__ends_at__lte=now,
    ).select_related(
        "schedule__event", "slot", "a__person__user", "b__person__user", "a__organization", "b__organization"
    )
    pending: list[tuple[Meeting, str]] = []
    for side in ("a", "b"):
        recorded = MeetingFollowUp.objects.filter(
            meeting=OuterRef("pk"), organization=OuterRef(f"{side}__organization")
        )
        reminded = FollowUpReminder.objects.filter(meeting=OuterRef("pk"), registration=OuterRef(side))
        rows = ended.filter(~Exists(recorded), ~Exists(reminded)).filter(~Q(**{f"{side}__person__email": ""}))
        pending.extend((meeting, side) for meeting in rows.order_by("pk"))
    return pending


def send_followup_reminders(*, now: dt.datetime | None = None) -> int:
    """E-mail each participant once per ended meeting their organization has not followed up; returns how many.

    Safe to run often and from several processes: a reminder row (unique per meeting and participant)
    is claimed first, and the e-mail goes out only when that claim commits.
    """
    now = now or timezone.now()
    sent = 0
    for meeting, side in meetings_awaiting_follow_up(now=now):
        registration = getattr(meeting, side)
        other = meeting.b if side == "a" else meeting.a
        try:
            with transaction.atomic():
                reminder = FollowUpReminder.objects.create(
                    meeting=meeting, registration=registration, sent_at=now
                )
                transaction.on_commit(lambda m=meeting, r=registration, o=other: _deliver(m, r, o))
        except IntegrityError:
            continue  # another run claimed it
        logger.info("follow-up reminder %s claimed", reminder.pk)
        sent += 1
    return sent


def _deliver(meeting: Meeting, registration: object, other: object) -> None:
    context = {"meeting": meeting, "me": registration, "other": other, "event": meeting.schedule.event}
    parts = []
    subject = ""
    # Bilingual: the platform does not know which language each participant reads.
    for language in ("en", "zh-hans"):
        with translation.override(language):
            parts.append(render_to_string("outcomes/email/follow_up_reminder.txt", context))
            subject = (
                subject or render_to_string("outcomes/email/follow_up_reminder_subject.txt", context).strip()
            )
    person = registration.person  # type: ignore[attr-defined]
    try:
        send_mail(subject, "\n\n".join(parts), settings.DEFAULT_FROM_EMAIL, [person.email])
    except Exception:
        logger.exception("follow-up reminder to registration %s failed", registration.pk)  # type: ignore[attr-defined]
