import json

import pytest

from smexchange.matching.io import ProfileError, read_profiles, write_recommendations
from smexchange.matching.types import CooperationItem, Match, Profile, Recommendation

pytestmark = pytest.mark.unit

GOOD = {
    "id": "o0001",
    "name": "Ninghai Stationery Co.",
    "kind": "sme",
    "country": "CN",
    "city": "Ninghai",
    "size": "small",
    "languages": ["zh", "en"],
    "sectors": ["C32"],
    "description": "文具",
    "offers": [{"type": "subcontracting", "text": "OEM"}],
    "seeks": [{"type": "distribution", "text": ""}],
    "target_countries": ["US", "DE"],
}


def test_read_profiles_contract_example_reads_every_field(write_lines):
    path = write_lines([GOOD])

    assert read_profiles(path) == [
        Profile(
            id="o0001",
            name="Ninghai Stationery Co.",
            kind="sme",
            country="CN",
            city="Ninghai",
            size="small",
            languages=("zh", "en"),
            sectors=("C32",),
            description="文具",
            offers=(CooperationItem("subcontracting", "OEM"),),
            seeks=(CooperationItem("distribution", ""),),
            target_countries=("US", "DE"),
        )
    ]


def test_read_profiles_minimal_profile_gets_defaults(write_lines):
    path = write_lines([{"id": "x"}, "", {"id": "y", "offers": [], "seeks": [], "description": ""}])

    assert read_profiles(path) == [Profile(id="x"), Profile(id="y")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "{not json",
            "line 1: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        ),
        ("[1, 2]", "line 1: expected a JSON object, got list"),
        ({"name": "no id"}, "line 1: 'id' must be a non-empty string"),
        (
            {"id": "a", "offers": [{"type": "barter"}]},
            "line 1 (id 'a'): unknown cooperation type 'barter' in 'offers' item 1",
        ),
        (
            {"id": "a", "sectors": ["C99"]},
            "line 1 (id 'a'): unknown sector code 'C99' (expected ISIC Rev. 4, e.g. 'C32')",
        ),
        (
            {"id": "a", "country": "XX"},
            "line 1 (id 'a'): unknown country code 'XX' in 'country' (expected ISO 3166-1 alpha-2)",
        ),
        (
            {"id": "a", "target_countries": ["CN", "ZZ"]},
            "line 1 (id 'a'): unknown country code 'ZZ' in 'target_countries' (expected ISO 3166-1 alpha-2)",
        ),
        (
            {"id": "a", "languages": ["chinese"]},
            "line 1 (id 'a'): unknown language code 'chinese' in 'languages' (expected ISO 639-1)",
        ),
        ({"id": "a", "sectors": "C32"}, "line 1 (id 'a'): 'sectors' must be a list of strings"),
        ({"id": "a", "description": 5}, "line 1 (id 'a'): 'description' must be a string, not int"),
        ({"id": "a", "seeks": [{"text": "x"}]}, "line 1 (id 'a'): 'seeks' item 1 needs a 'type' string"),
        (
            {"id": "a", "kind": "bank"},
            "line 1 (id 'a'): unknown kind 'bank' (expected one of sme, association, government, "
            "consulate, financial, media, research, other)",
        ),
    ],
)
def test_read_profiles_bad_line_raises_one_line_error(write_lines, line, message):
    path = write_lines([line])

    with pytest.raises(ProfileError) as caught:
        read_profiles(path)

    assert str(caught.value) == message


def test_read_profiles_duplicate_id_names_both_lines(write_lines):
    path = write_lines([{"id": "a"}, {"id": "b"}, {"id": "a"}])

    with pytest.raises(ProfileError) as caught:
        read_profiles(path)

    assert str(caught.value) == "line 3 (id 'a'): duplicate id, first seen on line 1"


def test_read_profiles_counts_blank_lines(write_lines):
    path = write_lines([{"id": "a"}, "", {"id": "b", "country": "XX"}])

    with pytest.raises(ProfileError) as caught:
        read_profiles(path)

    assert caught.value.line == 3


def test_write_recommendations_writes_contract_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    recommendations = [Recommendation("a", (Match("b", 0.5, ("they target CN",)),)), Recommendation("b", ())]

    write_recommendations(recommendations, path)

    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"id": "a", "matches": [{"id": "b", "score": 0.5, "reasons": ["they target CN"]}]},
        {"id": "b", "matches": []},
    ]
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["out.jsonl"]
