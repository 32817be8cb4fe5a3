"""Short forms of objects that other resources point to."""

from __future__ import annotations

from rest_framework import serializers

from smexchange.directory.models import Organization, Person
from smexchange.events.models import Registration


class OrganizationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "name_latin", "kind", "country"]


class PersonBriefSerializer(serializers.ModelSerializer):
    """A person's name and title; never contact details."""

    class Meta:
        model = Person
        fields = ["given_name", "family_name", "name_local", "title"]


class RegistrationBriefSerializer(serializers.ModelSerializer):
    person = PersonBriefSerializer(read_only=True)
    organization = OrganizationBriefSerializer(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "person", "organization", "role"]


REGISTRATION_BRIEF_RELATED = ("person", "organization")
