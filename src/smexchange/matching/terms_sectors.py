"""Product and sector vocabulary in English, Chinese and (some) Spanish, Portuguese, German, French.

Each concept is a thing SMEs make, sell or do. Its surface terms in every
language map to one language-free id, so "furniture", "家具", "muebles",
"móveis", "Möbel" and "meubles" all become the feature `furniture` and a
Chinese request meets an English offer. The division is the ISIC Rev. 4
division where such products are usually made or such work is done; the
engine uses it to infer sectors from free text.

Rows: (concept, division, English terms, Chinese terms, other-language terms),
terms separated by `|`. Plurals need not be listed: Latin words are
singularized before lookup.
"""

from __future__ import annotations

from smexchange.matching.terms_goods import GOODS_CONCEPTS
from smexchange.matching.terms_services import SERVICE_CONCEPTS

SECTOR_CONCEPTS: tuple[tuple[str, str, str, str, str], ...] = GOODS_CONCEPTS + SERVICE_CONCEPTS
