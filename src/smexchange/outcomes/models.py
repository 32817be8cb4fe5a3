"""What comes out of an event: meeting follow-ups, deals and agreements, partnerships, manifestos."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smexchange.common.models import Sector
from smexchange.directory.enums import COOPERATION_TYPE_CHOICES
from smexchange.directory.models import Organization
from smexchange.events.models import Event, ProgrammeItem, Registration
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.enums import OPEN_STAGES, DealStage, FollowUpResult, PartnershipKind
from smexchange.outcomes.storage import private_storage
from smexchange.outcomes.validators import validate_currency_code

VALUE_DIGITS = 16
VALUE_PLACES = 2


def _value_needs_currency(prefix: str) -> Q:
    return Q(**{f"{prefix}__isnull": True}) | ~Q(currency="")


class MeetingFollowUpQuerySet(models.QuerySet[Any]):
    def of_organization(self, organization: Organization) -> MeetingFollowUpQuerySet:
        return self.filter(organization=organization)

    def prospective(self) -> MeetingFollowUpQuerySet:
        return self.filter(result=FollowUpResult.PROSPECTIVE)

    def for_listing(self) -> MeetingFollowUpQuerySet:
        return self.select_related(
            "event",
            "organization",
            "meeting__slot",
            "meeting__a__organization",
            "meeting__b__organization",
            "request__requester__organization",
            "request__recipient__organization",
            "recorded_by",
        )


class MeetingFollowUp(models.Model):
    """What one side of a meeting (or of a meeting request, where there was no scheduled meeting) says came of it."""

    # RESTRICT: a meeting with recorded outcomes cannot be deleted alone, only with its whole event.
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("meeting"),
    )
    request = models.ForeignKey(
        MeetingRequest,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("meeting request"),
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("event")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("organization")
    )
    result = models.CharField(_("result"), max_length=20, choices=FollowUpResult.choices, db_index=True)
    cooperation_type = models.CharField(
        _("cooperation type"), max_length=30, choices=COOPERATION_TYPE_CHOICES, blank=True
    )
    estimated_value = models.DecimalField(
        _("estimated value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, validators=[validate_currency_code])
    next_step = models.TextField(_("next step"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_on_behalf = models.BooleanField(
        _("recorded by the organizers"),
        default=False,
        help_text=_("Recorded on site on the participant's behalf."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = MeetingFollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("meeting follow-up")
        verbose_name_plural = _("meeting follow-ups")
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False) | Q(request__isnull=False),
                name="followup_of_meeting_or_request",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organization"],
                condition=Q(meeting__isnull=False),
                name="followup_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["request", "organization"],
                condition=Q(meeting__isnull=True, request__isnull=False),
                name="followup_once_per_request",
            ),
            models.CheckConstraint(
                condition=_value_needs_currency("estimated_value"), name="followup_value_has_currency"
            ),
            models.CheckConstraint(
                condition=Q(estimated_value__isnull=True) | Q(estimated_value__gte=0),
                name="followup_value_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(result=FollowUpResult.PROSPECTIVE) | ~Q(cooperation_type=""),
                name="followup_prospective_has_type",
            ),
        ]
        indexes = [models.Index(fields=["event", "result"])]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_result_display()}"


class DealQuerySet(models.QuerySet[Any]):
    def of_organization(self, organization: Organization | int) -> DealQuerySet:
        return self.filter(deal_parties__organization=organization)

    def signed(self) -> DealQuerySet:
        return self.filter(stage=DealStage.SIGNED)

    def open(self) -> DealQuerySet:
        return self.filter(stage__in=OPEN_STAGES)

    def for_listing(self) -> DealQuerySet:
        return self.select_related("event", "sector", "ceremony").prefetch_related("parties")


def _document_path(deal: Deal, filename: str) -> str:
    # Only the service names files (a random token and the sniffed extension); this is the folder.
    return f"deals/{deal.pk or 'new'}/{filename}"


class Deal(models.Model):
    """A business deal on its way from a prospective transaction to a signed agreement (or dropped)."""

    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="deals", verbose_name=_("event")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("meeting"),
    )
    follow_up = models.ForeignKey(
        MeetingFollowUp,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("follow-up"),
    )
    title = models.CharField(_("title"), max_length=300)
    cooperation_type = models.CharField(
        _("cooperation type"), max_length=30, choices=COOPERATION_TYPE_CHOICES
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("sector"),
    )
    value = models.DecimalField(
        _("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, validators=[validate_currency_code])
    stage = models.CharField(
        _("stage"), max_length=20, choices=DealStage.choices, default=DealStage.PROSPECTIVE, db_index=True
    )
    opened_on = models.DateField(_("opened on"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ceremony = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("signing ceremony"),
    )
    parties = models.ManyToManyField(
        Organization, through="DealParty", related_name="deals", verbose_name=_("parties")
    )
    document = models.FileField(
        _("agreement document"), storage=private_storage, upload_to=_document_path, blank=True, max_length=255
    )
    document_name = models.CharField(_("document file name"), max_length=200, blank=True)
    document_type = models.CharField(_("document type"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DealQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        constraints = [
            models.CheckConstraint(condition=_value_needs_currency("value"), name="deal_value_has_currency"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="deal_value_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(stage=DealStage.SIGNED) | Q(signed_on__isnull=False), name="deal_signed_has_date"
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(stage=DealStage.SIGNED),
                name="deal_date_only_when_signed",
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(signed_on__gte=F("opened_on")),
                name="deal_signed_after_opened",
            ),
            models.UniqueConstraint(
                fields=["follow_up"], condition=Q(follow_up__isnull=False), name="deal_once_per_follow_up"
            ),
        ]
        indexes = [models.Index(fields=["event", "stage"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class DealParty(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="deal_parties")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="deal_parties", verbose_name=_("organization")
    )

    class Meta:
        ordering = ["deal", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [models.UniqueConstraint(fields=["deal", "organization"], name="deal_party_once")]

    def __str__(self) -> str:
        return str(self.organization)


class DealStageChange(models.Model):
    """The audit trail of a deal: every move between stages, when and by whom."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=20, choices=DealStage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=DealStage.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        constraints = [
            models.CheckConstraint(condition=~Q(from_stage=F("to_stage")), name="stage_change_changes"),
        ]

    def __str__(self) -> str:
        return f"{self.deal}: {self.from_stage or '–'} → {self.to_stage}"


class Partnership(models.Model):
    """Partnership cities, an industry cluster cooperation base, or a memorandum between associations."""

    kind = models.CharField(_("kind"), max_length=20, choices=PartnershipKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    signed_on = models.DateField(_("signed on"))
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("event"),
    )
    ceremony = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("signing ceremony"),
    )
    parties = models.ManyToManyField(Organization, related_name="partnerships", verbose_name=_("parties"))

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return self.title


class Manifesto(models.Model):
    """A declaration the participating associations sign, e.g. the Shanghai Manifesto on Global SME Cooperation."""

    title = models.CharField(_("title"), max_length=300)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    signed_on = models.DateField(_("signed on"))
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="manifestos",
        verbose_name=_("event"),
    )
    ceremony = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="manifestos",
        verbose_name=_("signing ceremony"),
    )

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("manifesto")
        verbose_name_plural = _("manifestos")
        constraints = [models.UniqueConstraint(fields=["title", "signed_on"], name="manifesto_once")]

    def __str__(self) -> str:
        return self.title


class ManifestoSignatory(models.Model):
    manifesto = models.ForeignKey(Manifesto, on_delete=models.CASCADE, related_name="signatories")
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="manifestos_signed",
        verbose_name=_("organization"),
    )
    signed_by = models.CharField(
        _("signed by"), max_length=200, blank=True, help_text=_("The person's name.")
    )
    signed_by_title = models.CharField(_("title of the signatory"), max_length=200, blank=True)

    class Meta:
        ordering = ["manifesto", "id"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(fields=["manifesto", "organization"], name="manifesto_signatory_once")
        ]

    def __str__(self) -> str:
        return str(self.organization)


class FollowUpReminder(models.Model):
    """One reminder e-mail per participant and meeting: the row is claimed before the mail goes out."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_up_reminders")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="follow_up_reminders"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up reminder")
        verbose_name_plural = _("follow-up reminders")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="followup_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} / {self.meeting_id}"
