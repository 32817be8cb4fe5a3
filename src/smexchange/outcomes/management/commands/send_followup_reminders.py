from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from smexchange.outcomes.services.reminders import send_followup_reminders


class Command(BaseCommand):
    help = (
        "E-mail participants whose meetings have ended and who have recorded no follow-up (once per meeting)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_followup_reminders()
        self.stdout.write(f"{sent} follow-up reminders sent")
