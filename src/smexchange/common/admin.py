from django.contrib import admin

from smexchange.common.models import Sector


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "section"]
    list_filter = ["section"]
    search_fields = ["code", "name_en", "name_zh"]
