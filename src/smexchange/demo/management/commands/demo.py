"""`smex demo`: migrate, build the demo world once, and serve the site."""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from smexchange.demo.archive import build_archive
from smexchange.demo.awards import build_expo_award
from smexchange.demo.expo2009 import EXPO_SLUG
from smexchange.demo.matchmaking import (
    DEMO_PASSWORD,
    build_expo_matchmaking,
    build_recommendations,
    create_brazilian_login,
    create_demo_logins,
)
from smexchange.demo.outcomes import build_outcomes
from smexchange.demo.world import (
    DEFAULT_ORGANIZATIONS,
    DEFAULT_SEED,
    build_world,
    summarize_world,
    world_exists,
)
from smexchange.events.models import Event


class Command(BaseCommand):
    help = "Create or reuse the demo database, load the demo world (Global SME Expo 2009 and later events), serve the site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port of the web server (default 8000).")
        parser.add_argument("--no-serve", action="store_true", help="Build the world, then stop.")
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Seed of the world (default 2009)."
        )
        parser.add_argument(
            "--organizations",
            type=int,
            default=DEFAULT_ORGANIZATIONS,
            help="How many synthetic organizations (default 2000; fewer build faster).",
        )
        parser.add_argument(
            "--events", type=int, default=None, help="Build only the first N later events (default: all)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1))
        if world_exists():
            self.stdout.write(f"Reusing the demo world already in the database ({EXPO_SLUG} found).")
        else:
            self._build(options)
        expo = Event.objects.get(slug=EXPO_SLUG)
        with transaction.atomic():
            if build_expo_matchmaking(expo, seed=options["seed"]) is not None:
                self.stdout.write("Computed and published the expo's matchmaking schedule.")
            logins = create_demo_logins(expo)
            stored = build_recommendations(expo)
            brazilian = create_brazilian_login(expo)
            if brazilian is not None:
                logins.append(brazilian)
            outcomes = build_outcomes(expo, seed=options["seed"])
            juror = build_expo_award(expo, seed=options["seed"])
            if juror is not None:
                logins.append(juror)
            archive = build_archive()
        if stored:
            self.stdout.write(f"Computed {stored} partner recommendations.")
        self.stdout.write(f"Outcomes: {outcomes.line()}.")
        if archive.drafted:
            self.stdout.write(f"Drafted {archive.drafted} archive summaries, published {archive.published}.")
        url = f"http://127.0.0.1:{options['port']}/events/{EXPO_SLUG}/"
        self.stdout.write(f"The Global SME Expo 2009: {url}")
        self.stdout.write(f"Demo log-ins (password {DEMO_PASSWORD}, embedded demo database only):")
        for login in logins:
            self.stdout.write(f"  {login.email}: {login.role}")
        if not options["no_serve"]:
            # No autoreloader: it would run this command, and the build check, twice.
            call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)

    def _build(self, options: dict[str, Any]) -> None:
        self.stdout.write(f"Building the demo world from seed {options['seed']} ...")
        started = time.monotonic()
        build_world(
            seed=options["seed"], organizations=options["organizations"], later_events=options["events"]
        )
        self.stdout.write(f"Built the demo world in {time.monotonic() - started:.1f} s:")
        for line in summarize_world().lines():
            self.stdout.write(f"  {line}")
