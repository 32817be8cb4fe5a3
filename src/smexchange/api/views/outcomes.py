from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from smexchange.api import access
from smexchange.api.filters import DealFilter
from smexchange.api.serializers.outcomes import DealSerializer
from smexchange.outcomes.models import Deal


class DealViewSet(viewsets.ReadOnlyModelViewSet):
    """Deals your organization is a party to; organizers: every deal of their events."""

    serializer_class = DealSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = DealFilter

    def get_queryset(self) -> QuerySet[Deal]:
        return (
            access.visible_deals(self.request.user)
            .select_related("event", "sector")
            .prefetch_related("parties")
            .order_by("-opened_on", "-id")
        )
