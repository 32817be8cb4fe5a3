"""ISO 3166-1 alpha-2 countries, with English and Chinese names from pycountry's data."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from smexchange.vocab.labels import Label

# The G20's member countries (the European Union and the African Union are members too, but not countries).
G20_COUNTRIES: frozenset[str] = frozenset(
    {
        "AR",
        "AU",
        "BR",
        "CA",
        "CN",
        "DE",
        "FR",
        "GB",
        "ID",
        "IN",
        "IT",
        "JP",
        "KR",
        "MX",
        "RU",
        "SA",
        "TR",
        "US",
        "ZA",
    }
)

# pycountry's official names are long ("Korea, Republic of"); people use these.
_COMMON_NAMES = {
    "KR": ("South Korea", "韩国"),
    "RU": ("Russia", "俄罗斯"),
    "GB": ("United Kingdom", "英国"),
    "US": ("United States", "美国"),
    "TW": ("Taiwan, China", "中国台湾"),
    "HK": ("Hong Kong, China", "中国香港"),
    "MO": ("Macao, China", "中国澳门"),
    "VN": ("Viet Nam", "越南"),
    "IR": ("Iran", "伊朗"),
    "SY": ("Syria", "叙利亚"),
    "BO": ("Bolivia", "玻利维亚"),
    "VE": ("Venezuela", "委内瑞拉"),
    "TZ": ("Tanzania", "坦桑尼亚"),
    "MD": ("Moldova", "摩尔多瓦"),
    "LA": ("Laos", "老挝"),
    "KP": ("North Korea", "朝鲜"),
}


@cache
def _chinese_catalog() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


@cache
def countries() -> dict[str, Label]:
    """Every ISO 3166-1 country by alpha-2 code."""
    catalog = _chinese_catalog()
    result: dict[str, Label] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        english = str(getattr(country, "common_name", None) or country.name)
        chinese = catalog.gettext(str(country.name))
        if code in _COMMON_NAMES:
            english, chinese = _COMMON_NAMES[code]
        result[code] = Label(code, english, chinese)
    return result


def is_country(code: str) -> bool:
    return code in countries()


def country_label(code: str) -> Label:
    """The label of `code`; raises KeyError for a code that is not ISO 3166-1 alpha-2."""
    return countries()[code]
