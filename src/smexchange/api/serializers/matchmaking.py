from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from smexchange.api.serializers.brief import RegistrationBriefSerializer
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.models import Meeting, MeetingRequest


class MeetingRequestSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    requester = RegistrationBriefSerializer(read_only=True)
    recipient = RegistrationBriefSerializer(read_only=True)

    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "event",
            "requester",
            "recipient",
            "message",
            "status",
            "origin",
            "created_at",
            "responded_at",
            "expires_at",
        ]


class MeetingRequestCreateSerializer(serializers.Serializer):
    """Input of POST /meeting-requests/: the sender is the caller's own registration for the event."""

    event = serializers.SlugField(help_text="The event's slug; you must be registered for it.")
    recipient = serializers.IntegerField(min_value=1, help_text="The id of the recipient's registration.")
    message = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        me = self.context["registration_for"](attrs["event"])
        if me is None:
            raise serializers.ValidationError({"event": [_("You are not registered for this event.")]})
        recipient = Registration.objects.filter(event=me.event, pk=attrs["recipient"]).first()
        if recipient is None:
            raise serializers.ValidationError({"recipient": [_("No such participant at this event.")]})
        return {**attrs, "requester": me, "recipient": recipient}


class SlotSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class LocationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["table", "booth"])
    code = serializers.CharField()


class MeetingSerializer(serializers.ModelSerializer):
    event = serializers.SerializerMethodField()
    a = RegistrationBriefSerializer(read_only=True)
    b = RegistrationBriefSerializer(read_only=True)
    slot = SlotSerializer(read_only=True)
    location = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "event",
            "request",
            "a",
            "b",
            "slot",
            "location",
            "status",
            "confirmed_by_a_at",
            "confirmed_by_b_at",
        ]

    def get_event(self, meeting: Meeting) -> str:
        event: Event = meeting.schedule.event
        return event.slug

    @extend_schema_field(LocationSerializer)
    def get_location(self, meeting: Meeting) -> dict[str, str]:
        if meeting.booth_id:
            return {"kind": "booth", "code": meeting.booth.code}
        return {"kind": "table", "code": meeting.table.code}
