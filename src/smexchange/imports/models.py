from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smexchange.events.models import Event
from smexchange.imports.enums import ImportKind, ImportSource, ImportStatus


class ImportRun(models.Model):
    """One import of a file: who, when, what, and what came of it (counts and every problem found)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="import_runs"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    # The uploaded file, kept between checking it and importing it, and emptied afterwards.
    content = models.BinaryField(blank=True, default=b"", editable=False)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices)
    source = models.CharField(_("source"), max_length=10, choices=ImportSource.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("new records"), default=0)
    existing = models.PositiveIntegerField(_("existing records"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    ignored_columns = models.JSONField(_("ignored columns"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_kind_display()}, {self.get_status_display()})"
