"""Partner recommendations: organizations' published profiles through the matching engine, stored.

The engine works on one profile per organization (CONTRACTS.md section 3): the union of its
published cooperation profiles. Recommendations are recomputed off the request path (the task
`smexchange.matchmaking.refresh_recommendations`, e.g. from Celery beat, or the command
`smex refresh_recommendations`) and read from the table, so pages stay fast whatever the size of
the directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Prefetch

from smexchange.directory.enums import Direction
from smexchange.directory.models import CooperationProfile, Organization
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event
from smexchange.matching import PartnerIndex, recommend_partners
from smexchange.matching.types import CooperationItem, Profile, Recommendation
from smexchange.matchmaking.models import PartnerRecommendation

TOP_K = 10


def engine_id(organization: Organization) -> str:
    return f"o{organization.pk}"


def _organizations() -> Iterable[Organization]:
    published = CooperationProfile.objects.published().prefetch_related("items", "sectors")
    return (
        Organization.objects.prefetch_related(
            "sectors", Prefetch("profiles", queryset=published, to_attr="published")
        )
        .order_by("id")
        .iterator(chunk_size=2000)
    )


def engine_profile(organization: Organization) -> Profile:
    """The organization as the engine sees it: its published offers and requests, sectors and targets."""
    profiles: Sequence[CooperationProfile] = getattr(organization, "published", None) or list(
        CooperationProfile.objects.published()
        .filter(organization=organization)
        .prefetch_related("items", "sectors")
    )
    items = [item for profile in profiles for item in profile.items.all()]
    sectors = {sector.code for sector in organization.sectors.all() if sector.is_division}
    sectors |= {sector.code for profile in profiles for sector in profile.sectors.all() if sector.is_division}
    targets = {code for profile in profiles for code in profile.target_countries}
    return Profile(
        id=engine_id(organization),
        name=organization.name_latin or organization.name,
        kind=organization.kind,
        country=organization.country,
        city=organization.city,
        size=organization.size,
        languages=tuple(organization.languages),
        sectors=tuple(sorted(sectors)),
        description=" ".join(filter(None, [organization.description, *(p.description for p in profiles)])),
        offers=tuple(
            CooperationItem(i.cooperation_type, i.text) for i in items if i.direction == Direction.OFFER
        ),
        seeks=tuple(
            CooperationItem(i.cooperation_type, i.text) for i in items if i.direction == Direction.SEEK
        ),
        target_countries=tuple(sorted(targets)),
    )


def _store(recommendations: Iterable[Recommendation], *, event: Event | None) -> int:
    rows = [
        PartnerRecommendation(
            organization_id=int(recommendation.id[1:]),
            partner_id=int(match.id[1:]),
            event=event,
            rank=rank,
            score=round(match.score, 4),
            reasons=list(match.reasons),
        )
        for recommendation in recommendations
        for rank, match in enumerate(recommendation.matches, start=1)
    ]
    with transaction.atomic():
        PartnerRecommendation.objects.filter(event=event).delete()
        PartnerRecommendation.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def refresh_directory_recommendations(*, top_k: int = TOP_K) -> int:
    """Recompute every organization's recommendations across the directory; returns rows stored."""
    profiles = [engine_profile(organization) for organization in _organizations()]
    return _store(recommend_partners(profiles, top_k=top_k) if profiles else [], event=None)


def refresh_event_recommendations(event: Event, *, top_k: int = TOP_K) -> int:
    """Recompute recommendations among one event's confirmed participants' organizations."""
    attending = Organization.objects.filter(
        registrations__event=event, registrations__status__in=ATTENDING_STATUSES
    ).distinct()
    ids = set(attending.values_list("id", flat=True))
    profiles = [engine_profile(organization) for organization in _organizations() if organization.pk in ids]
    if not profiles:
        return _store([], event=event)
    index = PartnerIndex(profiles)
    return _store(index.recommend_all(top_k=top_k), event=event)
