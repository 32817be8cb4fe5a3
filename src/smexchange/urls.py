from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("smexchange.api.urls")),
    path("settings/api-tokens/", include("smexchange.api.token_urls")),
    path("events/<slug:slug>/", include("smexchange.matchmaking.urls")),
    path("events/<slug:slug>/organize/imports/", include("smexchange.imports.urls")),
    path("events/<slug:slug>/", include("smexchange.awards.urls")),
    path("", include("smexchange.outcomes.urls")),
    path("", include("smexchange.accounts.urls")),
    path("", include("smexchange.reports.urls")),
    path("", include("smexchange.web.urls")),
]
