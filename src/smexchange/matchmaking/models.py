from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from smexchange.directory.models import Organization
from smexchange.events.models import Booth, Event, Registration, Table, TimeSlot
from smexchange.matchmaking.enums import (
    OPEN_REQUEST_STATUSES,
    MeetingStatus,
    PreferenceKind,
    RequestOrigin,
    RequestStatus,
    RunStatus,
    ScheduleStatus,
)


class MatchmakingPolicy(models.Model):
    """The organizer's rules for an event's matchmaking."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="matchmaking_policy")
    max_requests_per_participant = models.PositiveSmallIntegerField(
        _("requests a participant may send"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    max_meetings_per_participant = models.PositiveSmallIntegerField(
        _("meetings per participant"), null=True, blank=True, help_text=_("Empty: as many as slots allow.")
    )
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("hours to answer a request"),
        null=True,
        blank=True,
        help_text=_("An unanswered request expires after this long, so it blocks no one. Empty: never."),
    )

    class Meta:
        verbose_name = _("matchmaking policy")
        verbose_name_plural = _("matchmaking policies")

    def __str__(self) -> str:
        return str(self.event)


class MeetingRequest(models.Model):
    """One participant asks another of the same event for a one-on-one meeting."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="received_requests")
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    origin = models.CharField(
        _("origin"), max_length=12, choices=RequestOrigin.choices, default=RequestOrigin.PARTICIPANT
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(condition=~Q(requester=F("recipient")), name="request_not_to_self"),
            # At most one open request from A to B: a retried POST cannot create a second one.
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=OPEN_REQUEST_STATUSES),
                name="request_open_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester.person} → {self.recipient.person}"


class Unavailability(models.Model):
    """A slot in which a participant cannot meet (arrives late, leaves early, speaks on stage)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="unavailable_slots")
    slot = models.ForeignKey(TimeSlot, on_delete=models.CASCADE, related_name="unavailable_registrations")

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [models.UniqueConstraint(fields=["registration", "slot"], name="unavailability_once")]

    def __str__(self) -> str:
        return f"{self.registration.person} ✗ {self.slot}"


class ScheduleRun(models.Model):
    """One run of the scheduling engine for an event, as a background job."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=30)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    lock_published = models.BooleanField(_("keep published meetings"), default=False)
    phase = models.CharField(_("phase"), max_length=30, blank=True)
    best_weight = models.PositiveIntegerField(_("best weight"), null=True, blank=True)
    weight_bound = models.PositiveIntegerField(_("upper bound"), null=True, blank=True)
    idle_slots = models.PositiveIntegerField(_("idle slots"), null=True, blank=True)
    stats = models.JSONField(_("statistics"), default=dict, blank=True)
    unscheduled = models.JSONField(_("unscheduled meetings"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # One retry per failed run, however often "retry" is pressed: the database holds it to one.
    retry_of = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="retry", editable=False
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")

    def __str__(self) -> str:
        return f"{self.event} #{self.pk} ({self.status})"


class ScheduleQuerySet(models.QuerySet[Any]):
    def published(self) -> ScheduleQuerySet:
        return self.filter(status=ScheduleStatus.PUBLISHED)


class Schedule(models.Model):
    """A version of an event's meeting schedule: a draft from a run, then published, then superseded."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedules")
    run = models.OneToOneField(
        ScheduleRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="schedule"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ScheduleStatus.choices, default=ScheduleStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ScheduleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=Q(status=ScheduleStatus.PUBLISHED), name="schedule_one_published"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} v{self.pk} ({self.status})"


class Meeting(models.Model):
    """A scheduled one-on-one meeting: two participants, a slot, a table or a booth."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="meetings")
    request = models.ForeignKey(
        MeetingRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    a = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="meetings_as_a")
    b = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="meetings_as_b")
    slot = models.ForeignKey(TimeSlot, on_delete=models.PROTECT, related_name="meetings")
    table = models.ForeignKey(Table, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings")
    booth = models.ForeignKey(Booth, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings")
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    confirmed_by_a_at = models.DateTimeField(_("confirmed by A at"), null=True, blank=True)
    confirmed_by_b_at = models.DateTimeField(_("confirmed by B at"), null=True, blank=True)

    class Meta:
        ordering = ["slot__starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=~Q(a=F("b")), name="meeting_two_people"),
            models.CheckConstraint(
                condition=(Q(table__isnull=False) & Q(booth__isnull=True))
                | (Q(table__isnull=True) & Q(booth__isnull=False)),
                name="meeting_at_table_or_booth",
            ),
            models.UniqueConstraint(
                fields=["schedule", "slot", "table"],
                condition=Q(table__isnull=False),
                name="table_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["schedule", "slot", "booth"],
                condition=Q(booth__isnull=False),
                name="booth_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["schedule", "request"], condition=Q(request__isnull=False), name="request_held_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.a.person} × {self.b.person} @ {self.slot}"

    @property
    def location_code(self) -> str:
        return self.table.code if self.table_id else self.booth.code if self.booth_id else ""

    @property
    def location_label(self) -> str:
        if self.booth_id:
            return _("Booth %(code)s") % {"code": self.booth.code}
        return _("Table %(code)s") % {"code": self.location_code}


class MeetingSeat(models.Model):
    """A participant's seat in a meeting: one row per participant and slot, unique per schedule.

    This is what makes double booking impossible in the database, under concurrent writes too.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="seats")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="seats")
    slot = models.ForeignKey(TimeSlot, on_delete=models.PROTECT, related_name="seats")

    class Meta:
        verbose_name = _("meeting seat")
        verbose_name_plural = _("meeting seats")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "registration", "slot"], name="participant_once_per_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} @ {self.slot}"


class PartnerRecommendation(models.Model):
    """A partner the matching engine recommends to an organization, in the directory or within one event."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="recommendations")
    partner = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="recommended_to")
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="recommendations"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        ordering = ["organization", "event", "rank"]
        verbose_name = _("partner recommendation")
        verbose_name_plural = _("partner recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "partner", "event"], name="recommendation_once", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="recommendation_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.partner} ({self.score:.2f})"


class PartnerPreference(models.Model):
    """A participant marks another as must-meet or no-thanks."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="preferences")
    other = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="preferred_by")
    kind = models.CharField(_("preference"), max_length=10, choices=PreferenceKind.choices)

    class Meta:
        verbose_name = _("partner preference")
        verbose_name_plural = _("partner preferences")
        constraints = [
            models.UniqueConstraint(fields=["registration", "other"], name="preference_once"),
            models.CheckConstraint(condition=~Q(registration=F("other")), name="preference_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} {self.kind} {self.other.person}"


class ParticipantGroup(models.Model):
    """Participants of an event the organizers treat alike: who they may meet, how many requests they send."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participant_groups")
    name = models.CharField(_("name"), max_length=80)
    request_quota = models.PositiveSmallIntegerField(
        _("requests a member may send"), null=True, blank=True, help_text=_("Empty: no limit.")
    )

    class Meta:
        ordering = ["event", "name", "id"]
        verbose_name = _("participant group")
        verbose_name_plural = _("participant groups")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="participant_group_name_once")]

    def __str__(self) -> str:
        return self.name


class ParticipantGroupMember(models.Model):
    """A registration in a participant group; a registration (hence of one event) is in one group at most."""

    group = models.ForeignKey(ParticipantGroup, on_delete=models.CASCADE, related_name="members")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="group_memberships")

    class Meta:
        verbose_name = _("participant group member")
        verbose_name_plural = _("participant group members")
        constraints = [models.UniqueConstraint(fields=["registration"], name="participant_in_one_group")]

    def __str__(self) -> str:
        return f"{self.registration.person} ∈ {self.group}"


class MeetingRule(models.Model):
    """Members of `group_a` and of `group_b` may meet (symmetric; stored with group_a_id <= group_b_id).

    An event with no rules lets everyone meet; once it has one, only the allowed pairs of groups meet.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_rules")
    group_a = models.ForeignKey(ParticipantGroup, on_delete=models.CASCADE, related_name="rules_as_a")
    group_b = models.ForeignKey(ParticipantGroup, on_delete=models.CASCADE, related_name="rules_as_b")

    class Meta:
        ordering = ["event", "group_a__name", "group_b__name"]
        verbose_name = _("meeting rule")
        verbose_name_plural = _("meeting rules")
        constraints = [
            models.UniqueConstraint(fields=["group_a", "group_b"], name="meeting_rule_once"),
            models.CheckConstraint(condition=Q(group_a__lte=F("group_b")), name="meeting_rule_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.group_a} ↔ {self.group_b}"
