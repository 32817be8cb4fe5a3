"""Short forms of objects that other resources point to."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from smexchange.directory.models import Organization, Person
from smexchange.events.models import Registration
from smexchange.matchmaking.contacts import Contact


class OrganizationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "name_latin", "kind", "country"]


class ContactSerializer(serializers.Serializer):
    email = serializers.CharField()
    phone = serializers.CharField()


class PersonBriefSerializer(serializers.ModelSerializer):
    """A person's name and title; their e-mail and phone only where the contact rule allows.

    The view puts `contacts` (from `matchmaking.contacts.contacts_visible_to`) in the context;
    without it, `contact` is always null.
    """

    contact = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["given_name", "family_name", "name_local", "title", "contact"]

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, person: Person) -> dict[str, str] | None:
        contact: Contact | None = self.context.get("contacts", {}).get(person.pk)
        return {"email": contact.email, "phone": contact.phone} if contact else None


class RegistrationBriefSerializer(serializers.ModelSerializer):
    person = PersonBriefSerializer(read_only=True)
    organization = OrganizationBriefSerializer(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "person", "organization", "role"]


REGISTRATION_BRIEF_RELATED = ("person", "organization")
