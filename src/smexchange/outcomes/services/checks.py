"""Checks shared by the outcome services; each message names the record and what is wrong with it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import ProgrammeKind
from smexchange.events.models import Event, ProgrammeItem
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.validators import validate_currency_code
from smexchange.vocab.cooperation import is_cooperation_type


def meeting_label(meeting: Meeting) -> str:
    zone = meeting.schedule.event.zone
    return _("meeting #%(id)s (%(a)s × %(b)s, %(when)s)") % {
        "id": meeting.pk,
        "a": meeting.a.organization,
        "b": meeting.b.organization,
        "when": f"{meeting.slot.starts_at.astimezone(zone):%Y-%m-%d %H:%M}",
    }


def request_label(request: MeetingRequest) -> str:
    return _("meeting request #%(id)s (%(a)s → %(b)s)") % {
        "id": request.pk,
        "a": request.requester.organization,
        "b": request.recipient.organization,
    }


def meeting_date(meeting: Meeting) -> dt.date:
    return meeting.slot.starts_at.astimezone(meeting.schedule.event.zone).date()


def fail(record: str, problem: str) -> DomainError:
    # "Deal “Joint venture”: a value needs a currency." – the record first, then the problem.
    return DomainError(
        _("%(record)s: %(problem)s") % {"record": record[:1].upper() + record[1:], "problem": problem}
    )


def clean_value(record: str, value: Decimal | None, currency: str) -> tuple[Decimal | None, str]:
    """The value and the upper-cased currency code, or a DomainError naming `record`."""
    currency = (currency or "").strip().upper()
    if value is not None and value < 0:
        raise fail(record, _("the value cannot be negative."))
    if value is not None and not currency:
        raise fail(record, _("a value needs a currency (an ISO 4217 code such as CNY, USD or EUR)."))
    try:
        validate_currency_code(currency)
    except ValidationError as error:
        raise fail(record, " ".join(error.messages)) from None
    return value, currency


def check_cooperation_type(record: str, cooperation_type: str, *, required: bool) -> None:
    if not cooperation_type:
        if required:
            raise fail(record, _("choose a cooperation type."))
        return
    if not is_cooperation_type(cooperation_type):
        raise fail(record, _("“%(value)s” is not a cooperation type.") % {"value": cooperation_type})


def check_ceremony(
    record: str, ceremony: ProgrammeItem, *, event: Event | None, signed_on: dt.date | None
) -> None:
    """A ceremony is a signing ceremony of the same event, on the day of the signature."""
    if ceremony.kind != ProgrammeKind.SIGNING_CEREMONY:
        raise fail(record, _("“%(item)s” is not a signing ceremony.") % {"item": ceremony})
    if event is not None and ceremony.event_id != event.pk:
        raise fail(record, _("the ceremony “%(item)s” belongs to another event.") % {"item": ceremony})
    ceremony_day = ceremony.starts_at.astimezone(ceremony.event.zone).date()
    if signed_on is not None and signed_on != ceremony_day:
        raise fail(
            record,
            _("signed on %(signed)s, but the ceremony “%(item)s” took place on %(day)s.")
            % {"signed": signed_on, "item": ceremony, "day": ceremony_day},
        )
