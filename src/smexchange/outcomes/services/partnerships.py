"""Partnership cities, industry cluster cooperation bases, memoranda, and manifestos with their signatories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smexchange.directory.models import Organization
from smexchange.events.models import Event, ProgrammeItem
from smexchange.outcomes.enums import PartnershipKind
from smexchange.outcomes.models import Manifesto, ManifestoSignatory, Partnership
from smexchange.outcomes.services.checks import check_ceremony, fail


def _event_of(
    record: str, event: Event | None, ceremony: ProgrammeItem | None, signed_on: dt.date
) -> Event | None:
    if ceremony is not None:
        check_ceremony(record, ceremony, event=event, signed_on=signed_on)
        return event or ceremony.event
    return event


@transaction.atomic
def record_partnership(
    *,
    kind: str,
    title: str,
    parties: Sequence[Organization],
    signed_on: dt.date,
    title_zh: str = "",
    description: str = "",
    ceremony: ProgrammeItem | None = None,
    event: Event | None = None,
) -> Partnership:
    """A partnership between two or more organizations (cities, a cluster and a county, associations)."""
    record = _("partnership “%(title)s”") % {"title": title}
    if kind not in PartnershipKind.values:
        raise fail(record, _("“%(value)s” is not a kind of partnership.") % {"value": kind})
    if not title.strip():
        raise fail(_("partnership"), _("give it a title."))
    if len({party.pk for party in parties}) < 2:
        raise fail(record, _("a partnership needs at least two different parties."))
    partnership = Partnership.objects.create(
        kind=kind,
        title=title.strip(),
        title_zh=title_zh,
        description=description,
        signed_on=signed_on,
        ceremony=ceremony,
        event=_event_of(record, event, ceremony, signed_on),
    )
    partnership.parties.set(parties)
    return partnership


@transaction.atomic
def create_manifesto(
    *,
    title: str,
    text: str,
    signed_on: dt.date,
    title_zh: str = "",
    ceremony: ProgrammeItem | None = None,
    event: Event | None = None,
) -> Manifesto:
    record = _("manifesto “%(title)s”") % {"title": title}
    if not title.strip() or not text.strip():
        raise fail(record, _("a manifesto needs a title and its text."))
    if Manifesto.objects.filter(title=title.strip(), signed_on=signed_on).exists():
        raise fail(record, _("it was already recorded for %(day)s.") % {"day": signed_on})
    return Manifesto.objects.create(
        title=title.strip(),
        title_zh=title_zh,
        text=text,
        signed_on=signed_on,
        ceremony=ceremony,
        event=_event_of(record, event, ceremony, signed_on),
    )


@transaction.atomic
def add_manifesto_signatory(
    manifesto: Manifesto, *, organization: Organization, signed_by: str = "", signed_by_title: str = ""
) -> ManifestoSignatory:
    """An organization signs the manifesto (once), through the named person."""
    try:
        with transaction.atomic():
            return ManifestoSignatory.objects.create(
                manifesto=manifesto,
                organization=organization,
                signed_by=signed_by.strip(),
                signed_by_title=signed_by_title.strip(),
            )
    except IntegrityError:
        raise fail(
            _("manifesto “%(title)s”") % {"title": manifesto.title},
            _("%(organization)s has already signed it.") % {"organization": organization},
        ) from None
