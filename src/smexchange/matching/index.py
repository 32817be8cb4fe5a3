"""The partner index: profiles analysed and vectorized once, then asked for recommendations.

Build it from all profiles, then ask it for everyone's recommendations
(`recommend_all`, what `smex match` does) or for one profile's
(`recommend`, what "Recommended for you" does), optionally among a subset
such as one event's registrants.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

import numpy as np
import scipy.sparse as sp

from smexchange.matching.candidates import Candidates, cap_postings, generate
from smexchange.matching.embeddings import Embedder, dense_cosine, embed_texts, offer_text, seek_text
from smexchange.matching.features import Analysis, Vocabulary, analyze, offer_features, seek_features
from smexchange.matching.parallel import flatten, map_chunks
from smexchange.matching.reasons import PairFacts, Side, english, explain
from smexchange.matching.score import SATURATION, PairScores, score_pairs
from smexchange.matching.table import ProfileTable, build_table
from smexchange.matching.types import Match, Profile, Recommendation

# Rows per block of the sparse products: large enough for scipy to amortize its
# overhead, small enough that one block's product stays well under 1 GB.
_BLOCK_ROWS = 2000
# Longest inverted list walked per feature: bounds a query's work in a large directory.
# Features specific enough to matter (a product *and* a target country) stay below it.
POSTINGS_LIMIT = 120
_PREPARE_ROWS = 5000


def candidate_pool(top_k: int) -> int:
    """How many candidates per profile are scored exactly: enough to re-rank by the full score."""
    return max(40, 4 * top_k)


class PartnerIndex:
    """Profiles prepared for recommendation; immutable once built."""

    def __init__(self, profiles: Sequence[Profile], *, embedder: Embedder | None = None) -> None:
        """Analyse and vectorize `profiles` (ids must be unique).

        With an `embedder` (see `embeddings`), candidates are re-scored with the dense text
        similarity too; candidate generation stays sparse.
        """
        self.profiles: tuple[Profile, ...] = tuple(profiles)
        self.embedder = embedder
        self.seek_vectors = self.offer_vectors = np.zeros((len(self.profiles), 0), dtype=np.float32)
        if embedder is not None:
            self.seek_vectors = embed_texts(embedder, [seek_text(profile) for profile in self.profiles])
            self.offer_vectors = embed_texts(embedder, [offer_text(profile) for profile in self.profiles])
        prepared = flatten(map_chunks(self._prepare, len(self.profiles), _PREPARE_ROWS))
        self.analyses: tuple[Analysis, ...] = tuple(item[0] for item in prepared)
        seek_rows = [item[1] for item in prepared]
        offer_rows = [item[2] for item in prepared]
        self.vocabulary = Vocabulary.fit([*seek_rows, *offer_rows])
        self.seeks: sp.csr_matrix = self.vocabulary.matrix(seek_rows)
        self.offers: sp.csr_matrix = self.vocabulary.matrix(offer_rows)
        # The transposes are the inverted lists: feature -> profiles that have it.
        self.seeks_t: sp.csr_matrix = cap_postings(self.seeks.T.tocsr(), POSTINGS_LIMIT)
        self.offers_t: sp.csr_matrix = cap_postings(self.offers.T.tocsr(), POSTINGS_LIMIT)
        self.table: ProfileTable = build_table(self.profiles, self.analyses)
        self.position: dict[str, int] = {profile.id: row for row, profile in enumerate(self.profiles)}

    def __len__(self) -> int:
        return len(self.profiles)

    def _prepare(self, start: int, stop: int) -> list[tuple[Analysis, dict[str, float], dict[str, float]]]:
        analyses = [analyze(profile) for profile in self.profiles[start:stop]]
        return [(item, seek_features(item), offer_features(item)) for item in analyses]

    def recommend(
        self, profile: Profile, *, top_k: int = 10, among: Collection[str] | None = None
    ) -> Recommendation:
        """The best `top_k` partners for `profile` (indexed or not), never itself.

        `among`, when given, limits partners to those ids (e.g. one event's registrants).
        """
        analysis = analyze(profile)
        seeks = self.vocabulary.matrix([seek_features(analysis)])
        offers = self.vocabulary.matrix([offer_features(analysis)])
        allowed = None
        if among is not None:
            allowed = np.zeros(len(self), dtype=bool)
            allowed[[self.position[item] for item in among if item in self.position]] = True
        exclude = np.array([self.position.get(profile.id, -1)])
        found = generate(
            seeks,
            offers,
            self.offers_t,
            self.seeks_t,
            keep=candidate_pool(top_k),
            exclude=exclude,
            allowed=allowed,
        )
        if self.embedder is not None:
            found = self._with_dense(
                found,
                embed_texts(self.embedder, [seek_text(profile)]),
                embed_texts(self.embedder, [offer_text(profile)]),
            )
        left = build_table([profile], [analysis])
        scores = score_pairs(left, found.rows, self.table, found.columns, found.cosine_ab, found.cosine_ba)
        you = [Side(profile, analysis)]
        recommendations = list(self._assemble(found, scores, top_k, you, [profile.id]))
        return recommendations[0] if recommendations else Recommendation(profile.id, ())

    def recommend_all(self, *, top_k: int = 10) -> list[Recommendation]:
        """Recommendations for every indexed profile, in index order."""
        blocks = map_chunks(
            lambda start, stop: self._recommend_block(start, stop, top_k), len(self), _BLOCK_ROWS
        )
        return flatten(blocks)

    def _recommend_block(self, start: int, stop: int, top_k: int) -> list[Recommendation]:
        found = generate(
            self.seeks[start:stop],
            self.offers[start:stop],
            self.offers_t,
            self.seeks_t,
            keep=candidate_pool(top_k),
            exclude=np.arange(start, stop),
        )
        if self.embedder is not None:
            found = self._with_dense(found, self.seek_vectors[start:stop], self.offer_vectors[start:stop])
        scores = score_pairs(
            self.table, found.rows + start, self.table, found.columns, found.cosine_ab, found.cosine_ba
        )
        sides = [Side(self.profiles[row], self.analyses[row]) for row in range(start, stop)]
        ids = [profile.id for profile in self.profiles[start:stop]]
        return list(self._assemble(found, scores, top_k, sides, ids))

    def _with_dense(self, found: Candidates, seeks: np.ndarray, offers: np.ndarray) -> Candidates:
        """Each candidate's text cosines raised to the dense similarity where that is higher."""
        dense_ab = dense_cosine(seeks[found.rows], self.offer_vectors[found.columns], SATURATION)
        dense_ba = dense_cosine(offers[found.rows], self.seek_vectors[found.columns], SATURATION)
        return Candidates(
            found.rows,
            found.columns,
            np.maximum(found.cosine_ab, dense_ab),
            np.maximum(found.cosine_ba, dense_ba),
        )

    def _assemble(
        self, found: Candidates, scores: PairScores, top_k: int, you: Sequence[Side], ids: Sequence[str]
    ) -> Iterator[Recommendation]:
        """Recommendations for query rows 0..len(ids)-1 from their scored candidates, best first."""
        order = np.lexsort((found.columns, -scores.score, found.rows))
        starts = np.searchsorted(found.rows[order], np.arange(len(ids) + 1))
        for local, identifier in enumerate(ids):
            chosen = order[starts[local] : starts[local + 1]][:top_k]
            chosen = chosen[scores.score[chosen] > 0]
            matches = tuple(
                self._match(you[local], int(found.columns[pick]), int(pick), scores) for pick in chosen
            )
            yield Recommendation(identifier, matches)

    def _match(self, you: Side, column: int, pick: int, scores: PairScores) -> Match:
        facts = PairFacts(
            type_ab=float(scores.type_ab[pick]),
            type_ba=float(scores.type_ba[pick]),
            sector=int(scores.sector[pick]),
            targets_ab=bool(scores.targets_ab[pick]),
            targets_ba=bool(scores.targets_ba[pick]),
            shared_language=bool(scores.shared_language[pick]),
        )
        they = Side(self.profiles[column], self.analyses[column])
        reasons = explain(you, they, facts)
        return Match(
            they.profile.id,
            round(float(scores.score[pick]), 4),
            tuple(english(reason) for reason in reasons),
            reasons,
        )
