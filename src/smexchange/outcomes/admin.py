from django.contrib import admin

from smexchange.outcomes.models import (
    Deal,
    DealParty,
    DealStageChange,
    FollowUpReminder,
    Manifesto,
    ManifestoSignatory,
    MeetingFollowUp,
    Partnership,
)


@admin.register(MeetingFollowUp)
class MeetingFollowUpAdmin(admin.ModelAdmin):
    list_display = [
        "organization",
        "event",
        "result",
        "cooperation_type",
        "estimated_value",
        "currency",
        "recorded_at",
    ]
    list_filter = ["result", "recorded_on_behalf", "cooperation_type", "event"]
    search_fields = ["organization__name", "organization__name_latin", "next_step"]
    raw_id_fields = ["meeting", "request", "organization", "recorded_by"]
    list_select_related = ["organization", "event"]
    date_hierarchy = "recorded_at"


class DealPartyInline(admin.TabularInline):
    model = DealParty
    extra = 0
    raw_id_fields = ["organization"]


class DealStageChangeInline(admin.TabularInline):
    model = DealStageChange
    extra = 0
    readonly_fields = ["from_stage", "to_stage", "at", "by"]
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the audit trail is written by the services only


@admin.register(Deal)
class DealAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "event",
        "stage",
        "cooperation_type",
        "value",
        "currency",
        "opened_on",
        "signed_on",
    ]
    list_filter = ["stage", "cooperation_type", "currency", "event"]
    search_fields = ["title", "parties__name", "parties__name_latin"]
    raw_id_fields = ["event", "meeting", "follow_up", "ceremony", "sector", "created_by"]
    readonly_fields = ["document", "document_name", "document_type", "created_at", "updated_at"]
    list_select_related = ["event"]
    date_hierarchy = "opened_on"
    inlines = [DealPartyInline, DealStageChangeInline]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "event", "signed_on"]
    list_filter = ["kind", "event"]
    search_fields = ["title", "title_zh", "description", "parties__name"]
    raw_id_fields = ["event", "ceremony"]
    filter_horizontal = ["parties"]


class ManifestoSignatoryInline(admin.TabularInline):
    model = ManifestoSignatory
    extra = 0
    raw_id_fields = ["organization"]


@admin.register(Manifesto)
class ManifestoAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "signed_on"]
    list_filter = ["event"]
    search_fields = ["title", "title_zh", "text"]
    raw_id_fields = ["event", "ceremony"]
    inlines = [ManifestoSignatoryInline]


@admin.register(FollowUpReminder)
class FollowUpReminderAdmin(admin.ModelAdmin):
    list_display = ["registration", "meeting", "sent_at"]
    raw_id_fields = ["meeting", "registration"]
    search_fields = ["registration__person__family_name"]
