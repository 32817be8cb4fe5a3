from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from smexchange.api import access
from smexchange.api.filters import CooperationProfileFilter, OrganizationFilter
from smexchange.api.serializers.directory import CooperationProfileSerializer, OrganizationSerializer
from smexchange.directory.models import CooperationProfile, Organization


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """The public directory of organizations (names and descriptions; no contact details)."""

    serializer_class = OrganizationSerializer
    permission_classes = [AllowAny]
    filterset_class = OrganizationFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Organization]:
        return Organization.objects.prefetch_related("sectors").order_by("name_latin", "name", "id")


class CooperationProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """Published cooperation profiles (what organizations offer and seek), and all of your own organization's."""

    serializer_class = CooperationProfileSerializer
    permission_classes = [AllowAny]
    filterset_class = CooperationProfileFilter

    def get_queryset(self) -> QuerySet[CooperationProfile]:
        return (
            access.visible_profiles(self.request.user)
            .select_related("organization")
            .prefetch_related("items", "sectors")
            .order_by("-published_at", "-id")
        )
