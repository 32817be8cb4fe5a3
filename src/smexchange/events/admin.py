from django.contrib import admin

from smexchange.events.models import (
    Booth,
    Event,
    EventPartner,
    EventTeamMember,
    MatchmakingSession,
    ProgrammeItem,
    ProgrammeSpeaker,
    Registration,
    SessionBreak,
    Table,
    TimeSlot,
)


class EventPartnerInline(admin.TabularInline):
    model = EventPartner
    extra = 0
    autocomplete_fields = ["organization"]


class EventTeamMemberInline(admin.TabularInline):
    model = EventTeamMember
    extra = 0
    raw_id_fields = ["user"]


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ["kind", "title", "title_zh", "starts_at", "ends_at", "location"]
    show_change_link = True


class BoothInline(admin.TabularInline):
    model = Booth
    extra = 0
    autocomplete_fields = ["host"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "starts_on", "ends_on", "city", "country", "is_published"]
    list_filter = ["kind", "is_published", "country"]
    search_fields = ["name", "name_zh", "city", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "starts_on"
    inlines = [EventTeamMemberInline, EventPartnerInline, ProgrammeItemInline, BoothInline]


class ProgrammeSpeakerInline(admin.TabularInline):
    model = ProgrammeSpeaker
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "event", "starts_at", "ends_at"]
    list_filter = ["kind", "event"]
    search_fields = ["title", "title_zh", "event__name"]
    list_select_related = ["event"]
    inlines = [ProgrammeSpeakerInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["person", "organization", "event", "role", "status", "registered_at"]
    list_filter = ["status", "role", "event"]
    search_fields = ["person__given_name", "person__family_name", "person__name_local", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization", "event"]


class SessionBreakInline(admin.TabularInline):
    model = SessionBreak
    extra = 0


class TimeSlotInline(admin.TabularInline):
    model = TimeSlot
    extra = 0


@admin.register(MatchmakingSession)
class MatchmakingSessionAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "starts_at", "ends_at", "slot_minutes"]
    list_filter = ["event"]
    search_fields = ["name", "event__name"]
    inlines = [SessionBreakInline, TimeSlotInline]


@admin.register(Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ["code", "event"]
    list_filter = ["event"]
    search_fields = ["code"]
