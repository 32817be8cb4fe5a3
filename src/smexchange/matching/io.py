"""JSON Lines in and out, per CONTRACTS.md section 3.

Reading validates every field against the shared vocabularies and stops at the
first bad line with a `ProfileError` whose message is one line naming the line,
the id where known, and the problem. Writing is atomic: a temporary file in the
target folder, renamed over the target only when complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from smexchange.matching.types import CooperationItem, Match, Profile, Recommendation
from smexchange.vocab.cooperation import is_cooperation_type
from smexchange.vocab.countries import is_country
from smexchange.vocab.isic import normalize_sector
from smexchange.vocab.languages import is_language
from smexchange.vocab.organizations import ORGANIZATION_KINDS, ORGANIZATION_SIZES


class ProfileError(ValueError):
    """A profile line that breaks the contract; `str()` is one line fit for stderr."""

    def __init__(self, line: int, problem: str, profile_id: str | None = None) -> None:
        self.line = line
        self.problem = problem
        self.profile_id = profile_id
        where = f"line {line}" + (f" (id {profile_id!r})" if profile_id else "")
        super().__init__(f"{where}: {problem}")


class _InvalidFieldError(Exception):
    """A field problem, raised inside one line's parsing and given its line number by the caller."""


def _string(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _InvalidFieldError(f"'{key}' must be a string, not {type(value).__name__}")
    return value


def _string_list(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _InvalidFieldError(f"'{key}' must be a list of strings")
    return [item.strip() for item in value]


def _countries(values: list[str], key: str) -> tuple[str, ...]:
    codes = tuple(value.upper() for value in values)
    for raw, code in zip(values, codes, strict=True):
        if not is_country(code):
            raise _InvalidFieldError(f"unknown country code {raw!r} in '{key}' (expected ISO 3166-1 alpha-2)")
    return tuple(dict.fromkeys(codes))


def _languages(values: list[str]) -> tuple[str, ...]:
    codes = tuple(value.lower() for value in values)
    for raw, code in zip(values, codes, strict=True):
        if not is_language(code):
            raise _InvalidFieldError(f"unknown language code {raw!r} in 'languages' (expected ISO 639-1)")
    return tuple(dict.fromkeys(codes))


def _sectors(values: list[str]) -> tuple[str, ...]:
    codes = []
    for raw in values:
        try:
            codes.append(normalize_sector(raw))
        except KeyError:
            raise _InvalidFieldError(
                f"unknown sector code {raw!r} (expected ISIC Rev. 4, e.g. 'C32')"
            ) from None
    return tuple(dict.fromkeys(codes))


def _items(record: dict[str, Any], key: str) -> tuple[CooperationItem, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _InvalidFieldError(f"'{key}' must be a list of {{type, text}} objects")
    items = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise _InvalidFieldError(f"'{key}' item {position} must be an object with 'type' and 'text'")
        kind = item.get("type")
        if not isinstance(kind, str):
            raise _InvalidFieldError(f"'{key}' item {position} needs a 'type' string")
        if not is_cooperation_type(kind):
            raise _InvalidFieldError(f"unknown cooperation type {kind!r} in '{key}' item {position}")
        items.append(CooperationItem(type=kind, text=_string(item, "text")))
    return tuple(items)


def _choice(record: dict[str, Any], key: str, allowed: Iterable[str], default: str) -> str:
    value = _string(record, key) or default
    if value and value not in allowed:
        raise _InvalidFieldError(f"unknown {key} {value!r} (expected one of {', '.join(allowed)})")
    return value


def profile_from_dict(record: dict[str, Any]) -> Profile:
    """Build a Profile from one decoded JSON object; raises ValueError naming the bad field."""
    identifier = record.get("id")
    if not isinstance(identifier, str) or not identifier.strip():
        raise _InvalidFieldError("'id' must be a non-empty string")
    return Profile(
        id=identifier,
        name=_string(record, "name"),
        kind=_choice(record, "kind", ORGANIZATION_KINDS, "sme"),
        country=_countries([_string(record, "country")], "country")[0] if record.get("country") else "",
        city=_string(record, "city"),
        size=_choice(record, "size", ORGANIZATION_SIZES, ""),
        languages=_languages(_string_list(record, "languages")),
        sectors=_sectors(_string_list(record, "sectors")),
        description=_string(record, "description"),
        offers=_items(record, "offers"),
        seeks=_items(record, "seeks"),
        target_countries=_countries(_string_list(record, "target_countries"), "target_countries"),
    )


def _parse_line(number: int, raw: bytes) -> Profile:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(number, "not valid UTF-8") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProfileError(number, f"malformed JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise ProfileError(number, f"expected a JSON object, got {type(record).__name__}")
    identifier = record.get("id")
    shown = identifier if isinstance(identifier, str) else None
    try:
        return profile_from_dict(record)
    except _InvalidFieldError as error:
        raise ProfileError(number, str(error), shown) from None


def parse_profiles(lines: Iterable[bytes]) -> Iterator[Profile]:
    """Profiles from JSONL lines (bytes, numbered from 1); blank lines are skipped.

    Raises ProfileError at the first bad line, including a repeated id.
    """
    first_line: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        profile = _parse_line(number, raw)
        if profile.id in first_line:
            raise ProfileError(
                number, f"duplicate id, first seen on line {first_line[profile.id]}", profile.id
            )
        first_line[profile.id] = number
        yield profile


def read_profiles(path: str | Path) -> list[Profile]:
    """All profiles of a JSONL file; raises ProfileError (bad line) or OSError (unreadable file)."""
    with open(path, "rb") as handle:
        return list(parse_profiles(handle))


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The contract's JSON object for one profile (the inverse of `profile_from_dict`)."""
    return {
        "id": profile.id,
        "name": profile.name,
        "kind": profile.kind,
        "country": profile.country,
        "city": profile.city,
        "size": profile.size,
        "languages": list(profile.languages),
        "sectors": list(profile.sectors),
        "description": profile.description,
        "offers": [{"type": item.type, "text": item.text} for item in profile.offers],
        "seeks": [{"type": item.type, "text": item.text} for item in profile.seeks],
        "target_countries": list(profile.target_countries),
    }


def recommendation_to_dict(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "id": recommendation.id,
        "matches": [_match_to_dict(match) for match in recommendation.matches],
    }


def _match_to_dict(match: Match) -> dict[str, Any]:
    return {"id": match.id, "score": match.score, "reasons": list(match.reasons)}


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> None:
    """Write JSON objects one per line, atomically: readers see the old file or the whole new one."""
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")))
                handle.write("\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_recommendations(recommendations: Iterable[Recommendation], path: str | Path) -> None:
    """Write recommendations as JSONL (one line per profile), atomically."""
    write_jsonl((recommendation_to_dict(item) for item in recommendations), path)


def write_profiles(profiles: Iterable[Profile], path: str | Path) -> None:
    """Write profiles as JSONL, atomically (used by the benchmark's generators and by tests)."""
    write_jsonl((profile_to_dict(profile) for profile in profiles), path)
