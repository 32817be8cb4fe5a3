from django.contrib import admin

from smexchange.awards.models import (
    Award,
    ConflictOfInterest,
    Criterion,
    Juror,
    Laureate,
    Nomination,
    Score,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["position", "name", "name_zh", "weight"]


class NominationInline(admin.TabularInline):
    model = Nomination
    extra = 0
    fields = ["person", "organization", "citation", "nominated_at"]
    raw_id_fields = ["person", "organization"]
    show_change_link = True


class JurorInline(admin.TabularInline):
    model = Juror
    extra = 0
    raw_id_fields = ["user", "person"]
    show_change_link = True


class LaureateInline(admin.TabularInline):
    model = Laureate
    extra = 0
    fields = ["rank", "nomination", "score", "jurors"]
    raw_id_fields = ["nomination"]


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "year", "status", "laureate_count"]
    list_filter = ["status", "year"]
    search_fields = ["name", "name_zh", "event__name", "slug"]
    raw_id_fields = ["event", "ceremony"]
    inlines = [CriterionInline, NominationInline, JurorInline, LaureateInline]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["juror", "criterion", "value"]
    raw_id_fields = ["juror", "criterion"]


class ConflictInline(admin.TabularInline):
    model = ConflictOfInterest
    extra = 0
    fields = ["juror", "reason"]
    raw_id_fields = ["juror"]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "award", "nominated_at"]
    list_filter = ["award"]
    search_fields = ["person__family_name", "person__given_name", "organization__name", "citation"]
    raw_id_fields = ["award", "person", "organization"]
    inlines = [ConflictInline, ScoreInline]


class JurorScoreInline(ScoreInline):
    fields = ["nomination", "criterion", "value"]
    raw_id_fields = ["nomination", "criterion"]


@admin.register(Juror)
class JurorAdmin(admin.ModelAdmin):
    list_display = ["__str__", "award", "user"]
    list_filter = ["award"]
    search_fields = ["user__email", "person__family_name"]
    raw_id_fields = ["award", "user", "person"]
    inlines = [JurorScoreInline]
