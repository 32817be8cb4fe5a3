"""`smex import` as CONTRACTS.md section 1 states it: exit 0 or 2, one line per problem, all rows or none."""

import pytest
from django.core.management import call_command

from smexchange.imports.models import ImportRun
from tests.factories.events import EventFactory
from tests.imports.conftest import census, csv_bytes, runs, xlsx_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _smex_import(capsys, *args: str) -> tuple[int, str, str]:
    try:
        call_command("import", *args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_command_writes_every_row_and_says_what_it_did(tmp_path, capsys):
    path = tmp_path / "orgs.xlsx"
    path.write_bytes(
        xlsx_bytes([["Name", "Country", "Notes"], ["Acme", "GB", "x"], ["宁海文具", "中国", ""]])
    )

    code, out, err = _smex_import(capsys, "organizations", str(path))

    run = ImportRun.objects.get()
    assert (code, err) == (0, "")
    assert (
        out
        == f"{path}: 2 rows, imported 2 new organizations, 0 already there; ignored columns: Notes (import #{run.pk})\n"
    )
    assert census()["organizations"] == 2
    assert (run.kind, run.status, run.source, run.rows, run.created, run.file_format) == (
        "organizations",
        "imported",
        "command",
        2,
        2,
        "xlsx",
    )


def test_import_command_exits_2_with_a_line_per_problem_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes([["name", "country"], ["Acme", "GB"], ["Bad", "XX"], ["", "CN"]]))

    code, out, err = _smex_import(capsys, "organizations", str(path))

    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"smex import: {path}: line 3, column “country” (Bad): “XX” is not an ISO 3166-1 country code (e.g. CN, US, BR) or a country name.",
        f"smex import: {path}: line 4, column “name”: This column must not be empty.",
        f"smex import: {path}: 2 problem(s) in 3 row(s); nothing imported",
    ]
    assert census()["organizations"] == 0
    assert runs() == [("organizations", "rejected")]


def test_import_command_dry_run_checks_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes([["name", "country"], ["Acme", "GB"]]))

    code, out, _err = _smex_import(capsys, "organizations", str(path), "--dry-run")

    assert (code, census()["organizations"]) == (0, 0)
    assert "would import 1 new organizations" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("meetings", "{path}"),
            "{path}: “meetings” is not a kind of import (use one of: organizations, people, profiles, registrations).",
        ),
        (
            ("registrations", "{path}"),
            "{path}: Registrations are imported into an event: name it (--event SLUG).",
        ),
        (("registrations", "{path}", "--event", "nope"), "{path}: no event with the slug “nope”"),
        (("organizations", "{missing}"), "{missing}: cannot read the file (No such file or directory)"),
        (("organizations", "{path}", "--encoding", "klingon"), "{path}: “klingon” is not an encoding name."),
    ],
)
def test_import_command_bad_arguments_exit_2_without_traceback(tmp_path, capsys, args, message):
    path = tmp_path / "file.csv"
    path.write_bytes(csv_bytes([["name", "country"], ["Acme", "GB"]]))
    missing = tmp_path / "missing.csv"
    filled = [arg.format(path=path, missing=missing) for arg in args]

    code, out, err = _smex_import(capsys, *filled)

    assert (code, out) == (2, "")
    assert err.splitlines()[0] == "smex import: " + message.format(path=path, missing=missing)


def test_import_command_registrations_into_an_event_with_a_gbk_file(tmp_path, capsys):
    event = EventFactory(slug="expo")
    path = tmp_path / "reg.csv"
    path.write_bytes(
        csv_bytes(
            [["公司名称", "国家", "名", "姓", "参会身份"], ["宁海文具", "CN", "Wei", "Zhang", "企业家"]],
            encoding="gb18030",
        )
    )

    code, _out, err = _smex_import(
        capsys, "registrations", str(path), "--event", "expo", "--encoding", "gb18030"
    )

    assert (code, err) == (0, "")
    assert list(event.registrations.values_list("person__organization__name", "role")) == [
        ("宁海文具", "entrepreneur")
    ]


KILLED_IMPORT = """
import sys, time
import django
django.setup()
from django.core.management import call_command
from smexchange.directory.models import Organization

real = Organization.sectors.through.objects.bulk_create

def stall(*args, **kwargs):
    real(*args, **kwargs)
    print("half-way", flush=True)  # the organizations and their sectors are written, not committed
    time.sleep(600)

Organization.sectors.through.objects.bulk_create = stall
call_command("import", "organizations", sys.argv[-1])
"""


def test_import_process_killed_half_way_leaves_nothing_behind(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    smex = str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "smex")
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    env.update(DJANGO_SETTINGS_MODULE="smexchange.settings", SMEX_DATA_DIR=str(tmp_path / "site"))
    path = tmp_path / "orgs.csv"
    path.write_bytes(
        csv_bytes([["name", "country", "sectors"], *[[f"Company {n}", "CN", "C32"] for n in range(200)]])
    )
    subprocess.run([smex, "migrate", "-v0"], env=env, check=True, capture_output=True)
    count = "from smexchange.directory.models import Organization as O; from smexchange.imports.models import ImportRun as R; print(O.objects.count(), O.sectors.through.objects.count(), R.objects.count())"

    with subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as worker:
        try:
            assert worker.stdout.readline() == "half-way\n"
        finally:
            worker.kill()  # SIGKILL mid-transaction: no handler runs
            worker.wait(timeout=30)
    after_kill = subprocess.run(
        [smex, "shell", "-c", count], env=env, check=True, capture_output=True, text=True
    ).stdout.splitlines()[-1]
    subprocess.run([smex, "import", "organizations", str(path)], env=env, check=True, capture_output=True)
    after_retry = subprocess.run(
        [smex, "shell", "-c", count], env=env, check=True, capture_output=True, text=True
    ).stdout.splitlines()[-1]

    assert (worker.returncode, after_kill, after_retry) == (-9, "0 0 0", "200 200 1")
