"""Backing up and restoring a whole site: the database, the uploaded files and the secret key (TRUST 20).

A backup is one `.tar.gz`, readable by its owner only: `manifest.json`, the database
(`database.sqlite3`, a consistent copy taken with SQLite's online backup, or `database.pgdump`,
from `pg_dump --format=custom`), the folders of uploaded files (`media/`, `private/`) and
`secret_key` (the key that signs sessions and password-reset links; without it every session
and link dies with the restore). Keep backups as carefully as the database itself.

A restore goes into an empty database of the same kind (SQLite into SQLite, PostgreSQL into
PostgreSQL) and a data folder without uploads, unless forced; then it runs the migrations, so a
backup of an older release restores under a newer one.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
FILE_FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why."""


def _database() -> dict[str, Any]:
    return settings.DATABASES["default"]


def _vendor() -> str:
    return "sqlite" if "sqlite" in _database()["ENGINE"] else "postgresql"


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    database = _database()
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    args = ["--host", str(database.get("HOST") or "127.0.0.1"), "--port", str(database.get("PORT") or 5432)]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools)") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip().splitlines()[-1:]}")


def _dump_database(folder: Path) -> str:
    if _vendor() == "sqlite":
        target = folder / "database.sqlite3"
        source = sqlite3.connect(str(_database()["NAME"]))
        copy = sqlite3.connect(str(target))
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return target.name
    env, args = _pg_env_and_args()
    target = folder / "database.pgdump"
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args, "--file", str(target),
          str(_database()["NAME"])], env)  # fmt: skip
    return target.name


def _manifest() -> dict[str, Any]:
    applied = MigrationRecorder(connection).applied_migrations()
    latest: dict[str, str] = {}
    for app, name in sorted(applied):
        latest[app] = max(latest.get(app, ""), name)
    return {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": _vendor(),
        "migrations": latest,
    }


def create_backup(out: Path) -> Path:
    """Write a backup of the site to `out` (a .tar.gz, mode 600); returns its path."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="smex-backup-") as scratch:
        folder = Path(scratch)
        database_file = _dump_database(folder)
        manifest = {**_manifest(), "database_file": database_file}
        old_umask = os.umask(0o077)
        try:
            partial = out.with_name(f".{out.name}.partial")
            with tarfile.open(partial, "w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
                _add_bytes(archive, "secret_key", settings.SECRET_KEY.encode())
                archive.add(folder / database_file, arcname=database_file)
                for name, setting in FILE_FOLDERS.items():
                    root = getattr(settings, setting, None)
                    if root and Path(root).is_dir():
                        archive.add(str(root), arcname=name)
            os.replace(partial, out)
        finally:
            os.umask(old_umask)
    out.chmod(0o600)
    return out


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), 0o600
    archive.addfile(info, io.BytesIO(data))


def _target_is_empty() -> bool:
    if _vendor() == "sqlite":
        path = Path(str(_database()["NAME"]))
        if not path.exists():
            return True
    return not connection.introspection.table_names()


def _restore_database(folder: Path, manifest: dict[str, Any], *, force: bool) -> None:
    if manifest.get("database") != _vendor():
        raise BackupError(
            f"the backup holds a {manifest.get('database')} database; this site uses {_vendor()}"
        )
    if not force and not _target_is_empty():
        raise BackupError("the target database is not empty (use --force to replace it)")
    source = folder / manifest["database_file"]
    connection.close()
    if _vendor() == "sqlite":
        target = Path(str(_database()["NAME"]))
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        backup = sqlite3.connect(str(source))
        restored = sqlite3.connect(str(target))
        with restored:
            backup.backup(restored)
        restored.close()
        backup.close()
        return
    env, args = _pg_env_and_args()
    clean = ["--clean", "--if-exists"] if force else []
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *clean, *args,
          "--dbname", str(_database()["NAME"]), str(source)], env)  # fmt: skip


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"the backup holds an unsafe entry: {member.name}")
        members.append(member)
    return members


def restore_backup(path: Path, *, force: bool = False) -> list[str]:
    """Restore a backup made by `create_backup` into this site; returns what it did, line by line."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    done = []
    with tempfile.TemporaryDirectory(prefix="smex-restore-") as scratch:
        folder = Path(scratch)
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(folder, members=_safe_members(archive), filter="data")
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{path}: not a backup archive ({error})") from None
        manifest = json.loads((folder / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: unknown backup format {manifest.get('format')}")
        for setting in FILE_FOLDERS.values():
            root = getattr(settings, setting, None)
            if root and not force and Path(root).is_dir() and any(Path(root).iterdir()):
                raise BackupError(f"{root} already holds files (use --force to replace them)")
        _restore_database(folder, manifest, force=force)
        done.append(f"database restored ({manifest['database']}, backup of {manifest['created_at']})")
        for name, setting in FILE_FOLDERS.items():
            root = getattr(settings, setting, None)
            if root and (folder / name).is_dir():
                shutil.rmtree(root, ignore_errors=True)
                shutil.copytree(folder / name, root)
                done.append(f"{name} files restored into {root}")
        done.append(_restore_secret((folder / "secret_key").read_text()))
    call_command("migrate", interactive=False, verbosity=0)
    done.append("migrations applied")
    return done


def _restore_secret(key: str) -> str:
    key_file = Path(settings.DATA_DIR) / "secret_key"
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key)
    key_file.chmod(0o600)
    if os.environ.get("SECRET_KEY") and os.environ["SECRET_KEY"] != key:
        return (
            f"secret key written to {key_file}; SECRET_KEY in the environment differs: set it to that "
            "value, or sessions and password-reset links of the backup stop working"
        )
    return f"secret key restored into {key_file}"
