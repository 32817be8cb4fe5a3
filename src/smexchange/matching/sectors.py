"""Sector compatibility: same division, supply-chain neighbours, same section.

The neighbour table is written by hand from ISIC Rev. 4: an edge joins a
division to the divisions it typically buys from or sells to (wood to
furniture, textiles to apparel, metals to machinery, farms to food makers,
makers to wholesale and retail). Service divisions that serve every sector
(software, finance, logistics, consulting) are not neighbours of everything,
or everything would be a neighbour; their fit is judged by content.
"""

from __future__ import annotations

from functools import cache

from smexchange.vocab.isic import DIVISIONS

# upstream division: downstream divisions that buy from it
_SUPPLY_CHAIN: dict[str, str] = {
    "A01": "C10 C11 C12 C13 G46",
    "A02": "C16 C17 D35",
    "A03": "C10 G46 I56",
    "B05": "D35 C19 C24",
    "B06": "C19 C20 D35",
    "B07": "C24",
    "B08": "C23 C20 F42",
    "B09": "B05 B06 B07",
    "C10": "G46 G47 I56 H52",
    "C11": "G46 G47 I56 I55",
    "C13": "C14 C15 C31 C22",
    "C14": "G46 G47",
    "C15": "G46 G47 C14",
    "C16": "C31 F41 F43 C17",
    "C17": "C18 C32 C10",
    "C18": "C32 M73 J58",
    "C19": "C20 H49 H50 H51",
    "C20": "C21 C22 C13 A01 C23 C17",
    "C21": "Q86 G46",
    "C22": "C29 C27 C26 C32 C10 C11",
    "C23": "F41 F42 F43",
    "C24": "C25 C28 C29 C30 C27",
    "C25": "C28 C29 C30 F41 F42 C27",
    "C26": "C27 C28 C29 C30 J61 Q86 C32",
    "C27": "C28 C29 C30 F43 D35 F42",
    "C28": "C10 C13 C22 C25 A01 C33 F42 B08",
    "C29": "G45 H49",
    "C30": "H50 H51 H49",
    "C31": "G47 F43 I55 L68",
    "C32": "G46 G47",
    "C33": "C28 C29 D35",
    "D35": "E36 C24",
    "E38": "C24 C22 C17 D35",
    "F41": "L68",
    "F42": "D35 E36 H49",
    "G46": "G47 I56",
    "H52": "G46 G47 H49 H50",
    "I55": "N79",
    "J62": "J63 K64 G47",
    "M71": "F41 F42",
    "M72": "C20 C21 C26 C28 A01",
    "M74": "C31 C14 C32",
    "N79": "I55 H51",
    "P85": "N78",
}


@cache
def neighbours(division: str) -> frozenset[str]:
    """Divisions one step up or down the supply chain from `division` (not itself)."""
    found = set(_SUPPLY_CHAIN.get(division, "").split())
    found |= {source for source, targets in _SUPPLY_CHAIN.items() if division in targets.split()}
    found.discard(division)
    return frozenset(found)


def sector_relation(ours: tuple[str, ...] | frozenset[str], theirs: tuple[str, ...] | frozenset[str]) -> str:
    """The closest relation between two sets of sector codes: same, neighbour, section, none or unknown."""
    if not ours or not theirs:
        return "unknown"
    if set(ours) & set(theirs):
        return "same"
    if any(neighbours(code) & set(theirs) for code in ours):
        return "neighbour"
    if {code[0] for code in ours} & {code[0] for code in theirs}:
        return "section"
    return "none"


def known_divisions() -> list[str]:
    """Every division code, in ISIC order: the bit positions of the engine's sector masks."""
    return list(DIVISIONS)
