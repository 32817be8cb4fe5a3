"""A bilingual label: the English and Simplified Chinese names of one code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    code: str
    en: str
    zh: str

    def in_language(self, language: str | None) -> str:
        """The name in `language` (a Django or BCP 47 code); Chinese for any zh variant."""
        if language and language.lower().startswith("zh"):
            return self.zh
        return self.en
