"""How well an offered cooperation type answers a sought one, refined from `vocab.cooperation`.

The shared vocabulary says which types complete each other. The engine grades
them: the same type on both sides answers fully; the vocabulary's related
pairs (subcontracting and outsourcing, licensing and technical cooperation,
investment and acquisition or joint venture, consulting or distribution for
market entry) answer well. Supplier and distribution are the exception: both
sides of a trade already meet by the same type (a maker seeks distribution and
a distributor offers it; the distributor seeks a supplier and the maker offers
supply), so the cross pair mostly joins two sellers of the same thing, the
lookalike trap, and counts as weak.

Joint ventures and technical cooperation are symmetric: whoever seeks a joint
venture also offers to be the other party of one.
"""

from __future__ import annotations

from functools import lru_cache

from smexchange.vocab.cooperation import COOPERATION_TYPES, complements

TYPES: tuple[str, ...] = tuple(COOPERATION_TYPES)
TYPE_BIT: dict[str, int] = {code: 1 << position for position, code in enumerate(TYPES)}
SYMMETRIC_TYPES: frozenset[str] = frozenset({"joint_venture", "technical_cooperation"})

FULL = 1.0
RELATED = 0.8
WEAK = 0.2
_WEAK_PAIRS = frozenset({("supplier", "distribution"), ("distribution", "supplier")})


def strength(offered: str, sought: str) -> float:
    """How well an offer of type `offered` answers a request of type `sought`, in [0, 1]."""
    if offered == sought:
        return FULL
    if (offered, sought) in _WEAK_PAIRS:
        return WEAK
    return RELATED if complements(offered, sought) else 0.0


def effective_offers(offers: frozenset[str], seeks: frozenset[str]) -> frozenset[str]:
    """The types a profile offers, counting symmetric types it seeks as offered too."""
    return offers | (seeks & SYMMETRIC_TYPES)


@lru_cache(maxsize=64)
def answering_types(sought: str, minimum: float = RELATED) -> tuple[tuple[str, float], ...]:
    """The offered types that answer `sought` at least as well as `minimum`, with their strength."""
    return tuple(
        (offered, strength(offered, sought)) for offered in TYPES if strength(offered, sought) >= minimum
    )


@lru_cache(maxsize=8192)
def answer_masks(offered_types: frozenset[str]) -> tuple[int, int, int]:
    """Bit masks of the sought types these offers answer fully, well (related) and weakly."""
    masks = [0, 0, 0]
    for sought in TYPES:
        best = max((strength(offered, sought) for offered in offered_types), default=0.0)
        level = {FULL: 0, RELATED: 1, WEAK: 2}.get(best)
        if level is not None:
            masks[level] |= TYPE_BIT[sought]
    return masks[0], masks[1], masks[2]


def type_mask(types: frozenset[str]) -> int:
    mask = 0
    for code in types:
        mask |= TYPE_BIT[code]
    return mask


# Nouns for reasons: "they seek a subcontractor".
SOUGHT_NOUN: dict[str, str] = {
    "joint_venture": "a joint-venture partner",
    "subcontracting": "a subcontractor",
    "franchise": "a franchise partner",
    "outsourcing": "an outsourcing partner",
    "distribution": "a distributor",
    "licensing": "a licensing partner",
    "technical_cooperation": "technical cooperation",
    "investment": "investment",
    "acquisition": "an acquisition partner",
    "supplier": "a supplier",
    "consulting": "consulting",
    "human_resources": "human-resources cooperation",
    "market_entry": "help with market entry",
}
