"""`smex refresh_recommendations [--event SLUG]`: recompute stored partner recommendations."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smexchange.events.models import Event
from smexchange.matchmaking.services.recommendations import (
    refresh_directory_recommendations,
    refresh_event_recommendations,
)


class Command(BaseCommand):
    help = "Recompute partner recommendations for the whole directory, or among one event's participants."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--event", help="slug of the event (default: the whole directory)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["event"]:
            event = Event.objects.filter(slug=options["event"]).first()
            if event is None:
                raise CommandError(f"no event with slug '{options['event']}'")
            stored = refresh_event_recommendations(event)
        else:
            stored = refresh_directory_recommendations()
        self.stdout.write(f"Stored {stored} recommendations.")
