from __future__ import annotations

from rest_framework import serializers

from smexchange.api.serializers.brief import OrganizationBriefSerializer, PersonBriefSerializer
from smexchange.events.models import Event, ProgrammeItem, ProgrammeSpeaker, Registration


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = [
            "slug",
            "name",
            "name_zh",
            "kind",
            "starts_on",
            "ends_on",
            "time_zone",
            "venue",
            "city",
            "country",
            "description",
            "description_zh",
            "is_published",
        ]


class SpeakerSerializer(serializers.ModelSerializer):
    person = PersonBriefSerializer(read_only=True)
    organization = OrganizationBriefSerializer(source="person.organization", read_only=True)

    class Meta:
        model = ProgrammeSpeaker
        fields = ["person", "organization", "role"]


class ProgrammeItemSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    speakers = SpeakerSerializer(source="speaker_links", many=True, read_only=True)

    class Meta:
        model = ProgrammeItem
        fields = [
            "id",
            "event",
            "kind",
            "title",
            "title_zh",
            "starts_at",
            "ends_at",
            "location",
            "description",
            "speakers",
        ]


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    person = PersonBriefSerializer(read_only=True)
    organization = OrganizationBriefSerializer(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "event", "person", "organization", "role", "status", "registered_at"]
