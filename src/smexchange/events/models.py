from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smexchange.common.fields import CountryField
from smexchange.common.validators import validate_time_zone
from smexchange.directory.models import Organization, Person
from smexchange.events.enums import (
    EventKind,
    ParticipantRole,
    PartnerRole,
    ProgrammeKind,
    RegistrationStatus,
    SpeakerRole,
)
from smexchange.events.validators import validate_ends_after_start, validate_no_overlap, validate_within_event
from smexchange.vocab.labels import Label


def _in_language(en: str, zh: str) -> str:
    return Label("", en, zh or en).in_language(get_language())


class EventQuerySet(models.QuerySet[Any]):
    def published(self) -> EventQuerySet:
        return self.filter(is_published=True)


class Event(models.Model):
    """An expo, partnership week, matchmaking conference, forum, summit or roundtable."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=60, validators=[validate_time_zone])
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(db_index=True)
    description = models.TextField(_("description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False, help_text=_("Shown to the public."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="event_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on:
            validate_ends_after_start(
                self.starts_on, self.ends_on, what=_("The event"), allow_same=True, field="ends_on"
            )

    @property
    def title(self) -> str:
        return _in_language(self.name, self.name_zh)

    @property
    def summary(self) -> str:
        return _in_language(self.description, self.description_zh)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def days(self) -> list[dt.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + dt.timedelta(days=offset) for offset in range(count)]


class EventTeamMember(models.Model):
    """A user on the organizer team of one event (the organizing or a co-organizing association's staff)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_teams")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organizer team member")
        verbose_name_plural = _("organizer team")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="team_member_once")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"


class EventPartner(models.Model):
    """An organization's part in an event: organizer, co-organizer, media partner, sponsor, ..."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="event_roles")
    role = models.CharField(_("role"), max_length=30, choices=PartnerRole.choices)

    class Meta:
        ordering = ["event", "role", "id"]
        verbose_name = _("organizer or partner")
        verbose_name_plural = _("organizers and partners")
        constraints = [
            models.UniqueConstraint(fields=["event", "organization", "role"], name="event_partner_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.get_role_display()}"


class ProgrammeItem(models.Model):
    """A speech, panel, ceremony, award, roundtable or matchmaking session in the programme."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    kind = models.CharField(_("kind"), max_length=30, choices=ProgrammeKind.choices)
    title = models.CharField(_("title"), max_length=300)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("room"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    speakers = models.ManyToManyField(
        Person, through="ProgrammeSpeaker", related_name="programme_items", blank=True
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="programme_item_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at:
            validate_ends_after_start(
                self.starts_at, self.ends_at, what=_("The programme item"), field="ends_at"
            )
            if self.event_id:
                validate_within_event(self.event, self.starts_at, self.ends_at, what=_("The programme item"))

    @property
    def display_title(self) -> str:
        return _in_language(self.title, self.title_zh)


class ProgrammeSpeaker(models.Model):
    item = models.ForeignKey(ProgrammeItem, on_delete=models.CASCADE, related_name="speaker_links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="speaker_links")
    role = models.CharField(
        _("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="programme_speaker_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Registration(models.Model):
    """A person's registration for an event, in a participant role."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations")
    # Kept apart from person.organization: people change employers, the registration records who they came for.
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="registrations")
    role = models.CharField(_("participant role"), max_length=30, choices=ParticipantRole.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="registration_once")]
        indexes = [models.Index(fields=["event", "status", "role"])]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"


class Booth(models.Model):
    """A tabletop booth at an event, hosted by one organization."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="booths")
    code = models.CharField(_("code"), max_length=20)
    host = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="booths",
        null=True,
        blank=True,
        verbose_name=_("host"),
    )

    class Meta:
        ordering = ["event", "code"]
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="booth_code_once"),
            models.UniqueConstraint(
                fields=["event", "host"], condition=Q(host__isnull=False), name="booth_one_per_host"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class Table(models.Model):
    """A meeting table of an event's matchmaking area."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    code = models.CharField(_("code"), max_length=20)

    class Meta:
        ordering = ["event", "code"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [models.UniqueConstraint(fields=["event", "code"], name="table_code_once")]

    def __str__(self) -> str:
        return self.code


class MatchmakingSession(models.Model):
    """A block of one-on-one meetings, cut into time slots of equal length with optional breaks."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="matchmaking_sessions")
    programme_item = models.OneToOneField(
        ProgrammeItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="matchmaking_session"
    )
    name = models.CharField(_("name"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=20)
    changeover_minutes = models.PositiveSmallIntegerField(_("changeover between slots (minutes)"), default=0)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("matchmaking session")
        verbose_name_plural = _("matchmaking sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5) & Q(slot_minutes__lte=240), name="session_slot_length_sane"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_at and self.ends_at:
            validate_ends_after_start(self.starts_at, self.ends_at, what=_("The session"), field="ends_at")
            if self.event_id:
                validate_within_event(self.event, self.starts_at, self.ends_at, what=_("The session"))


class SessionBreak(models.Model):
    """A pause in a matchmaking session (coffee, lunch, a plenary) during which no slot runs."""

    session = models.ForeignKey(MatchmakingSession, on_delete=models.CASCADE, related_name="breaks")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    label = models.CharField(_("label"), max_length=100, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("break")
        verbose_name_plural = _("breaks")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="break_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.label or str(_("Break"))

    def clean(self) -> None:
        if not (self.starts_at and self.ends_at and self.session_id):
            return
        validate_ends_after_start(self.starts_at, self.ends_at, what=_("The break"), field="ends_at")
        if self.starts_at < self.session.starts_at or self.ends_at > self.session.ends_at:
            raise ValidationError(_("The break lies outside its session."))


class TimeSlot(models.Model):
    """One meeting slot of a matchmaking session."""

    session = models.ForeignKey(MatchmakingSession, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.UniqueConstraint(fields=["session", "starts_at"], name="slot_start_once"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if not (self.starts_at and self.ends_at and self.session_id):
            return
        validate_ends_after_start(self.starts_at, self.ends_at, what=_("The time slot"), field="ends_at")
        if self.starts_at < self.session.starts_at or self.ends_at > self.session.ends_at:
            raise ValidationError(_("The time slot lies outside its session."))
        siblings = self.session.slots.exclude(pk=self.pk).values_list("starts_at", "ends_at")
        validate_no_overlap(
            [*siblings, (self.starts_at, self.ends_at)], what=_("Time slots"), zone=self.session.event.zone
        )
