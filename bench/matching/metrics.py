"""Ranking metrics over judged pairs: recall@k, MRR, nDCG@10, and how often traps reach the top 5."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any


def evaluate(
    ranked: dict[str, list[str]], judgements: list[dict[str, Any]], cross: set[tuple[str, str]] | None = None
) -> dict[str, float]:
    """Metrics of `ranked` (query id -> partner ids, best first) against graded judgements.

    With `cross`, only the positive pairs in it count (cross-language pairs).
    """
    positives = [
        item
        for item in judgements
        if item["grade"] > 0 and (cross is None or (item["query"], item["target"]) in cross)
    ]
    traps = [item for item in judgements if item["grade"] == 0]
    by_query: dict[str, dict[str, int]] = defaultdict(dict)
    for item in positives:
        by_query[item["query"]][item["target"]] = item["grade"]

    def rank(query: str, target: str) -> int | None:
        row = ranked.get(query, [])
        return row.index(target) + 1 if target in row else None

    def recall(k: int) -> float:
        hits = [rank(item["query"], item["target"]) for item in positives]
        return sum(1 for value in hits if value is not None and value <= k) / max(1, len(hits))

    reciprocal, gains = [], []
    for query, targets in by_query.items():
        row = ranked.get(query, [])
        first = next((position for position, partner in enumerate(row, start=1) if partner in targets), None)
        reciprocal.append(1.0 / first if first else 0.0)
        dcg = sum(
            (2 ** targets.get(partner, 0) - 1) / math.log2(position + 1)
            for position, partner in enumerate(row[:10], start=1)
        )
        ideal = sum(
            (2**grade - 1) / math.log2(position + 1)
            for position, grade in enumerate(sorted(targets.values(), reverse=True)[:10], start=1)
        )
        gains.append(dcg / ideal if ideal else 0.0)
    trap_hits = [rank(item["query"], item["target"]) for item in traps]
    return {
        "pairs": float(len(positives)),
        "recall@5": recall(5),
        "recall@10": recall(10),
        "mrr": sum(reciprocal) / max(1, len(reciprocal)),
        "ndcg@10": sum(gains) / max(1, len(gains)),
        "traps@5": sum(1 for value in trap_hits if value is not None and value <= 5) / max(1, len(trap_hits)),
    }


def cross_language(profiles: list[dict[str, Any]], judgements: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """Pairs whose two profiles write in different first languages."""
    first = {profile["id"]: (profile.get("languages") or [""])[0] for profile in profiles}
    return {
        (item["query"], item["target"])
        for item in judgements
        if first[item["query"]] != first[item["target"]]
    }
