from django.urls import path

from smexchange.web.views import directory, events, home, profiles

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("events/", events.event_list, name="event_list"),
    path("events/<slug:slug>/", events.event_detail, name="event_detail"),
    path("directory/", directory.organization_list, name="organization_list"),
    path("directory/recommended/", directory.recommended_for_you, name="recommended"),
    path("directory/profiles/", profiles.profile_list, name="profile_list"),
    path("directory/profiles/new/", profiles.profile_edit, name="profile_create"),
    path("directory/profiles/<int:pk>/edit/", profiles.profile_edit, name="profile_edit"),
    path("directory/profiles/<int:pk>/withdraw/", profiles.profile_withdraw, name="profile_withdraw"),
    path("directory/<slug:slug>/", directory.organization_detail, name="organization_detail"),
    path("opportunities/", directory.opportunity_list, name="opportunity_list"),
]
