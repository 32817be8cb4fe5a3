from __future__ import annotations

from rest_framework import serializers

from smexchange.api.serializers.brief import OrganizationBriefSerializer
from smexchange.outcomes.models import Deal


class DealSerializer(serializers.ModelSerializer):
    """A deal and its parties; the agreement document stays private (not served by the API)."""

    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sector = serializers.SlugRelatedField(slug_field="code", read_only=True)
    parties = OrganizationBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Deal
        fields = [
            "id",
            "event",
            "meeting",
            "title",
            "cooperation_type",
            "sector",
            "value",
            "currency",
            "stage",
            "opened_on",
            "signed_on",
            "parties",
        ]
