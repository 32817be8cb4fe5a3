"""`smex bench matching [--quick]`: quality against two baselines, and speed as whole commands.

Quality: the hand-written gold set (bench/data/matching_gold*.jsonl, from
gold_scenes*.py) and a seeded synthetic world with planted pairs. Speed: `smex
match` on 10,000 and 100,000 synthetic profiles (2,000 and 10,000 with
--quick), the TF-IDF baseline as a command on the same files, and one
profile's recommendations against the largest index. Prints the table and
writes it into the matching section of BENCHMARKS.md.
"""

from __future__ import annotations

import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._report import machine, write_section
from bench.matching.baselines import sector_type_top, tfidf_top
from bench.matching.gold import gold_judgements, gold_profiles, write_gold
from bench.matching.metrics import cross_language, evaluate
from bench.matching.synthetic import generate
from smexchange.matching import PartnerIndex
from smexchange.matching.embeddings import embedder_from_environment
from smexchange.matching.io import profile_from_dict, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
METRICS = ("recall@5", "recall@10", "mrr", "ndcg@10", "traps@5")
NOTES = """
Targets (issue 4): 10,000 profiles within 10 s; 100,000 within 90 s and under 4 GB; one profile
against a 100,000 index within 100 ms. Other engineers' builds and benchmarks shared the two cores
while this ran (load average 2-4), so wall times are under load. The gold set was written by the
same person as the engine's term lists, which flatters the engine on it; the synthetic product
words were written separately. Almost every gold pair is cross-language by design."""

# Run as `-c` rather than `-m bench.matching.baselines`: the package imports that module first.
_TFIDF_COMMAND = "import sys; from bench.matching.baselines import main; sys.exit(main(sys.argv[1:]))"


def _rankings(profiles: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    ids = [profile["id"] for profile in profiles]
    engine_profiles = [profile_from_dict(profile) for profile in profiles]
    engine = PartnerIndex(engine_profiles).recommend_all(top_k=10)
    rankings = {
        "engine": {item.id: [match.id for match in item.matches] for item in engine},
        "tf-idf": {ids[a]: [ids[b] for b in row] for a, row in enumerate(tfidf_top(profiles, 10))},
        "sector+type": {ids[a]: [ids[b] for b in row] for a, row in enumerate(sector_type_top(profiles, 10))},
    }
    embedder = embedder_from_environment()  # SMEX_EMBEDDING_MODEL: the optional model, when installed
    if embedder is not None:
        with_model = PartnerIndex(engine_profiles, embedder=embedder).recommend_all(top_k=10)
        rankings["engine+model"] = {item.id: [match.id for match in item.matches] for item in with_model}
    return rankings


def _quality(name: str, profiles: list[dict[str, Any]], judgements: list[dict[str, Any]]) -> list[str]:
    cross = cross_language(profiles, judgements)
    lines = []
    for method, ranked in _rankings(profiles).items():
        for scope, subset in (("all", None), ("cross-language", cross)):
            values = evaluate(ranked, judgements, subset)
            cells = " | ".join(f"{values[key]:.3f}" for key in METRICS)
            lines.append(f"| {name} | {method} | {scope} ({int(values['pairs'])} pairs) | {cells} |")
    return lines


def _synthetic_judgements(size: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    world = generate(size, seed=7)
    twin_of = dict(world.twins)
    offerer_of = dict(world.pairs)
    judgements = [{"query": a, "target": b, "grade": 2} for a, b in world.pairs]
    judgements += [{"query": b, "target": a, "grade": 2} for a, b in world.pairs]
    judgements += [
        {"query": twin, "target": offerer_of[seeker], "grade": 1} for seeker, twin in twin_of.items()
    ]
    judgements += [{"query": seeker, "target": twin, "grade": 0} for seeker, twin in twin_of.items()]
    return world.profiles, judgements


def _timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak memory (GB) and exit status of a child command."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024 / 1024, os.waitstatus_to_exitcode(status)


def _speed(sizes: list[int], folder: Path) -> list[str]:
    world = generate(max(sizes), seed=11)
    smex = str(Path(sys.executable).with_name("smex"))
    lines = []
    for size in sizes:
        source = folder / f"profiles-{size}.jsonl"
        write_jsonl(world.profiles[:size], source)
        engine = _timed(
            [smex, "match", "--profiles", str(source), "--top", "10", "--out", str(folder / "out.jsonl")]
        )
        tfidf = _timed(
            [
                sys.executable,
                "-c",
                _TFIDF_COMMAND,
                "tfidf",
                str(source),
                "10",
                str(folder / "t.jsonl"),
            ]
        )
        lines.append(
            f"| smex match, {size:,} profiles, top 10 | {engine[0]:.1f} s | {engine[1]:.2f} GB | exit {engine[2]} |"
        )
        lines.append(
            f"| TF-IDF baseline, {size:,} profiles, top 10 | {tfidf[0]:.1f} s | {tfidf[1]:.2f} GB | exit {tfidf[2]} |"
        )
    profiles = [profile_from_dict(profile) for profile in world.profiles]
    started = time.perf_counter()
    index = PartnerIndex(profiles)
    built = time.perf_counter() - started
    times = []
    for profile in profiles[:: max(1, len(profiles) // 200)][:200]:
        begin = time.perf_counter()
        index.recommend(profile, top_k=10)
        times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    lines.append(
        f"| one profile vs {len(profiles):,} index (index built in {built:.1f} s) | median {statistics.median(times):.1f} ms, p95 {times[int(0.95 * len(times)) - 1]:.1f} ms | | |"
    )
    return lines


def run(argv: list[str]) -> int:
    """Run the matching benchmark; `--quick` uses smaller worlds, `--quality-only` skips timings. Returns 0."""
    quick = "--quick" in argv
    write_gold()
    if "--quality-only" in argv:  # prints the quality table, skips timings, writes nothing
        print("\n".join(_quality("gold", gold_profiles(), gold_judgements())))
        synthetic_profiles, synthetic_judgements = _synthetic_judgements(1000 if quick else 3000)
        print(
            "\n".join(
                _quality(f"synthetic {len(synthetic_profiles):,}", synthetic_profiles, synthetic_judgements)
            )
        )
        return 0
    header = "| set | method | pairs | " + " | ".join(METRICS) + " |\n|---|---|---|" + "---|" * len(METRICS)
    quality = _quality("gold", gold_profiles(), gold_judgements())
    synthetic_profiles, synthetic_judgements = _synthetic_judgements(1000 if quick else 3000)
    quality += _quality(f"synthetic {len(synthetic_profiles):,}", synthetic_profiles, synthetic_judgements)
    with tempfile.TemporaryDirectory() as folder:
        speed = _speed([2000, 10000] if quick else [10000, 100000], Path(folder))
    text = "\n".join(
        [
            "## Matching (`smex bench matching" + (" --quick" if quick else "") + "`)",
            "",
            f"Machine: {machine()}, load average at start {os.getloadavg()[0]:.1f}, {datetime.date.today().isoformat()}.",
            "",
            "Quality (higher is better, except traps@5: the share of judged lookalike traps in the top 5):",
            "",
            header,
            *quality,
            "",
            "Speed (whole commands, wall time and peak resident memory of the process):",
            "",
            "| run | time | memory | status |\n|---|---|---|---|",
            *speed,
            NOTES,
        ]
    )
    print(text)
    write_section("matching", text)
    return 0
