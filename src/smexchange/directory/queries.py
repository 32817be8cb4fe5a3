"""Reusable reads of the directory: the filtered listings of organizations and opportunities."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smexchange.directory.models import (
    CooperationProfile,
    CooperationProfileQuerySet,
    Organization,
    OrganizationQuerySet,
)


def filter_organizations(filters: Mapping[str, str]) -> OrganizationQuerySet:
    """Organizations matching the directory filters: q, country, kind, sector, cooperation_type."""
    organizations: OrganizationQuerySet = Organization.objects.search(filters.get("q", ""))
    if filters.get("country"):
        organizations = organizations.filter(country=filters["country"])
    if filters.get("kind"):
        organizations = organizations.filter(kind=filters["kind"])
    if filters.get("sector"):
        organizations = organizations.in_sector(filters["sector"])
    if filters.get("cooperation_type"):
        organizations = organizations.offering_or_seeking(filters["cooperation_type"])
    return organizations.for_listing()


def filter_opportunities(filters: Mapping[str, str], *, viewer: Any = None) -> CooperationProfileQuerySet:
    """Published, unexpired cooperation profiles matching the same filters, that `viewer` may see."""
    return narrow_profiles(CooperationProfile.objects.published().visible_to(viewer), filters).for_listing()


def narrow_profiles(
    profiles: CooperationProfileQuerySet, filters: Mapping[str, str]
) -> CooperationProfileQuerySet:
    """`profiles` narrowed by the directory filters: q, country, kind (of organization), sector, cooperation_type."""
    profiles = profiles.search(filters.get("q", ""))
    if filters.get("country"):
        profiles = profiles.filter(organization__country=filters["country"])
    if filters.get("kind"):
        profiles = profiles.filter(organization__kind=filters["kind"])
    if filters.get("sector"):
        profiles = profiles.in_sector(filters["sector"])
    if filters.get("cooperation_type"):
        profiles = profiles.of_cooperation_type(filters["cooperation_type"])
    return profiles


def published_profiles_of(organization: Organization, *, viewer: Any = None) -> CooperationProfileQuerySet:
    return (
        CooperationProfile.objects.published()
        .visible_to(viewer)
        .filter(organization=organization)
        .prefetch_related("items", "sectors")
    )


def visible_partners(viewer: Any) -> OrganizationQuerySet:
    """Organizations with a published profile `viewer` may see: the only ones recommended to them."""
    profiles = CooperationProfile.objects.published().visible_to(viewer)
    return Organization.objects.filter(pk__in=profiles.values("organization_id"))
