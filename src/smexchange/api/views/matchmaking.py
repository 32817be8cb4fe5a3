"""Meeting requests (send, accept, decline, withdraw through the matchmaking services) and meetings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from smexchange.api import access, idempotency
from smexchange.api.contacts import ContactsMixin
from smexchange.api.filters import MeetingFilter, MeetingRequestFilter
from smexchange.api.serializers.matchmaking import (
    MeetingRequestCreateSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
)
from smexchange.directory.models import Person
from smexchange.events.models import Registration
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.matchmaking.services import requests as request_services

_SIDES = (
    "requester__person",
    "requester__organization",
    "recipient__person",
    "recipient__organization",
)


class MeetingRequestViewSet(ContactsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Participants: the requests they sent or received. Organizers: every request of their events."""

    permission_classes = [IsAuthenticated]
    filterset_class = MeetingRequestFilter

    @staticmethod
    def people_of(meeting_request: MeetingRequest) -> list[Person]:
        return [meeting_request.requester.person, meeting_request.recipient.person]

    def _answer_body(self, pk: int) -> Any:
        meeting_request = self.get_queryset().get(pk=pk)
        return MeetingRequestSerializer(meeting_request, context=self.context_for(meeting_request)).data

    def get_queryset(self) -> QuerySet[MeetingRequest]:
        return (
            access.visible_meeting_requests(self.request.user)
            .select_related("event", *_SIDES)
            .order_by("-created_at", "-id")
        )

    def get_serializer_class(self) -> type[Any]:
        if self.action == "create":
            return MeetingRequestCreateSerializer
        return MeetingRequestSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["registration_for"] = self._registration_for_slug
        return context

    def _registration_for_slug(self, slug: str) -> Registration | None:
        event = access.visible_events(self.request.user).filter(slug=slug, is_published=True).first()
        return access.registration_for(self.request.user, event) if event else None

    @extend_schema(
        request=MeetingRequestCreateSerializer,
        responses={201: MeetingRequestSerializer},
        parameters=[idempotency.PARAMETER],
    )
    @idempotency.idempotent
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Ask another participant of the same event for a meeting, as your own registration for it."""
        serializer = MeetingRequestCreateSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = request_services.send_meeting_request(
            data["requester"], recipient=data["recipient"], message=data["message"]
        )
        return Response(self._answer_body(created.pk), status=status.HTTP_201_CREATED)

    def _answer(self, answer: Callable[..., MeetingRequest]) -> Response:
        meeting_request = self.get_object()
        me = access.registration_for(self.request.user, meeting_request.event)
        if me is None or me.pk not in (meeting_request.requester_id, meeting_request.recipient_id):
            # An organizer sees the request but is not one of its two sides.
            raise PermissionDenied(_("Only the two participants of a request can answer or withdraw it."))
        answer(meeting_request, by=me)
        return Response(self._answer_body(meeting_request.pk))

    @extend_schema(
        request=None, responses={200: MeetingRequestSerializer}, parameters=[idempotency.PARAMETER]
    )
    @action(detail=True, methods=["post"])
    @idempotency.idempotent
    def accept(self, request: Request, pk: str | None = None) -> Response:
        """The recipient accepts a pending request; the next schedule run places the meeting."""
        return self._answer(request_services.accept_meeting_request)

    @extend_schema(
        request=None, responses={200: MeetingRequestSerializer}, parameters=[idempotency.PARAMETER]
    )
    @action(detail=True, methods=["post"])
    @idempotency.idempotent
    def decline(self, request: Request, pk: str | None = None) -> Response:
        """The recipient declines a pending request."""
        return self._answer(request_services.decline_meeting_request)

    @extend_schema(
        request=None, responses={200: MeetingRequestSerializer}, parameters=[idempotency.PARAMETER]
    )
    @action(detail=True, methods=["post"])
    @idempotency.idempotent
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """The requester withdraws a pending or accepted request."""
        return self._answer(request_services.withdraw_meeting_request)


class MeetingViewSet(ContactsMixin, viewsets.ReadOnlyModelViewSet):
    """Meetings of published schedules: a participant's own; every one of an organizer's events."""

    serializer_class = MeetingSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = MeetingFilter

    @staticmethod
    def people_of(meeting: Meeting) -> list[Person]:
        return [meeting.a.person, meeting.b.person]

    def get_queryset(self) -> QuerySet[Meeting]:
        return (
            access.visible_meetings(self.request.user)
            .select_related(
                "schedule__event",
                "slot",
                "table",
                "booth",
                "a__person",
                "a__organization",
                "b__person",
                "b__organization",
            )
            .order_by("slot__starts_at", "id")
        )
