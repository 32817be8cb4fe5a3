"""A press-release style summary of a past event, in English and Chinese, drafted from its records.

The draft only states what the records hold (figures, programme, organizers); staff edit it before
it is published in the archive. Both languages are written here rather than through the message
catalogue, because a summary needs both at once, whatever the language of the person drafting it.
"""

from __future__ import annotations

from dataclasses import dataclass

from smexchange.events.enums import PartnerRole, ProgrammeKind
from smexchange.events.models import Event, EventPartner, ProgrammeItem
from smexchange.reports.figures import EventFigures
from smexchange.vocab.countries import country_label

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
HIGHLIGHT_KINDS = (
    ProgrammeKind.SIGNING_CEREMONY,
    ProgrammeKind.AWARD_PRESENTATION,
    ProgrammeKind.ROUNDTABLE,
    ProgrammeKind.PANEL,
)
MAX_HIGHLIGHTS = 4


@dataclass(frozen=True)
class SummaryDraft:
    text_en: str
    text_zh: str


def _date_en(event: Event) -> str:
    start, end = event.starts_on, event.ends_on
    if start == end:
        return f"{start.day} {MONTHS_EN[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS_EN[start.month - 1]} {start.year}"
    return f"{start.day} {MONTHS_EN[start.month - 1]} – {end.day} {MONTHS_EN[end.month - 1]} {end.year}"


def _date_zh(event: Event) -> str:
    start, end = event.starts_on, event.ends_on
    first = f"{start.year}年{start.month}月{start.day}日"
    if start == end:
        return first
    if start.year == end.year and start.month == end.month:
        return f"{first}至{end.day}日"
    return f"{first}至{end.month}月{end.day}日"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _list_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _highlights(programme: list[ProgrammeItem]) -> list[ProgrammeItem]:
    return [item for item in programme if item.kind in HIGHLIGHT_KINDS][:MAX_HIGHLIGHTS]


def _people_en(figures: EventFigures) -> str:
    text = (
        f"The {figures.event.name} brought together {_plural(figures.participants, 'participant', 'participants')}"
        f" from {_plural(figures.countries, 'country', 'countries')}"
    )
    extras = []
    if figures.association_principals:
        extras.append(
            _plural(
                figures.association_principals, "trade association principal", "trade association principals"
            )
        )
    if figures.officials:
        extras.append(
            _plural(figures.officials, "government or consular official", "government and consular officials")
        )
    return text + (f", among them {_list_en(extras)}." if extras else ".")


def _programme_en(figures: EventFigures, programme: list[ProgrammeItem]) -> str:
    sentences = []
    highlights = [f"“{item.title}”" for item in _highlights(programme)]
    if figures.speeches:
        sentences.append(f"The programme included {_plural(figures.speeches, 'speech', 'speeches')}.")
    if highlights:
        sentences.append(f"Its highlights were {_list_en(highlights)}.")
    if figures.booths:
        sentences.append(
            f"Exhibitors presented their offers at {_plural(figures.booths, 'tabletop booth', 'tabletop booths')}."
        )
    return " ".join(sentences)


def _outcomes_en(figures: EventFigures) -> str:
    sentences = []
    if figures.meetings_scheduled:
        held = f", of which {figures.meetings_held:,} were held" if figures.meetings_held else ""
        sentences.append(
            f"In the business matchmaking, {_plural(figures.meetings_requested, 'meeting request', 'meeting requests')}"
            f" led to {_plural(figures.meetings_scheduled, 'scheduled one-on-one meeting', 'scheduled one-on-one meetings')}{held}."
        )
    if figures.prospective_transactions or figures.agreements_signed:
        sentences.append(
            f"Participants reported {_plural(figures.prospective_transactions, 'prospective business or trade transaction', 'prospective business or trade transactions')}"
            f" and signed {_plural(figures.agreements_signed, 'agreement', 'agreements')}."
        )
    return " ".join(sentences)


def _organizers(partners: list[EventPartner], *, chinese: bool) -> list[str]:
    """The organizer first, then the co-organizers: in their own script for Chinese, in Latin for English."""
    roles = (PartnerRole.ORGANIZER, PartnerRole.CO_ORGANIZER)
    chosen = sorted((p for p in partners if p.role in roles), key=lambda p: (roles.index(p.role), p.pk))
    return [
        p.organization.name if chinese else (p.organization.name_latin or p.organization.name) for p in chosen
    ]


def _people_zh(figures: EventFigures) -> str:
    event = figures.event
    name = event.name_zh or event.name
    city = event.city
    text = f"{_date_zh(event)}，{name}在{city}（{country_label(event.country).zh}）举行，来自{figures.countries}个国家和地区的{figures.participants}名代表出席"
    extras = []
    if figures.association_principals:
        extras.append(f"{figures.association_principals}位行业协会负责人")
    if figures.officials:
        extras.append(f"{figures.officials}位政府及领事官员")
    return text + (f"，其中包括{'和'.join(extras)}。" if extras else "。")


def _programme_zh(figures: EventFigures, programme: list[ProgrammeItem]) -> str:
    sentences = []
    highlights = [f"“{item.title_zh or item.title}”" for item in _highlights(programme)]
    if figures.speeches:
        sentences.append(f"活动期间共有{figures.speeches}场主题演讲。")
    if highlights:
        sentences.append(f"重要环节包括{'、'.join(highlights)}。")
    if figures.booths:
        sentences.append(f"现场设有{figures.booths}个桌面展位。")
    return "".join(sentences)


def _outcomes_zh(figures: EventFigures) -> str:
    sentences = []
    if figures.meetings_scheduled:
        held = f"，实际举行{figures.meetings_held}场" if figures.meetings_held else ""
        sentences.append(
            f"在商务配对洽谈中，{figures.meetings_requested}项洽谈申请促成了{figures.meetings_scheduled}场一对一洽谈{held}。"
        )
    if figures.prospective_transactions or figures.agreements_signed:
        sentences.append(
            f"参会企业达成{figures.prospective_transactions}项意向商务或贸易交易，签署{figures.agreements_signed}项协议。"
        )
    return "".join(sentences)


def _organized_en(organizers: list[str]) -> str:
    return f"The event was organized by {_list_en(organizers)}." if organizers else ""


def draft_summary(
    figures: EventFigures, programme: list[ProgrammeItem], partners: list[EventPartner]
) -> SummaryDraft:
    """The summary's first draft in both languages, from the event's figures, programme and organizers."""
    event = figures.event
    place = f"{event.city}, {country_label(event.country).en}"
    english = [
        f"{place}, {_date_en(event)} — {_people_en(figures)}",
        _programme_en(figures, programme),
        _outcomes_en(figures),
        _organized_en(_organizers(partners, chinese=False)),
    ]
    chinese = [
        _people_zh(figures),
        _programme_zh(figures, programme),
        _outcomes_zh(figures),
        f"本次活动由{'、'.join(organizers_zh)}主办。"
        if (organizers_zh := _organizers(partners, chinese=True))
        else "",
    ]
    return SummaryDraft(
        text_en="\n\n".join(part for part in english if part),
        text_zh="\n\n".join(part for part in chinese if part),
    )
