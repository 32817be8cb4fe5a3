"""Deals: from a prospective transaction through negotiation to a signed agreement, or dropped."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.models import Sector
from smexchange.directory.models import Organization
from smexchange.events.models import Event, ProgrammeItem
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.enums import NEXT_STAGES, DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealParty, DealStageChange, MeetingFollowUp
from smexchange.outcomes.services.checks import (
    check_ceremony,
    check_cooperation_type,
    clean_value,
    fail,
    meeting_date,
    meeting_label,
    request_label,
)
from smexchange.outcomes.validators import sniff_document
from smexchange.vocab.cooperation import COOPERATION_TYPES


def deal_label(deal: Deal | None, title: str = "") -> str:
    if deal is not None and deal.pk:
        return _("deal #%(id)s “%(title)s”") % {"id": deal.pk, "title": deal.title}
    return _("deal “%(title)s”") % {"title": title}


def _check_dates(
    record: str,
    *,
    stage: str,
    opened_on: dt.date,
    signed_on: dt.date | None,
    meeting: Meeting | None,
    today: dt.date,
) -> None:
    if stage == DealStage.SIGNED and signed_on is None:
        raise fail(record, _("a signed agreement needs the date it was signed."))
    if stage != DealStage.SIGNED and signed_on is not None:
        raise fail(record, _("only a signed agreement has a signing date."))
    if meeting is not None:
        met_on = meeting_date(meeting)
        if signed_on is not None and signed_on < met_on:
            raise fail(
                record,
                _("signed on %(signed)s, before its meeting on %(met)s.")
                % {"signed": signed_on, "met": met_on},
            )
        if opened_on < met_on:
            raise fail(
                record,
                _("opened on %(opened)s, before its meeting on %(met)s.")
                % {"opened": opened_on, "met": met_on},
            )
    if signed_on is not None and signed_on < opened_on:
        raise fail(
            record,
            _("signed on %(signed)s, before it was opened on %(opened)s.")
            % {"signed": signed_on, "opened": opened_on},
        )
    if signed_on is not None and signed_on > today:
        raise fail(record, _("signed on %(signed)s, which is in the future.") % {"signed": signed_on})


def _log(deal: Deal, *, from_stage: str, to_stage: str, by: Any, at: dt.datetime) -> None:
    DealStageChange.objects.create(
        deal=deal, from_stage=from_stage, to_stage=to_stage, by=by if getattr(by, "pk", None) else None, at=at
    )


@transaction.atomic
def create_deal(
    *,
    title: str,
    parties: Sequence[Organization],
    cooperation_type: str,
    opened_on: dt.date,
    by: Any = None,
    event: Event | None = None,
    meeting: Meeting | None = None,
    follow_up: MeetingFollowUp | None = None,
    sector: Sector | None = None,
    value: Decimal | None = None,
    currency: str = "",
    stage: str = DealStage.PROSPECTIVE,
    signed_on: dt.date | None = None,
    ceremony: ProgrammeItem | None = None,
    now: dt.datetime | None = None,
) -> Deal:
    """A new deal between two or more organizations, at any stage (signed needs `signed_on`).

    Raises DomainError naming the deal and the problem (value without currency, an agreement
    signed before its meeting or in the future, a ceremony of another event or day); nothing is saved then.
    """
    now = now or timezone.now()
    title = title.strip()
    record = deal_label(None, title)
    if not title:
        raise fail(_("deal"), _("give it a title."))
    if stage not in DealStage.values:
        raise fail(record, _("“%(value)s” is not a deal stage.") % {"value": stage})
    if len({party.pk for party in parties}) < 2:
        raise fail(record, _("a deal needs at least two different parties."))
    check_cooperation_type(record, cooperation_type, required=True)
    value, currency = clean_value(record, value, currency)
    if meeting is not None:
        meeting = Meeting.objects.select_related("schedule__event", "slot").get(pk=meeting.pk)
        if event is not None and event.pk != meeting.schedule.event_id:
            raise fail(record, _("its meeting belongs to another event."))
        event = meeting.schedule.event
    if ceremony is not None:
        check_ceremony(record, ceremony, event=event, signed_on=signed_on)
        event = event or ceremony.event
    today = now.astimezone(event.zone if event is not None else dt.UTC).date()
    _check_dates(record, stage=stage, opened_on=opened_on, signed_on=signed_on, meeting=meeting, today=today)
    deal = Deal(
        event=event,
        meeting=meeting,
        follow_up=follow_up,
        title=title,
        cooperation_type=cooperation_type,
        sector=sector,
        value=value,
        currency=currency,
        stage=stage,
        opened_on=opened_on,
        signed_on=signed_on,
        ceremony=ceremony,
        created_by=by if getattr(by, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            deal.save()
    except IntegrityError:
        raise fail(record, _("a deal was already opened from this follow-up.")) from None
    DealParty.objects.bulk_create(
        DealParty(deal=deal, organization=organization)
        for organization in {p.pk: p for p in parties}.values()
    )
    _log(deal, from_stage="", to_stage=stage, by=by, at=now)
    return deal


@transaction.atomic
def create_deal_from_follow_up(
    follow_up: MeetingFollowUp,
    *,
    by: Any,
    title: str = "",
    sector: Sector | None = None,
    opened_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Deal:
    """Open a deal from a prospective transaction: both sides of the meeting are its parties.

    One deal per meeting (or request): the other side's follow-up of the same meeting opens no second one.
    """
    follow_up = (
        MeetingFollowUp.objects.select_for_update(of=("self",))
        .select_related(
            "event",
            "meeting__schedule__event",
            "meeting__slot",
            "meeting__a__organization",
            "meeting__b__organization",
            "request__requester__organization",
            "request__recipient__organization",
        )
        .get(pk=follow_up.pk)
    )
    if follow_up.meeting is not None:
        record = meeting_label(follow_up.meeting)
        parties = [follow_up.meeting.a.organization, follow_up.meeting.b.organization]
        same = Deal.objects.filter(meeting=follow_up.meeting)
    else:
        record = request_label(follow_up.request)
        parties = [follow_up.request.requester.organization, follow_up.request.recipient.organization]
        same = Deal.objects.filter(follow_up__request=follow_up.request, follow_up__meeting__isnull=True)
    if follow_up.result != FollowUpResult.PROSPECTIVE:
        raise fail(
            record,
            _("only a prospective transaction becomes a deal (this follow-up says “%(result)s”).")
            % {"result": follow_up.get_result_display()},
        )
    existing = same.first()
    if existing is not None:
        raise fail(record, _("it already has a deal: %(deal)s.") % {"deal": deal_label(existing)})
    now = now or timezone.now()
    kind = COOPERATION_TYPES[follow_up.cooperation_type].en
    return create_deal(
        title=title.strip() or f"{kind}: {parties[0]} – {parties[1]}",
        parties=parties,
        cooperation_type=follow_up.cooperation_type,
        opened_on=opened_on or now.astimezone(follow_up.event.zone).date(),
        by=by,
        event=follow_up.event,
        meeting=follow_up.meeting,
        follow_up=follow_up,
        sector=sector,
        value=follow_up.estimated_value,
        currency=follow_up.currency,
        now=now,
    )


@transaction.atomic
def advance_deal_stage(
    deal: Deal,
    *,
    to_stage: str,
    by: Any,
    signed_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Deal:
    """Move a deal forward: prospective → negotiation → signed, or dropped; never back, and signed is final.

    Signing takes `signed_on` (default: today), which may not precede the deal's meeting or opening.
    """
    now = now or timezone.now()
    current = (
        Deal.objects.select_for_update(of=("self",))
        .select_related("meeting__schedule__event", "meeting__slot")
        .get(pk=deal.pk)
    )
    record = deal_label(current)
    if to_stage not in DealStage.values:
        raise fail(record, _("“%(value)s” is not a deal stage.") % {"value": to_stage})
    if to_stage not in NEXT_STAGES[current.stage]:
        raise fail(
            record,
            _("it is at the stage “%(current)s” and cannot go to “%(target)s”.")
            % {"current": current.get_stage_display(), "target": DealStage(to_stage).label},
        )
    if to_stage == DealStage.SIGNED:
        zone = current.event.zone if current.event_id else dt.UTC
        signed_on = signed_on or now.astimezone(zone).date()
        _check_dates(
            record,
            stage=to_stage,
            opened_on=current.opened_on,
            signed_on=signed_on,
            meeting=current.meeting,
            today=now.astimezone(zone).date(),
        )
        if current.ceremony_id:
            check_ceremony(record, current.ceremony, event=current.event, signed_on=signed_on)
        current.signed_on = signed_on
    elif signed_on is not None:
        raise fail(record, _("only a signed agreement has a signing date."))
    from_stage = current.stage
    current.stage = to_stage
    current.save(update_fields=["stage", "signed_on", "updated_at"])
    _log(current, from_stage=from_stage, to_stage=to_stage, by=by, at=now)
    return current


@transaction.atomic
def attach_agreement_document(deal: Deal, *, upload: IO[bytes], filename: str, by: Any) -> Deal:
    """Store the agreement document (PDF, DOCX, PNG or JPEG, recognized by its content) in private storage.

    The file's name is random, so it cannot be guessed; a new document replaces the old one.
    """
    current = Deal.objects.select_for_update(of=("self",)).get(pk=deal.pk)
    record = deal_label(current)
    if current.stage == DealStage.DROPPED:
        raise fail(record, _("it was dropped."))
    limit = settings.AGREEMENT_DOCUMENT_MAX_BYTES
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise fail(
            record, _("the document is larger than %(limit)s MB.") % {"limit": round(limit / 1024 / 1024, 1)}
        )
    if not data:
        raise fail(record, _("the document is empty."))
    kind = sniff_document(data[:16], data)
    if kind is None:
        raise fail(record, _("the document is not a PDF, a Word document (DOCX) or an image (PNG, JPEG)."))
    old = current.document.name if current.document else ""
    current.document.save(f"{secrets.token_urlsafe(18)}.{kind.extension}", ContentFile(data), save=False)
    current.document_name = os.path.basename(filename)[:200] or f"agreement.{kind.extension}"
    current.document_type = kind.content_type
    current.save(update_fields=["document", "document_name", "document_type", "updated_at"])
    if old:
        storage = current.document.storage
        transaction.on_commit(lambda: storage.delete(old))
    return current


@transaction.atomic
def link_deal_to_ceremony(deal: Deal, *, ceremony: ProgrammeItem, by: Any = None) -> Deal:
    """An agreement signed (or to be signed) at a signing ceremony belongs to that programme item."""
    current = Deal.objects.select_for_update(of=("self",)).select_related("event").get(pk=deal.pk)
    record = deal_label(current)
    if current.stage == DealStage.DROPPED:
        raise fail(record, _("it was dropped."))
    check_ceremony(record, ceremony, event=current.event, signed_on=current.signed_on)
    current.ceremony = ceremony
    current.event = current.event or ceremony.event
    current.save(update_fields=["ceremony", "event", "updated_at"])
    return current
