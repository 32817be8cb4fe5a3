from django.contrib import admin

from smexchange.matchmaking.models import (
    MatchmakingPolicy,
    Meeting,
    MeetingRequest,
    MeetingRule,
    ParticipantGroup,
    Schedule,
    ScheduleRun,
)


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["requester", "recipient", "event", "status", "created_at", "responded_at"]
    list_filter = ["status", "event"]
    search_fields = ["requester__person__family_name", "recipient__person__family_name", "message"]
    raw_id_fields = ["requester", "recipient"]
    list_select_related = ["requester__person", "recipient__person", "event"]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "status",
        "phase",
        "best_weight",
        "weight_bound",
        "idle_slots",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "event"]
    readonly_fields = ["stats", "unscheduled", "error", "started_at", "finished_at"]


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0
    raw_id_fields = ["request", "a", "b", "slot", "table", "booth"]


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "created_at", "published_at"]
    list_filter = ["status", "event"]
    inlines = [MeetingInline]


@admin.register(MatchmakingPolicy)
class MatchmakingPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "max_requests_per_participant",
        "max_meetings_per_participant",
        "request_expiry_hours",
    ]
    search_fields = ["event__name"]


@admin.register(ParticipantGroup)
class ParticipantGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "request_quota"]
    list_filter = ["event"]
    search_fields = ["name"]


@admin.register(MeetingRule)
class MeetingRuleAdmin(admin.ModelAdmin):
    list_display = ["group_a", "group_b", "event"]
    list_filter = ["event"]
    list_select_related = ["group_a", "group_b", "event"]
