from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smexchange.directory.models import Organization, Person
from smexchange.events.enums import ParticipantRole
from smexchange.events.models import Event


class FailedLogin(models.Model):
    """One failed log-in: the account as a hash of its e-mail, and the client's address."""

    account = models.CharField(max_length=64, db_index=True)
    ip = models.CharField(max_length=45, blank=True, db_index=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("failed log-in")
        verbose_name_plural = _("failed log-ins")

    def __str__(self) -> str:
        return f"{self.account[:8]} {self.ip} {self.created_at:%Y-%m-%d %H:%M}"


class Invitation(models.Model):
    """An event organizer invites a delegate of a registered organization; the link carries a token.

    Only a hash of the token is stored: a leaked database does not leak working links.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("participant role"),
        max_length=30,
        choices=ParticipantRole.choices,
        default=ParticipantRole.ENTREPRENEUR,
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], condition=Q(accepted_at__isnull=True), name="invitation_open_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} @ {self.event}"
