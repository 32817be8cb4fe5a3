"""`smex match --profiles IN.jsonl --top K --out OUT.jsonl`: recommend partners for every profile.

A thin wrapper around `smexchange.matching`; it needs no database. A sentence-embedding
model on disk, named by SMEX_EMBEDDING_MODEL, is used when set. Bad input
exits with status 2 and one line on stderr (file, line, problem), and writes
no output file.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.matching import ProfileError, read_profiles, recommend_partners, write_recommendations
from smexchange.matching.embeddings import EmbeddingModelError, embedder_from_environment

BAD_INPUT = 2


class Command(BaseCommand):
    help = "Recommend partners for every profile of a JSONL file (CONTRACTS.md section 3)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--profiles", required=True, help="profiles, one JSON object per line")
        parser.add_argument("--top", type=int, default=10, help="partners per profile (default 10)")
        parser.add_argument("--out", required=True, help="recommendations file to write (JSONL)")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["profiles"]
        if options["top"] < 1:
            self._fail(f"smex match: --top must be at least 1, got {options['top']}")
        try:
            profiles = read_profiles(source)
        except ProfileError as error:
            self._fail(f"{source}: {error}")
        except OSError as error:
            self._fail(f"{source}: cannot read ({error.strerror or error})")
        try:
            embedder = embedder_from_environment()  # SMEX_EMBEDDING_MODEL: optional, see matching.embeddings
        except EmbeddingModelError as error:
            self._fail(f"smex match: {error}")
        recommendations = recommend_partners(profiles, top_k=options["top"], embedder=embedder)
        try:
            write_recommendations(recommendations, options["out"])
        except OSError as error:
            self._fail(f"{options['out']}: cannot write ({error.strerror or error})")

    def _fail(self, message: str) -> None:
        # One line and the contract's exit status, not Django's CommandError (exit 1).
        sys.stderr.write(message.replace("\n", " ") + "\n")
        sys.exit(BAD_INPUT)
