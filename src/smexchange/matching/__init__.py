"""Partner matching: recommends business partners to SMEs, across languages, with reasons.

A pure library (no Django). `recommend_partners(profiles, top_k=K)` serves a
whole file of profiles; `PartnerIndex(profiles).recommend(profile, top_k=K)`
serves one profile against a prebuilt index. See
docs/developer/algorithms/matching.md for the score and the index.
"""

from smexchange.matching.index import PartnerIndex
from smexchange.matching.io import ProfileError, read_profiles, write_recommendations
from smexchange.matching.recommend import recommend_partners
from smexchange.matching.types import CooperationItem, Match, Profile, Recommendation

__all__ = [
    "CooperationItem",
    "Match",
    "PartnerIndex",
    "Profile",
    "ProfileError",
    "Recommendation",
    "read_profiles",
    "recommend_partners",
    "write_recommendations",
]
