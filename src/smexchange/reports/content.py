"""What a report says, in the active language: headline figures, charts and tables, from the figures.

PDF, HTML and XLSX are all written from this one content, so the three never disagree, and the
data behind every chart is the chart's own table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from smexchange.events.enums import EventKind, ParticipantRole
from smexchange.reports.charts import ChartData
from smexchange.reports.figures import AnnualFigures, Corridor, EventFigures, corridor_matrix
from smexchange.vocab.cooperation import COOPERATION_TYPES
from smexchange.vocab.countries import countries
from smexchange.vocab.isic import SECTIONS


@dataclass(frozen=True)
class Figure:
    """A headline figure: its label, the number (for spreadsheets) and the number as printed."""

    label: str
    number: int | Decimal
    text: str


def _figure(label: str, number: int | Decimal, text: str = "") -> Figure:
    return Figure(label, number, text or _number(number))


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass
class ReportContent:
    """A report ready to render: title (with the Chinese title when there is one), figures, charts."""

    title: str
    title_zh: str
    subtitle: str
    headline: list[Figure]
    charts: list[ChartData]
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty_message: str = ""


def _chinese() -> bool:
    return (get_language() or "").lower().startswith("zh")


def country_name(code: str) -> str:
    """The country's name; in English followed by its Chinese name, so the charts read in both."""
    label = countries().get(code)
    if label is None:
        return code or _("unknown")
    return label.zh if _chinese() else f"{label.en} {label.zh}"


def cooperation_name(code: str) -> str:
    label = COOPERATION_TYPES.get(code)
    return label.in_language(get_language()) if label else code


def sector_name(section: str) -> str:
    label = SECTIONS.get(section)
    return f"{section} {label.in_language(get_language())}" if label else section


def _number(value: int | Decimal) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _money(currency: str, value: Decimal) -> str:
    return f"{currency} {formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)}"


def _bar(code: str, title: str, column: str, value_column: str, rows: list[tuple[str, object]]) -> ChartData:
    return ChartData(code, title, "bar", (column, value_column), tuple(rows), other_label=_("Others"))


def _corridor_chart(corridors: tuple[Corridor, ...], *, of_deals: bool) -> ChartData:
    codes, matrix = corridor_matrix(corridors)
    names = [country_name(code) for code in codes]
    title = (
        _("Agreements and transactions between countries") if of_deals else _("Meetings between countries")
    )
    return ChartData(
        "corridors",
        title,
        "heatmap",
        ("", *names),
        tuple((name, *row) for name, row in zip(names, matrix, strict=True)),
    )


FUNNEL_LABELS = {
    "requested": gettext_lazy("Meetings requested"),
    "scheduled": gettext_lazy("Meetings scheduled"),
    "held": gettext_lazy("Meetings held"),
    "prospective": gettext_lazy("Prospective transactions"),
    "signed": gettext_lazy("Agreements signed"),
}


def _dates(figures: EventFigures) -> str:
    event = figures.event
    first = formats.date_format(event.starts_on, "DATE_FORMAT")
    if event.ends_on == event.starts_on:
        return first
    return f"{first} – {formats.date_format(event.ends_on, 'DATE_FORMAT')}"


def event_report_content(figures: EventFigures) -> ReportContent:
    event = figures.event
    headline = [
        _figure(_("Participants"), figures.participants),
        _figure(_("Countries"), figures.countries),
        _figure(_("Association principals"), figures.association_principals),
        _figure(_("Government and consular officials"), figures.officials),
        _figure(_("Speeches"), figures.speeches),
        _figure(_("Tabletop booths"), figures.booths),
        _figure(_("Meetings requested"), figures.meetings_requested),
        _figure(_("Meetings scheduled"), figures.meetings_scheduled),
        _figure(_("Meetings held"), figures.meetings_held),
        _figure(_("Prospective transactions"), figures.prospective_transactions),
        _figure(_("Agreements signed"), figures.agreements_signed),
    ]
    headline += [
        _figure(_("Value in %(currency)s") % {"currency": currency}, value, _money(currency, value))
        for currency, value in figures.value_by_currency
    ]
    roles = dict(ParticipantRole.choices)
    charts = [
        _bar(
            "participants_by_country",
            _("Participants by country"),
            _("Country"),
            _("Participants"),
            [(country_name(code), count) for code, count in figures.by_country],
        ),
        _bar(
            "participants_by_role",
            _("Participants by role"),
            _("Role"),
            _("Participants"),
            [(str(roles.get(role, role)), count) for role, count in figures.by_role],
        ),
        _corridor_chart(figures.corridors, of_deals=figures.corridors_of_deals),
        ChartData(
            "funnel",
            _("From meeting requests to agreements"),
            "funnel",
            (_("Step"), _("Count")),
            tuple((str(FUNNEL_LABELS[step.code]), step.count) for step in figures.funnel),
        ),
        _bar(
            "cooperation_types",
            _("Transactions by cooperation type"),
            _("Cooperation type"),
            _("Transactions"),
            [(cooperation_name(code), count) for code, count in figures.cooperation_types],
        ),
    ]
    tables = [
        Table(
            _("Top country corridors"),
            (
                _("Country"),
                _("Country"),
                _("Agreements and transactions") if figures.corridors_of_deals else _("Meetings"),
            ),
            tuple((country_name(c.a), country_name(c.b), c.count) for c in figures.top_corridors),
        ),
    ]
    pipeline = dict(figures.pipeline_value_by_currency)
    signed = dict(figures.value_by_currency)
    if pipeline:
        tables.append(
            Table(
                _("Value by currency"),
                (_("Currency"), _("Agreements signed"), _("All transactions not dropped")),
                tuple((code, signed.get(code, 0), pipeline[code]) for code in sorted(pipeline)),
            )
        )
    return ReportContent(
        title=event.name,
        title_zh=event.name_zh,
        subtitle=f"{_dates(figures)} · {event.city}, {country_name(event.country)}",
        headline=headline,
        charts=charts,
        tables=tables,
        notes=[] if figures.participants else [_("No participants are recorded for this event.")],
    )


def annual_report_content(figures: AnnualFigures) -> ReportContent:
    kinds = dict(EventKind.choices)
    year = figures.year
    headline = [
        _figure(_("Events"), len(figures.events)),
        _figure(_("Host countries"), len(figures.events_by_country)),
        _figure(_("Participants"), figures.participants),
        _figure(_("Participants' countries"), figures.countries),
        _figure(_("Meetings scheduled"), figures.meetings),
        _figure(_("Agreements signed"), figures.agreements),
        _figure(
            _("Participants since %(year)s") % {"year": figures.history[0].year},
            figures.cumulative[-1].participants,
        ),
        _figure(
            _("Agreements since %(year)s") % {"year": figures.history[0].year},
            figures.cumulative[-1].agreements,
        ),
    ]
    change_labels = {
        "events": _("Events"),
        "participants": _("Participants"),
        "meetings": _("Meetings scheduled"),
        "agreements": _("Agreements signed"),
    }
    charts = [
        _bar("events_by_country", _("Events by host country"), _("Country"), _("Events"),
             [(country_name(code), count) for code, count in figures.events_by_country]),
        _bar("events_by_kind", _("Events by kind"), _("Kind"), _("Events"),
             [(str(kinds.get(kind, kind)), count) for kind, count in figures.events_by_kind]),
        ChartData(
            "cumulative",
            _("Cumulative participants and agreements"),
            "lines",
            (_("Year"), _("Participants"), _("Agreements")),
            tuple((row.year, row.participants, row.agreements) for row in figures.cumulative),
        ),
        _bar("agreements_by_cooperation_type", _("Agreements by cooperation type"), _("Cooperation type"),
             _("Agreements"), [(cooperation_name(code), count) for code, count in figures.agreements_by_cooperation_type]),
        _bar("agreements_by_sector", _("Agreements by sector"), _("Sector"), _("Agreements"),
             [(sector_name(code), count) for code, count in figures.agreements_by_sector]),
        _bar("agreements_by_g20_country", _("Agreements by G20 country"), _("Country"), _("Agreements"),
             [(country_name(code), count) for code, count in figures.agreements_by_g20_country]),
    ]  # fmt: skip
    tables = [
        Table(
            _("Events of %(year)s") % {"year": year},
            (_("Date"), _("Event"), _("Kind"), _("Country"), _("City"), _("Participants")),
            tuple(
                (
                    formats.date_format(row.starts_on, "DATE_FORMAT"),
                    row.name_zh if _chinese() and row.name_zh else row.name,
                    str(kinds.get(row.kind, row.kind)),
                    country_name(row.country),
                    row.city,
                    row.participants,
                )
                for row in figures.events
            ),
        ),
        Table(
            _("Year-on-year change"),
            (_("Figure"), str(year - 1), str(year), _("Change"), _("Change (%)")),
            tuple(
                (
                    str(change_labels[c.code]),
                    c.last_year,
                    c.this_year,
                    c.difference,
                    "" if c.percent is None else c.percent,
                )
                for c in figures.changes
            ),
        ),
    ]
    return ReportContent(
        title=_("Annual development report %(year)s") % {"year": year},
        title_zh=f"{year}年度中小企业发展报告",
        subtitle=_("SMEs in the G20: the alliance's events and what came of them"),
        headline=headline,
        charts=charts,
        tables=tables,
        empty_message=_(
            "Events took place in %(year)s, but no participants, meetings or agreements are recorded for them."
        )
        % {"year": year}
        if figures.is_empty
        else "",
    )
