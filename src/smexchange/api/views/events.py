from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from rest_framework import viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated

from smexchange.api import access
from smexchange.api.contacts import ContactsMixin
from smexchange.api.filters import EventFilter, ProgrammeItemFilter, RegistrationFilter
from smexchange.api.serializers.events import EventSerializer, ProgrammeItemSerializer, RegistrationSerializer
from smexchange.directory.models import Person
from smexchange.events.models import Event, ProgrammeItem, ProgrammeSpeaker, Registration


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Published events; their organizers also see them unpublished."""

    serializer_class = EventSerializer
    permission_classes = [AllowAny]
    filterset_class = EventFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Event]:
        return access.visible_events(self.request.user).order_by("-starts_on", "name", "id")


class ProgrammeItemViewSet(viewsets.ReadOnlyModelViewSet):
    """The programme of the events you can see, in time order."""

    serializer_class = ProgrammeItemSerializer
    permission_classes = [AllowAny]
    filterset_class = ProgrammeItemFilter

    def get_queryset(self) -> QuerySet[ProgrammeItem]:
        speakers = ProgrammeSpeaker.objects.select_related("person__organization").order_by("order", "id")
        return (
            access.visible_programme(self.request.user)
            .select_related("event")
            .prefetch_related(Prefetch("speaker_links", queryset=speakers))
            .order_by("starts_at", "id")
        )


class RegistrationViewSet(ContactsMixin, viewsets.ReadOnlyModelViewSet):
    """Organizers: every registration of their events. Participants: their own, and the participants of
    the same event they may ask for a meeting (use these ids as `recipient`)."""

    serializer_class = RegistrationSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = RegistrationFilter

    @staticmethod
    def people_of(registration: Registration) -> list[Person]:
        return [registration.person]

    def get_queryset(self) -> QuerySet[Registration]:
        return (
            access.visible_registrations(self.request.user)
            .select_related("event", "person", "organization")
            .order_by("event__starts_on", "event_id", "id")
        )
