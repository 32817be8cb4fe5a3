from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from smexchange.directory.models import CooperationItem, CooperationProfile, Membership, Organization, Person


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ["given_name", "family_name", "name_local", "title", "role"]
    show_change_link = True


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "member"
    extra = 0
    autocomplete_fields = ["association"]
    verbose_name = _("membership of an association")


class AllianceMemberFilter(admin.SimpleListFilter):
    title = _("alliance member")
    parameter_name = "alliance"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(alliance_member_since__isnull=False)
        if self.value() == "no":
            return queryset.filter(alliance_member_since__isnull=True)
        return queryset


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_latin", "kind", "country", "city", "size", "alliance_member_since"]
    list_filter = ["kind", AllianceMemberFilter, "size", "country"]
    search_fields = ["name", "name_latin", "city", "slug"]
    prepopulated_fields = {"slug": ["name_latin"]}
    filter_horizontal = ["sectors"]
    inlines = [PersonInline, MembershipInline]
    list_per_page = 50
    # Django 6 makes https the default scheme; say so now (and silence its deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["family_name", "given_name", "name_local", "title", "role", "organization"]
    list_filter = ["role", "organization__kind", "organization__country"]
    search_fields = [
        "given_name",
        "family_name",
        "name_local",
        "title",
        "organization__name",
        "organization__name_latin",
    ]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]


class CooperationItemInline(admin.TabularInline):
    model = CooperationItem
    extra = 1


@admin.register(CooperationProfile)
class CooperationProfileAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "status", "expires_on", "published_at"]
    list_filter = ["status", "items__cooperation_type", "organization__country", "organization__kind"]
    search_fields = ["title", "description", "organization__name", "organization__name_latin"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["sectors"]
    inlines = [CooperationItemInline]
    list_select_related = ["organization"]
    date_hierarchy = "published_at"
