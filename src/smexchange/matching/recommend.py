"""The engine's entry point for a whole set of profiles."""

from __future__ import annotations

from collections.abc import Sequence

from smexchange.matching.embeddings import Embedder
from smexchange.matching.index import PartnerIndex
from smexchange.matching.types import Profile, Recommendation


def recommend_partners(
    profiles: Sequence[Profile], *, top_k: int = 10, embedder: Embedder | None = None
) -> list[Recommendation]:
    """One Recommendation per profile, in input order: at most `top_k` partners each, best first.

    Never recommends a profile to itself; scores are in [0, 1]; equal scores are
    ordered by input position, so the same input always gives the same output.
    Profile ids must be unique (`io.read_profiles` guarantees it).
    """
    if top_k < 1:
        raise ValueError("top_k must be at least 1")
    if not profiles:
        return []
    return PartnerIndex(profiles, embedder=embedder).recommend_all(top_k=top_k)
