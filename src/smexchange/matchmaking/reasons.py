"""Recommendation reasons worded in the reader's language.

The engine stores each reason as data (`smexchange.matching.types.Reason.as_dict`, plus its
English sentence under "text"); here the codes become names: sectors, countries and languages
by their Chinese or English names, product concepts by their first Chinese or English term.
Rows written before reasons were data hold a plain English string, shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from smexchange.matching.terms_sectors import SECTOR_CONCEPTS
from smexchange.vocab.cooperation import COOPERATION_TYPES
from smexchange.vocab.countries import country_label, is_country
from smexchange.vocab.isic import sector_label
from smexchange.vocab.languages import languages

# What someone seeks, as the object of "you seek ...": a partner, not the type of cooperation.
SOUGHT = {
    "joint_venture": gettext_lazy("a joint-venture partner"),
    "subcontracting": gettext_lazy("a subcontractor"),
    "franchise": gettext_lazy("a franchise partner"),
    "outsourcing": gettext_lazy("an outsourcing partner"),
    "distribution": gettext_lazy("a distributor"),
    "licensing": gettext_lazy("a licensing partner"),
    "technical_cooperation": gettext_lazy("technical cooperation"),
    "investment": gettext_lazy("investment"),
    "acquisition": gettext_lazy("an acquisition partner"),
    "supplier": gettext_lazy("a supplier"),
    "consulting": gettext_lazy("consulting"),
    "human_resources": gettext_lazy("human-resources cooperation"),
    "market_entry": gettext_lazy("help with market entry"),
}


def _chinese() -> bool:
    return (get_language() or "").lower().startswith("zh")


@cache
def _concept_names() -> dict[str, tuple[str, str]]:
    return {
        concept: (english.split("|")[0], chinese.split("|")[0])
        for concept, _, english, chinese, _ in SECTOR_CONCEPTS
    }


def _concept(code: str) -> str:
    english, chinese = _concept_names().get(code, (code, code))
    return chinese if _chinese() and chinese else english


def _sector(code: str) -> str:
    try:
        return f"{sector_label(code).in_language(get_language())} ({code})"
    except KeyError:
        return code


def _country(code: str) -> str:
    return country_label(code).in_language(get_language()) if is_country(code) else code


def _language(code: str) -> str:
    label = languages().get(code)
    return label.in_language(get_language()) if label else code


def _offered(code: str) -> str:
    label = COOPERATION_TYPES.get(code)
    if label is None:
        return code
    return label.zh if _chinese() else label.en.lower()


def _need(reason: Mapping[str, object]) -> str:
    you = reason.get("who") == "you"
    values = {
        "sought": str(SOUGHT.get(str(reason.get("sought")), reason.get("sought"))),
        "offered": _offered(str(reason.get("offered", ""))),
    }
    concepts = reason.get("concepts")
    if isinstance(concepts, list) and concepts:
        values["things"] = ("、" if _chinese() else ", ").join(_concept(str(code)) for code in concepts)
        if you:
            return _("You seek %(sought)s for %(things)s; they offer %(offered)s") % values
        return _("They seek %(sought)s for %(things)s; you offer %(offered)s") % values
    if reason.get("sector"):
        values["sector"] = _sector(str(reason["sector"]))
        if you:
            return _("You seek %(sought)s in %(sector)s; they offer %(offered)s") % values
        return _("They seek %(sought)s in %(sector)s; you offer %(offered)s") % values
    if you:
        return _("You seek %(sought)s; they offer %(offered)s") % values
    return _("They seek %(sought)s; you offer %(offered)s") % values


def reason_text(reason: object) -> str:
    """One stored reason as a sentence in the active language."""
    if not isinstance(reason, Mapping):
        return str(reason)
    code = reason.get("code")
    you = reason.get("who") == "you"
    sector = _sector(str(reason.get("sector", "")))
    if code == "need":
        return _need(reason)
    if code == "same_sector":
        return _("Same sector: %(sector)s") % {"sector": sector}
    if code == "sector_sought":
        if you:
            return _("You seek in %(sector)s, where they offer") % {"sector": sector}
        return _("They seek in %(sector)s, where you offer") % {"sector": sector}
    if code == "neighbours":
        other = _sector(str(reason.get("other_sector", "")))
        return _("Supply-chain neighbours: your %(sector)s, their %(other)s") % {
            "sector": sector,
            "other": other,
        }
    if code == "same_section":
        return _("Same ISIC section: %(section)s") % {"section": sector}
    if code == "targets":
        country = _country(str(reason.get("country", "")))
        if you:
            return _("You target %(country)s") % {"country": country}
        return _("They target %(country)s") % {"country": country}
    if code == "shared_language":
        return _("You both speak %(language)s") % {"language": _language(str(reason.get("language", "")))}
    return str(reason.get("text", ""))
