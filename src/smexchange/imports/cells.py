"""Turning one cell of an imported row into a value: text, codes, lists of codes, dates, yes/no.

Each parser returns the value or raises CellError with a message for the person who wrote the file.
Codes are accepted as the code itself in any case, or as the English or Chinese name.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _

from smexchange.imports.files import Cell
from smexchange.vocab.countries import countries
from smexchange.vocab.isic import normalize_sector
from smexchange.vocab.labels import Label
from smexchange.vocab.languages import languages


class CellError(ValueError):
    """The cell's value is not acceptable; the message says why."""


LIST_SEPARATORS = re.compile(r"[,;，；、|/\n]+")
# Excel's serial day numbers start on 30 December 1899 (with the 1900 leap-year bug absorbed).
EXCEL_EPOCH = dt.date(1899, 12, 30)


def text(cell: Cell) -> str:
    """A text cell; numbers from a workbook come back as written (8613812345678, not 8.6e12)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return unicodedata.normalize("NFC", str(cell)).strip()


def _key(value: str) -> str:
    return re.sub(r"[\s_\-]+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()


class Vocabulary:
    """Codes with their names: a cell may hold `cn`, `CN`, `China` or `中国`."""

    def __init__(self, labels: Iterable[Label], *, upper: bool = False) -> None:
        self.codes = {label.code for label in labels}
        self._lookup: dict[str, str] = {}
        self.upper = upper
        for label in labels:
            for name in (label.en, label.zh, label.code):
                self._lookup.setdefault(_key(name), label.code)

    def code(self, value: str) -> str | None:
        raw = value.strip()
        candidate = raw.upper() if self.upper else raw.lower()
        if candidate in self.codes:
            return candidate
        return self._lookup.get(_key(raw))


def choices_vocabulary(choices: Iterable[tuple[str, object]]) -> Vocabulary:
    """A vocabulary from Django choices, accepting their English and Chinese labels."""
    labels = []
    for value, label in choices:
        with translation.override("en"):
            english = str(label)
        with translation.override("zh-hans"):
            chinese = str(label)
        labels.append(Label(str(value), english, chinese))
    return Vocabulary(labels)


@cache
def country_vocabulary() -> Vocabulary:
    return Vocabulary(countries().values(), upper=True)


@cache
def language_vocabulary() -> Vocabulary:
    return Vocabulary(languages().values())


def country(cell: Cell) -> str:
    value = text(cell)
    code = country_vocabulary().code(value)
    if code is None:
        raise CellError(
            _("“%(value)s” is not an ISO 3166-1 country code (e.g. CN, US, BR) or a country name.")
            % {"value": value}
        )
    return code


def split_list(cell: Cell) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(text(cell)) if part.strip()]


def countries_list(cell: Cell) -> list[str]:
    codes = []
    for value in split_list(cell):
        code = country_vocabulary().code(value)
        if code is None:
            raise CellError(_("“%(value)s” is not an ISO 3166-1 country code.") % {"value": value})
        codes.append(code)
    return list(dict.fromkeys(codes))


def languages_list(cell: Cell) -> list[str]:
    codes = []
    for value in split_list(cell):
        code = language_vocabulary().code(value)
        if code is None:
            raise CellError(
                _("“%(value)s” is not an ISO 639-1 language code (e.g. zh, en, pt).") % {"value": value}
            )
        codes.append(code)
    return list(dict.fromkeys(codes))


def sectors_list(cell: Cell) -> list[str]:
    codes = []
    for value in split_list(cell):
        try:
            codes.append(normalize_sector(value))
        except KeyError:
            raise CellError(
                _("“%(value)s” is not an ISIC Rev. 4 sector code (e.g. C32, J62).") % {"value": value}
            ) from None
    return list(dict.fromkeys(codes))


def choice(cell: Cell, vocabulary: Vocabulary) -> str:
    """One code of `vocabulary`; the error lists the codes it accepts."""
    value = text(cell)
    code = vocabulary.code(value)
    if code is None:
        accepted = ", ".join(sorted(vocabulary.codes))
        raise CellError(_("“%(value)s” is not one of: %(codes)s.") % {"value": value, "codes": accepted})
    return code


def choices_list(cell: Cell, vocabulary: Vocabulary) -> list[str]:
    return list(dict.fromkeys(choice(value, vocabulary) for value in split_list(cell)))


_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?$"),
)


def date(cell: Cell) -> dt.date:
    """A workbook date, an Excel day number, or year-month-day text (2009-07-13, 2009/7/13, 2009年7月13日)."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool) and 1 <= cell < 2_958_466:
        return EXCEL_EPOCH + dt.timedelta(days=int(cell))
    value = text(cell)
    for form in _DATE_FORMS:
        match = form.match(value)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise CellError(
        _("“%(value)s” is not a date; write it as year-month-day, e.g. 2009-07-13.") % {"value": value}
    )


_YES = {"yes", "y", "true", "1", "x", "是", "对", "published", "publish"}
_NO = {"no", "n", "false", "0", "否", "draft"}


def yes_no(cell: Cell) -> bool:
    value = text(cell).casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(_("“%(value)s” is neither yes nor no.") % {"value": text(cell)})
