"""The two baselines of the benchmark, and a command to time the TF-IDF one as a whole run.

- TF-IDF cosine on all of a profile's text (Chinese segmented by jieba, other
  languages by words), top K by cosine, all pairs in blocks.
- Same sector + complementary type: partners that share an ISIC division and
  whose offer type complements the other's sought type (either way) first,
  then complementary types alone, then same sector; ties by input order.

Usage: python -m bench.matching.baselines tfidf IN.jsonl K OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from smexchange.matching.candidates import _top_per_row
from smexchange.matching.text import _CJK_RUN, chinese_words, latin_tokens
from smexchange.vocab.cooperation import complements


def _all_text(profile: dict[str, Any]) -> str:
    items = [item["text"] for item in profile.get("offers", []) + profile.get("seeks", [])]
    return " ".join([profile.get("description", ""), *items])


def _tokens(text: str) -> list[str]:
    words: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        words += latin_tokens(text[position : run.start()])
        words += [word for word in chinese_words(run.group()) if len(word) > 1]
        position = run.end()
    return words + latin_tokens(text[position:])


def tfidf_top(profiles: list[dict[str, Any]], top_k: int, block: int = 2000) -> list[list[int]]:
    vectorizer = TfidfVectorizer(tokenizer=_tokens, lowercase=False, token_pattern=None, sublinear_tf=True)
    matrix = vectorizer.fit_transform([_all_text(profile) for profile in profiles]).tocsr()
    transposed = matrix.T.tocsr()
    result: list[list[int]] = []
    for start in range(0, matrix.shape[0], block):
        stop = min(matrix.shape[0], start + block)
        scores = (matrix[start:stop] @ transposed).tocsr()
        rows = np.repeat(np.arange(stop - start), np.diff(scores.indptr))
        scores.data[scores.indices == rows + start] = 0.0
        scores.eliminate_zeros()
        scores.sort_indices()
        picked_rows, picked_columns = _top_per_row(scores, top_k)
        values = np.asarray(scores[picked_rows, picked_columns]).ravel()
        order = np.lexsort((picked_columns, -values, picked_rows))
        grouped: list[list[int]] = [[] for _ in range(stop - start)]
        for index in order:
            grouped[int(picked_rows[index])].append(int(picked_columns[index]))
        result += grouped
    return result


def sector_type_top(profiles: list[dict[str, Any]], top_k: int) -> list[list[int]]:
    sectors = [set(profile.get("sectors", [])) for profile in profiles]
    offers = [{item["type"] for item in profile.get("offers", [])} for profile in profiles]
    seeks = [{item["type"] for item in profile.get("seeks", [])} for profile in profiles]
    result = []
    for a in range(len(profiles)):
        ranked = []
        for b in range(len(profiles)):
            if a == b:
                continue
            fits = any(complements(o, s) for o in offers[b] for s in seeks[a]) or any(
                complements(o, s) for o in offers[a] for s in seeks[b]
            )
            same = bool(sectors[a] & sectors[b])
            value = 2 * int(fits) + int(same) + int(fits and same)
            if value:
                ranked.append((-value, b))
        result.append([b for _, b in sorted(ranked)[:top_k]])
    return result


def main(argv: list[str]) -> int:
    _, source, top_k, target = argv
    with open(source, encoding="utf-8") as handle:
        profiles = [json.loads(line) for line in handle if line.strip()]
    ranked = tfidf_top(profiles, int(top_k))
    with open(target, "w", encoding="utf-8") as handle:
        for profile, row in zip(profiles, ranked, strict=True):
            handle.write(
                json.dumps({"id": profile["id"], "matches": [{"id": profiles[b]["id"]} for b in row]}) + "\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
