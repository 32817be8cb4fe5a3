from __future__ import annotations

from rest_framework import serializers

from smexchange.api.serializers.brief import OrganizationBriefSerializer
from smexchange.directory.models import CooperationItem, CooperationProfile, Organization


class OrganizationSerializer(serializers.ModelSerializer):
    sectors = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Organization
        fields = [
            "slug",
            "name",
            "name_latin",
            "kind",
            "country",
            "city",
            "size",
            "sectors",
            "languages",
            "website",
            "description",
            "alliance_member_since",
        ]


class CooperationItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CooperationItem
        fields = ["direction", "cooperation_type", "text"]


class CooperationProfileSerializer(serializers.ModelSerializer):
    organization = OrganizationBriefSerializer(read_only=True)
    sectors = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    target_countries = serializers.ListField(child=serializers.CharField(), read_only=True)
    items = CooperationItemSerializer(many=True, read_only=True)

    class Meta:
        model = CooperationProfile
        fields = [
            "id",
            "organization",
            "title",
            "description",
            "language",
            "status",
            "visibility",
            "expires_on",
            "published_at",
            "sectors",
            "target_countries",
            "items",
        ]
