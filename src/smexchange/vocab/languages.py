"""ISO 639-1 languages, with English and Chinese names."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from smexchange.vocab.labels import Label

# The languages the alliance's members do business in, listed first in forms.
BUSINESS_LANGUAGES: tuple[str, ...] = (
    "zh", "en", "es", "pt", "fr", "de", "ru", "ar", "ja", "ko", "it", "tr", "id", "hi",
)  # fmt: skip

_SHORT_NAMES = {"zh": ("Chinese", "中文"), "el": ("Greek", "希腊语"), "ms": ("Malay", "马来语")}


@cache
def languages() -> dict[str, Label]:
    """Every language that has an ISO 639-1 code, by that code."""
    catalog = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    result: dict[str, Label] = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if not code:
            continue
        english = str(language.name)
        english, chinese = _SHORT_NAMES.get(str(code), (english, catalog.gettext(english)))
        result[str(code)] = Label(str(code), english, chinese)
    return result


def is_language(code: str) -> bool:
    return code in languages()
