"""The gold set as contract profiles and judged pairs, written to bench/data/ by `write_gold()`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.matching.gold_scenes import SCENES as FIRST_SCENES
from bench.matching.gold_scenes_more import SCENES_MORE
from bench.matching.synthetic import generate

# The first 18 scenes (2026-11) and the 23 added to reach about two hundred profiles.
SCENES = FIRST_SCENES + SCENES_MORE

DATA = Path(__file__).resolve().parents[1] / "data"
# Seeded distractors from the synthetic generator, kept beside the 207
# hand-written profiles so that partners must be found among about three hundred.
DISTRACTORS = 110


def _profile(row: tuple[Any, ...]) -> dict[str, Any]:
    identifier, country, languages, sectors, kind, size, description, offers, seeks, targets = row
    return {
        "id": identifier,
        "name": f"gold {identifier}",
        "kind": kind,
        "country": country,
        "city": "",
        "size": size,
        "languages": languages.split(),
        "sectors": sectors.split(),
        "description": description,
        "offers": [{"type": kind_, "text": text} for kind_, text in offers],
        "seeks": [{"type": kind_, "text": text} for kind_, text in seeks],
        "target_countries": targets.split(),
    }


def gold_profiles() -> list[dict[str, Any]]:
    profiles = [_profile(row) for scene in SCENES for row in scene["rows"]]
    for position, extra in enumerate(generate(DISTRACTORS, seed=42, pair_share=0.0).profiles):
        profiles.append({**extra, "id": f"d{position:03d}"})
    return profiles


def gold_judgements() -> list[dict[str, Any]]:
    """One record per judged directed pair: query, target, grade (2, 1, or 0 for a trap)."""
    records = []
    for scene in SCENES:
        records += [
            {"query": a, "target": b, "grade": grade, "scene": scene["name"]}
            for a, b, grade in scene["pairs"]
        ]
        records += [{"query": a, "target": b, "grade": 0, "scene": scene["name"]} for a, b in scene["traps"]]
    return records


def write_gold() -> tuple[Path, Path]:
    DATA.mkdir(exist_ok=True)
    profiles_path, pairs_path = DATA / "matching_gold.jsonl", DATA / "matching_gold_pairs.jsonl"
    for path, records in ((profiles_path, gold_profiles()), (pairs_path, gold_judgements())):
        path.write_text(
            "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in records), encoding="utf-8"
        )
    return profiles_path, pairs_path
