from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smexchange.vocab.labels import Label


class Sector(models.Model):
    """An ISIC Rev. 4 section (`C`) or division (`C32`); rows come from `vocab.isic` by migration."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    section = models.CharField(_("section"), max_length=1, db_index=True)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return Label(self.code, self.name_en, self.name_zh).in_language(get_language())

    @property
    def is_division(self) -> bool:
        return len(self.code) == 3


class AuditAction(models.TextChoices):
    SCHEDULE_PUBLISHED = "schedule.published", _("schedule published")
    ORGANIZER_ADDED = "organizer.added", _("organizer added")
    ORGANIZER_REMOVED = "organizer.removed", _("organizer removed")
    INVITATION_SENT = "invitation.sent", _("invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("invitation accepted")
    PERSONAL_DATA_EXPORTED = "personal_data.exported", _("personal data exported")
    PERSONAL_DATA_DELETED = "personal_data.deleted", _("account and personal data deleted")


class AuditEntry(models.Model):
    """One organizer or staff action worth answering for later: who, what, on which object, when, from where.

    `actor_label` keeps who it was after the account is gone; `object_type`/`object_id` name the
    object without a foreign key, so entries outlive what they describe.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("what"), max_length=40, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    event_slug = models.SlugField(_("event"), max_length=100, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_label}"
