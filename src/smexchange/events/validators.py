"""Rules about times shared by model `clean`, forms and services."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Protocol
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class HasDays(Protocol):
    starts_on: dt.date
    ends_on: dt.date
    time_zone: str


def validate_within_event(event: HasDays, starts_at: dt.datetime, ends_at: dt.datetime, *, what: str) -> None:
    """A programme item or session runs inside the event's days, in the event's time zone."""
    zone = ZoneInfo(event.time_zone)
    first, last = starts_at.astimezone(zone).date(), ends_at.astimezone(zone).date()
    if first < event.starts_on or last > event.ends_on:
        raise ValidationError(
            _("%(what)s runs from %(first)s to %(last)s, outside the event's days (%(start)s to %(end)s).")
            % {"what": what, "first": first, "last": last, "start": event.starts_on, "end": event.ends_on}
        )


def validate_ends_after_start(
    starts_at: dt.datetime | dt.date,
    ends_at: dt.datetime | dt.date,
    *,
    what: str,
    allow_same: bool = False,
    field: str | None = None,
) -> None:
    """The end comes after the start; `field` puts the error on that field.

    Naming the field also makes `full_clean` skip the database check constraint on it,
    which would otherwise add its own, technical, message to this one.
    """
    if ends_at < starts_at or (ends_at == starts_at and not allow_same):
        message = _("%(what)s ends before it starts.") % {"what": what}
        raise ValidationError({field: message} if field else message)


def validate_no_overlap(
    periods: list[tuple[dt.datetime, dt.datetime]], *, what: str, zone: dt.tzinfo | None = None
) -> None:
    """No two periods share a moment (touching ends are fine)."""
    ordered = sorted(periods)
    for (_start_a, end_a), (start_b, _end_b) in itertools.pairwise(ordered):
        if start_b < end_a:
            shown = start_b.astimezone(zone) if zone else start_b
            raise ValidationError(
                _("%(what)s overlap at %(time)s.") % {"what": what, "time": shown.strftime("%Y-%m-%d %H:%M")}
            )
