"""ISO 4217 currency codes (from pycountry's data), for values of deals and prospective transactions."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def currencies() -> dict[str, str]:
    """Active ISO 4217 alphabetic codes and their English names."""
    return {currency.alpha_3: currency.name for currency in pycountry.currencies}


def is_currency(code: str) -> bool:
    return code in currencies()
