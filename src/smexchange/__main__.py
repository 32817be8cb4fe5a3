"""The `smex` command: Django's management commands under the project's name."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smexchange.settings")
    from django.core.exceptions import ImproperlyConfigured

    from smexchange.config import ConfigError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv if argv is not None else sys.argv)
    except (ConfigError, ImproperlyConfigured) as error:
        print(f"smex: configuration error: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
