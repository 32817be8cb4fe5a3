"""Text to language-free features: concepts from the term lists, plus content words.

A text becomes a bag of features:
- `c:<concept>`: a product or sector concept (terms_sectors), the same in every language;
- `k:<type>`: a cooperation-type word (terms_cooperation), weak evidence;
- `w:<word>`: any other content word (Latin words singularized, Chinese words from jieba).

Chinese runs are segmented with jieba, using a private tokenizer that knows
every Chinese term of the lists, so "分销商" or "办公家具" come out whole.
Latin runs are case- and accent-folded and matched longest term first.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from smexchange.matching.terms_cooperation import (
    COOPERATION_TERMS,
    STOP_WORDS_CHINESE,
    STOP_WORDS_LATIN,
)
from smexchange.matching.terms_sectors import SECTOR_CONCEPTS

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN_TOKEN = re.compile(r"[a-z0-9&]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_jieba_lock = threading.Lock()


def fold(text: str) -> str:
    """Lower case without accents: 'Möbel' -> 'mobel', 'Straße' -> 'strasse'."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def singular(token: str) -> str:
    """A crude singular that is applied alike to terms and texts, so only consistency matters."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def latin_tokens(text: str) -> list[str]:
    return [singular(token) for token in _LATIN_TOKEN.findall(fold(text))]


def _term_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(Latin phrase -> feature, Chinese term -> feature, concept -> ISIC division)."""
    latin: dict[str, str] = {}
    chinese: dict[str, str] = {}
    divisions: dict[str, str] = {}
    rows = [(f"c:{concept}", division, en, zh, other) for concept, division, en, zh, other in SECTOR_CONCEPTS]
    rows += [(f"k:{kind}", "", en, zh, other) for kind, en, zh, other in COOPERATION_TERMS]
    for feature, division, english, chinese_terms, others in rows:
        if division:
            divisions[feature] = division
        for term in f"{english}|{others}".split("|"):
            phrase = " ".join(latin_tokens(term))
            if phrase:
                latin.setdefault(phrase, feature)
        for term in chinese_terms.split("|"):
            if _CJK_RUN.fullmatch(term):
                chinese.setdefault(term, feature)
            else:
                latin.setdefault(" ".join(latin_tokens(term)), feature)
    return latin, chinese, divisions


LATIN_TERMS, CHINESE_TERMS, CONCEPT_DIVISIONS = _term_tables()
# Longest phrase (in words) that starts with a given word: most words start none, so the
# longest-match loop below looks up one word instead of four joined n-grams.
_PHRASE_WIDTH: dict[str, int] = {}
for _phrase in LATIN_TERMS:
    _first, *_rest = _phrase.split(" ")
    _PHRASE_WIDTH[_first] = max(_PHRASE_WIDTH.get(_first, 1), 1 + len(_rest))
_STOP_LATIN = frozenset(singular(fold(word)) for word in STOP_WORDS_LATIN)
# Single-word terms that may open or close a German-style compound ("Eichenholz", "Möbelhersteller").
_COMPOUND_PARTS = {
    phrase: feature for phrase, feature in LATIN_TERMS.items() if " " not in phrase and len(phrase) >= 4
}


@lru_cache(maxsize=1)
def _jieba() -> Any:
    """A private jieba tokenizer, initialized once, quietly, with our Chinese terms added."""
    import jieba  # heavy (a 1-2 s dictionary load): imported only when Chinese text appears

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in sorted(CHINESE_TERMS):
        tokenizer.add_word(term, freq=200000)
    return tokenizer


@lru_cache(maxsize=200_000)
def chinese_words(run: str) -> tuple[str, ...]:
    """jieba's words for one run of Chinese characters (cached: profiles repeat phrases)."""
    with _jieba_lock:
        return tuple(_jieba().lcut(run, HMM=False))


def _latin_features(text: str, bag: Counter[str]) -> None:
    tokens = latin_tokens(text)
    position = 0
    while position < len(tokens):
        widest = min(_PHRASE_WIDTH.get(tokens[position], 1), len(tokens) - position)
        for width in range(widest, 0, -1):
            feature = LATIN_TERMS.get(" ".join(tokens[position : position + width]))
            if feature:
                bag[feature] += 1
                position += width
                break
        else:
            token = tokens[position]
            if len(token) > 2 and token not in _STOP_LATIN and not token.isdigit():
                bag.update(_compound_features(token) or [f"w:{token}"])
            position += 1


def _compound_features(token: str) -> list[str]:
    """Concepts of a long word that starts and/or ends with a term; German glues nouns together."""
    if len(token) < 8:
        return []
    found = []
    prefixes = (token[:cut] for cut in range(len(token) - 3, 3, -1))
    suffixes = (token[len(token) - cut :] for cut in range(len(token) - 3, 3, -1))
    for parts in (prefixes, suffixes):
        feature = next((_COMPOUND_PARTS[part] for part in parts if part in _COMPOUND_PARTS), None)
        if feature:
            found.append(feature)
    return found


def _chinese_features(run: str, bag: Counter[str]) -> None:
    for word in chinese_words(run):
        feature = CHINESE_TERMS.get(word)
        if feature:
            bag[feature] += 1
        elif len(word) > 1 and word not in STOP_WORDS_CHINESE:
            bag[f"w:{word}"] += 1


def text_features(text: str) -> Counter[str]:
    """The bag of features of one text in any language; empty for an empty text."""
    bag: Counter[str] = Counter()
    if not text:
        return bag
    position = 0
    for run in _CJK_RUN.finditer(text):
        _latin_features(text[position : run.start()], bag)
        _chinese_features(run.group(), bag)
        position = run.end()
    _latin_features(text[position:], bag)
    return bag


def concept_divisions(features: Counter[str]) -> set[str]:
    """The ISIC divisions that a text's concepts point to."""
    return {CONCEPT_DIVISIONS[feature] for feature in features if feature in CONCEPT_DIVISIONS}
