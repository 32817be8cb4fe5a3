"""What each app holds about a person, for the data export and for account deletion.

Apps above `common` register a section (in their AppConfig.ready): a function returning what
the app holds about a user as JSON-ready data, and optionally an eraser that removes or
anonymizes it before the account is deleted. `smexchange.accounts.personal_data` collects them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


SECTIONS: dict[str, Section] = {}


def register_section(
    name: str, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None
) -> None:
    SECTIONS[name] = Section(name, export, erase)
