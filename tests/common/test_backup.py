"""TRUST 20: a backup and restore drill. Seed a site, back it up with tools/backup, restore it with
tools/restore into a fresh data folder and database, and pass the smoke tests there: the home page,
an event page, logging in, a session from before the backup, the uploaded files."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SMEX = str(ROOT / ".venv" / "bin" / "smex")

SEED = """
import datetime as dt, json
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from smexchange.events.services import create_event

create_event(slug="drill-expo", name="Drill Expo 2009", kind="expo", starts_on=dt.date(2009, 7, 13),
             ends_on=dt.date(2009, 7, 13), time_zone="Asia/Shanghai", city="Shanghai", country="CN",
             is_published=True)
user = get_user_model().objects.create_user(username="drill", email="drill@example.org", password="drill-password-2009")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
for root, name, data in ((settings.MEDIA_ROOT, "logos/ninghai.png", b"\\x89PNG logo"),
                         (settings.PRIVATE_MEDIA_ROOT, "agreements/2009/jv.pdf", b"%PDF-1.7 agreement")):
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(data)
client = Client()
response = client.post("/accounts/login/", {"login": "drill@example.org", "password": "drill-password-2009"})
print(json.dumps({"login": response.status_code, "session": client.cookies["sessionid"].value}))
"""

SMOKE = """
import json, sys
from django.conf import settings
from django.test import Client

session = sys.argv[-1]
fresh = Client()
home = fresh.get("/")
event = fresh.get("/events/drill-expo/")
login = fresh.post("/accounts/login/", {"login": "drill@example.org", "password": "drill-password-2009"})
kept = Client()
kept.cookies["sessionid"] = session
print(json.dumps({
    "home": home.status_code,
    "event": event.status_code,
    "event_named": "Drill Expo 2009" in event.content.decode(),
    "login": login.status_code,
    "old_session_signed_in": "drill@example.org" in kept.get("/").content.decode(),
    "logo": (settings.MEDIA_ROOT / "logos/ninghai.png").read_bytes().decode("latin-1"),
    "agreement": (settings.PRIVATE_MEDIA_ROOT / "agreements/2009/jv.pdf").read_bytes().decode(),
}))
"""


def _run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, cwd=ROOT, check=False, timeout=600
    )
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    return {**env, "DJANGO_SETTINGS_MODULE": "smexchange.settings", "SMEX_DATA_DIR": str(data_dir), **extra}


def _drill(tmp_path: Path, source: dict[str, str], target: dict[str, str]) -> dict[str, object]:
    archive = tmp_path / "backup" / "site.tar.gz"
    _run([SMEX, "migrate", "-v0"], source)
    seeded = json.loads(_run([SMEX, "shell", "-c", SEED], source).splitlines()[-1])
    assert seeded["login"] == 302

    _run([str(ROOT / "tools" / "backup"), "--out", str(archive)], source)
    restored = _run([str(ROOT / "tools" / "restore"), str(archive)], target)
    smoke = json.loads(
        _run(
            [SMEX, "shell", "-c", SMOKE.replace("sys.argv[-1]", repr(seeded["session"]))], target
        ).splitlines()[-1]
    )

    assert archive.stat().st_mode & 0o777 == 0o600
    assert restored.splitlines()[-1] == "migrations applied"
    return smoke


EXPECTED = {
    "home": 200,
    "event": 200,
    "event_named": True,
    "login": 302,
    "old_session_signed_in": True,
    "logo": "\x89PNG logo",
    "agreement": "%PDF-1.7 agreement",
}


def test_backup_and_restore_drill_on_sqlite(tmp_path):
    smoke = _drill(tmp_path, _env(tmp_path / "site"), _env(tmp_path / "restored"))

    assert smoke == EXPECTED


def test_restore_refuses_a_site_that_has_data_and_a_foreign_file(tmp_path):
    env = _env(tmp_path / "site")
    _run([SMEX, "migrate", "-v0"], env)
    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_bytes(b"hello")

    busy = subprocess.run(
        [str(ROOT / "tools" / "restore"), str(not_a_backup)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    _run([SMEX, "backup", "--out", str(tmp_path / "b.tar.gz")], env)
    full = subprocess.run(
        [str(ROOT / "tools" / "restore"), str(tmp_path / "b.tar.gz")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert (busy.returncode, full.returncode) == (2, 2)
    assert busy.stderr.startswith(f"smex restore: {not_a_backup}: not a backup archive")
    assert full.stderr == "smex restore: the target database is not empty (use --force to replace it)\n"


def _postgres_url(name: str) -> str:
    database = settings.DATABASES["default"]
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return f"postgres://{database['USER']}{password}@{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}/{name}"


@pytest.mark.postgres
def test_backup_and_restore_drill_on_postgres(tmp_path):
    base = str(settings.DATABASES["default"]["NAME"])
    source_db, target_db = f"{base}_drill_source", f"{base}_drill_target"
    admin_url = _postgres_url("postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in (source_db, target_db):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    key = secrets.token_urlsafe(60)
    deployed = {"SECRET_KEY": key, "ALLOWED_HOSTS": "testserver,localhost", "DEBUG": "1"}
    try:
        smoke = _drill(
            tmp_path,
            _env(tmp_path / "site", DATABASE_URL=_postgres_url(source_db), **deployed),
            _env(tmp_path / "restored", DATABASE_URL=_postgres_url(target_db), **deployed),
        )
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            for name in (source_db, target_db):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    assert smoke == EXPECTED
