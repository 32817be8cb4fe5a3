"""Every setting that comes from the environment, in one table.

`settings.py` reads configuration only through `read_config()`, so that the
table below is the complete list (a test checks that the README documents
every entry). A value that does not parse raises `ConfigError` with one line
naming the variable; `smex` prints that line and stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


class ConfigError(Exception):
    """A configuration variable is missing or malformed."""


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("is not a boolean (use 1/0, true/false, yes/no or on/off)")


def parse_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_int(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ValueError("is not a whole number") from None


def parse_count(raw: str) -> int:
    value = parse_int(raw)
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


def parse_str(raw: str) -> str:
    return raw


def parse_database_url(raw: str) -> str:
    if "://" not in raw:
        raise ValueError("is not a database URL (e.g. postgres://user@host:5432/name or sqlite:///path)")
    scheme = raw.split("://", 1)[0]
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ValueError(f"uses an unsupported database '{scheme}' (use sqlite or postgres)")
    return raw


@dataclass(frozen=True)
class Variable:
    name: str
    parser: Callable[[str], Any]
    default: str | None
    help: str


VARIABLES: tuple[Variable, ...] = (
    Variable(
        "DATABASE_URL",
        parse_database_url,
        None,
        "Database to use. Unset: the embedded SQLite file var/smex.sqlite3 (development mode).",
    ),
    Variable(
        "SECRET_KEY",
        parse_str,
        None,
        "Signing key, 50+ random characters. Required when DATABASE_URL is set or DEBUG is off "
        "outside the embedded mode; the embedded mode generates one in var/secret_key.",
    ),
    Variable("DEBUG", parse_bool, None, "Debug pages. Default: on in the embedded mode, off otherwise."),
    Variable(
        "ALLOWED_HOSTS",
        parse_list,
        None,
        "Comma-separated host names the site answers to. Default: localhost names in the embedded mode.",
    ),
    Variable(
        "CELERY_BROKER_URL",
        parse_str,
        "",
        "Broker for background jobs (e.g. redis://127.0.0.1:6379/0). Unset: jobs run in-process.",
    ),
    Variable("EMAIL_HOST", parse_str, "", "SMTP server. Unset: e-mail is written to the console."),
    Variable("EMAIL_PORT", parse_int, "587", "SMTP port."),
    Variable("EMAIL_HOST_USER", parse_str, "", "SMTP user name."),
    Variable("EMAIL_HOST_PASSWORD", parse_str, "", "SMTP password."),
    Variable("EMAIL_USE_TLS", parse_bool, "1", "Use STARTTLS with the SMTP server."),
    Variable("DEFAULT_FROM_EMAIL", parse_str, "SME Exchange <noreply@localhost>", "Sender of e-mail."),
    Variable(
        "SMEX_DATA_DIR", parse_str, "var", "Folder for the embedded database, uploads and generated files."
    ),
    Variable(
        "SMEX_PROXY_COUNT",
        parse_count,
        "0",
        "Reverse proxies in front of the site that append the client's address to X-Forwarded-For "
        "(1 behind one nginx). 0: the connecting address is the client's.",
    ),
    # Read by smexchange.matching.embeddings itself (smex match runs without settings too).
    Variable(
        "SMEX_EMBEDDING_MODEL",
        parse_str,
        "",
        "Optional sentence-embedding model directory for partner matching.",
    ),
)


def read_config(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Parse every variable of `VARIABLES`; unset ones get their default (None if none)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for variable in VARIABLES:
        raw = env.get(variable.name, variable.default)
        if raw is None:
            values[variable.name] = None
            continue
        try:
            values[variable.name] = variable.parser(raw)
        except ValueError as error:
            raise ConfigError(f"{variable.name}={raw!r} {error}") from None
    return values
