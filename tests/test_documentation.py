"""The README keeps its promises: every configuration variable documented, the set-up commands present."""

from pathlib import Path

import pytest

from smexchange.config import VARIABLES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]


def test_readme_documents_every_configuration_variable():
    readme = (ROOT / "README.md").read_text()

    assert [variable.name for variable in VARIABLES if f"| `{variable.name}` |" not in readme] == []


def test_readme_gives_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text()

    assert ".venv/bin/pip install -e . && .venv/bin/smex demo" in readme
    assert "\ntools/test\n" in readme


def test_ci_runs_the_readme_test_command_on_sqlite_and_postgres():
    ci = (ROOT / ".ci" / "run").read_text()

    assert "\ntools/test\n" in ci
    assert "DATABASE_URL=postgres://postgres@127.0.0.1:5432/smex tools/test" in ci
