import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.unit

VALID = {
    "id": "a",
    "country": "CN",
    "sectors": ["C32"],
    "offers": [{"type": "supplier", "text": "notebooks"}],
}


def run_match(profiles, out, top=5):
    call_command("match", "--profiles", str(profiles), "--top", str(top), "--out", str(out))


def test_match_command_writes_one_line_per_profile(write_lines, tmp_path):
    buyer = {"id": "b", "country": "US", "seeks": [{"type": "supplier", "text": "笔记本"}]}
    profiles = write_lines([VALID, buyer])
    out = tmp_path / "out.jsonl"

    run_match(profiles, out)

    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(line["id"], [match["id"] for match in line["matches"]]) for line in lines] == [
        ("a", ["b"]),
        ("b", ["a"]),
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{broken", "line 2: malformed JSON (Expecting property name enclosed in double quotes at column 2)"),
        (
            {"id": "x", "seeks": [{"type": "barter"}]},
            "line 2 (id 'x'): unknown cooperation type 'barter' in 'seeks' item 1",
        ),
        (
            {"id": "x", "sectors": ["Z01"]},
            "line 2 (id 'x'): unknown sector code 'Z01' (expected ISIC Rev. 4, e.g. 'C32')",
        ),
        (
            {"id": "x", "country": "XX"},
            "line 2 (id 'x'): unknown country code 'XX' in 'country' (expected ISO 3166-1 alpha-2)",
        ),
        (
            {"id": "x", "languages": ["xx"]},
            "line 2 (id 'x'): unknown language code 'xx' in 'languages' (expected ISO 639-1)",
        ),
        ({"id": "a"}, "line 2 (id 'a'): duplicate id, first seen on line 1"),
        (
            {"id": "x", "offers": "supplier"},
            "line 2 (id 'x'): 'offers' must be a list of {type, text} objects",
        ),
    ],
)
def test_match_command_bad_input_exits_2_with_one_line(write_lines, tmp_path, capsys, line, problem):
    profiles = write_lines([VALID, line])
    out = tmp_path / "out.jsonl"

    with pytest.raises(SystemExit) as exited:
        run_match(profiles, out)

    assert exited.value.code == 2
    assert capsys.readouterr().err == f"{profiles}: {problem}\n"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["profiles.jsonl"]


def test_match_command_bad_input_leaves_old_output_untouched(write_lines, tmp_path):
    profiles = write_lines([VALID, "{broken"])
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")

    with pytest.raises(SystemExit):
        run_match(profiles, out)

    assert out.read_text(encoding="utf-8") == "old\n"


def test_match_command_missing_file_exits_2(tmp_path, capsys):
    missing = tmp_path / "missing.jsonl"

    with pytest.raises(SystemExit) as exited:
        run_match(missing, tmp_path / "out.jsonl")

    assert (exited.value.code, capsys.readouterr().err) == (
        2,
        f"{missing}: cannot read (No such file or directory)\n",
    )


def test_match_command_empty_texts_are_valid(write_lines, tmp_path):
    profiles = write_lines(
        [{"id": "a", "offers": [{"type": "supplier", "text": ""}]}, {"id": "b", "description": ""}]
    )
    out = tmp_path / "out.jsonl"

    run_match(profiles, out)

    assert out.read_text(encoding="utf-8").splitlines() == [
        '{"id": "a", "matches": []}',
        '{"id": "b", "matches": []}',
    ]
