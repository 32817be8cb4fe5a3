"""Project-level guards: configuration from the environment, the `smex` entry point, migrations, languages."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import translation

from smexchange.config import (
    VARIABLES,
    ConfigError,
    parse_bool,
    parse_count,
    parse_database_url,
    parse_int,
    parse_list,
    parse_str,
    read_config,
)
from smexchange.directory import enums as directory_enums
from smexchange.directory.enums import COOPERATION_TYPE_CHOICES, ORGANIZATION_KIND_CHOICES, PersonRole
from smexchange.events import enums as events_enums
from smexchange.events.enums import EventKind, ParticipantRole

pytestmark = pytest.mark.unit

BIN = Path(sys.executable).parent
STRONG_KEY = "k3Jv9QwZ-" * 7
DEPLOYED = {"DATABASE_URL": "postgres://smex@db.example.org:5432/smex", "ALLOWED_HOSTS": "smex.example.org"}


# config.read_config


def test_read_config_defaults_parse():
    assert read_config({}) == {
        "DATABASE_URL": None,
        "SECRET_KEY": None,
        "DEBUG": None,
        "ALLOWED_HOSTS": None,
        "CELERY_BROKER_URL": "",
        "EMAIL_HOST": "",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "SME Exchange <noreply@localhost>",
        "SMEX_DATA_DIR": "var",
        "SMEX_EMBEDDING_MODEL": "",
        "SMEX_PROXY_COUNT": 0,
    }


def test_read_config_every_default_goes_through_its_parser():
    for variable in VARIABLES:
        if variable.default is not None:
            variable.parser(variable.default)


def test_read_config_parses_set_values():
    config = read_config(
        {
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/smex",
            "DEBUG": " Off ",
            "ALLOWED_HOSTS": "smex.example.org, ,www.smex.example.org",
            "EMAIL_PORT": "25",
            "EMAIL_USE_TLS": "no",
        }
    )

    assert (
        config["DATABASE_URL"],
        config["DEBUG"],
        config["ALLOWED_HOSTS"],
        config["EMAIL_PORT"],
        config["EMAIL_USE_TLS"],
    ) == (
        "postgres://postgres@127.0.0.1:5432/smex",
        False,
        ["smex.example.org", "www.smex.example.org"],
        25,
        False,
    )


BAD_VALUES = {
    parse_bool: "maybe",
    parse_int: "five hundred",
    parse_count: "-1",
    parse_database_url: "nonsense",
}


@pytest.mark.parametrize(
    "variable",
    [variable for variable in VARIABLES if variable.parser in BAD_VALUES],
    ids=lambda variable: variable.name,
)
def test_read_config_bad_value_names_the_variable(variable):
    bad = BAD_VALUES[variable.parser]

    with pytest.raises(ConfigError) as caught:
        read_config({variable.name: bad})

    assert str(caught.value).startswith(f"{variable.name}={bad!r} ")
    assert "\n" not in str(caught.value)


def test_read_config_every_parser_that_can_fail_has_a_bad_value_here():
    parsers = {variable.parser for variable in VARIABLES}

    assert parsers - set(BAD_VALUES) == {parse_str, parse_list}


def test_read_config_unsupported_database_is_named():
    with pytest.raises(ConfigError) as caught:
        read_config({"DATABASE_URL": "mysql://root@localhost/smex"})

    assert str(caught.value) == (
        "DATABASE_URL='mysql://root@localhost/smex' uses an unsupported database 'mysql' (use sqlite or postgres)"
    )


# The smex entry point, run as people run it.


def _environment(data_dir: Path, **variables: str) -> dict[str, str]:
    names = {variable.name for variable in VARIABLES} | {"DJANGO_SETTINGS_MODULE"}
    env = {key: value for key, value in os.environ.items() if key not in names}
    return env | {"SMEX_DATA_DIR": str(data_dir)} | variables


def _smex(data_dir: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "smex"), *args],
        env=_environment(data_dir, **variables),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _settings(data_dir: Path, *names: str, **variables: str) -> list[str]:
    code = f"import smexchange.settings as s; print(*(repr(getattr(s, n)) for n in {names!r}), sep='\\n')"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=_environment(data_dir, **variables),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL"),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT"),
        ({"DATABASE_URL": DEPLOYED["DATABASE_URL"]}, "SECRET_KEY"),
        ({**DEPLOYED, "SECRET_KEY": "short"}, "SECRET_KEY"),
        ({**DEPLOYED, "SECRET_KEY": "django-insecure-" + "x" * 50}, "SECRET_KEY"),
        ({"DATABASE_URL": DEPLOYED["DATABASE_URL"], "SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS"),
    ],
    ids=["debug", "database-url", "email-port", "no-key", "short-key", "insecure-key", "no-hosts"],
)
def test_smex_bad_environment_stops_with_one_line_naming_the_variable(tmp_path, variables, named):
    result = _smex(tmp_path, "check", **variables)

    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"smex: configuration error: {named}")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_smex_check_passes_in_embedded_mode_and_keeps_its_key(tmp_path):
    result = _smex(tmp_path, "check")

    assert (result.returncode, result.stderr) == (0, "")
    key_file = tmp_path / "secret_key"
    assert len(key_file.read_text()) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_settings_embedded_mode_debugs_and_reuses_the_generated_key(tmp_path):
    first = _settings(tmp_path, "DEBUG", "SECRET_KEY")
    second = _settings(tmp_path, "DEBUG", "SECRET_KEY")

    assert first[0] == "True"
    assert first == second


def test_settings_deployed_mode_turns_debug_off_and_secures_cookies(tmp_path):
    values = _settings(
        tmp_path,
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        **DEPLOYED,
        SECRET_KEY=STRONG_KEY,
    )

    assert values == ["False", repr(STRONG_KEY), "['smex.example.org']", "True", "True", "True"]


def test_settings_deployed_mode_uses_the_database_url(tmp_path):
    (databases,) = _settings(tmp_path, "DATABASES", **DEPLOYED, SECRET_KEY=STRONG_KEY)

    default = ast.literal_eval(databases)["default"]
    assert (default["ENGINE"], default["HOST"], default["PORT"], default["NAME"], default["USER"]) == (
        "django.db.backends.postgresql",
        "db.example.org",
        5432,
        "smex",
        "smex",
    )


# Migrations and languages.


@pytest.mark.integration
@pytest.mark.django_db
def test_models_have_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_choice_labels_follow_the_active_language():
    with translation.override("en"):
        english = [
            str(EventKind.EXPO.label),
            str(ParticipantRole.CONSULAR_OFFICER.label),
            str(PersonRole.VICE_CONSUL_GENERAL.label),
            str(dict(ORGANIZATION_KIND_CHOICES)["association"]),
            str(dict(COOPERATION_TYPE_CHOICES)["joint_venture"]),
        ]
    with translation.override("zh-hans"):
        chinese = [
            str(EventKind.EXPO.label),
            str(ParticipantRole.CONSULAR_OFFICER.label),
            str(PersonRole.VICE_CONSUL_GENERAL.label),
            str(dict(ORGANIZATION_KIND_CHOICES)["association"]),
            str(dict(COOPERATION_TYPE_CHOICES)["joint_venture"]),
        ]

    assert english == [
        "Expo",
        "Consular officer",
        "Vice consul general",
        "Trade association",
        "Joint venture",
    ]
    assert chinese == ["博览会", "领事官员", "副总领事", "行业协会", "合资合作"]


def _text_choices():
    for module in (directory_enums, events_enums):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, models.TextChoices)
                and value is not models.TextChoices
            ):
                yield from value


def test_every_choice_label_has_a_chinese_translation():
    untranslated = []
    for member in _text_choices():
        with translation.override("en"):
            english = str(member.label)
        with translation.override("zh-hans"):
            chinese = str(member.label)
        if chinese == english:
            untranslated.append(f"{type(member).__name__}.{member.name}")

    assert untranslated == []
