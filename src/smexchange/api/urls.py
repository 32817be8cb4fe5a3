"""/api/v1/: one router for the flat resources, the schema at openapi.json, docs from local assets."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from smexchange.api.errors import not_found
from smexchange.api.views import directory, events, matchmaking, outcomes

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("events", events.EventViewSet, basename="event")
router.register("programme-items", events.ProgrammeItemViewSet, basename="programme-item")
router.register("registrations", events.RegistrationViewSet, basename="registration")
router.register("organizations", directory.OrganizationViewSet, basename="organization")
router.register("profiles", directory.CooperationProfileViewSet, basename="profile")
router.register("meeting-requests", matchmaking.MeetingRequestViewSet, basename="meeting-request")
router.register("meetings", matchmaking.MeetingViewSet, basename="meeting")
router.register("deals", outcomes.DealViewSet, basename="deal")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
    path("", include(router.urls)),
    re_path(r"^.*$", not_found, name="not_found"),
]
