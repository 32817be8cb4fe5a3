"""Partner recommendations: organizations' published profiles through the matching engine, stored.

The engine works on one profile per organization (CONTRACTS.md section 3): the union of its
published cooperation profiles. Recommendations are recomputed off the request path (the task
`smexchange.matchmaking.refresh_recommendations`, e.g. from Celery beat, or the command
`smex refresh_recommendations`) and read from the table, so pages stay fast whatever the size of
the directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from smexchange.common.jobs import enqueue
from smexchange.directory.enums import Direction
from smexchange.directory.models import CooperationProfile, Organization
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event
from smexchange.matching import PartnerIndex, recommend_partners
from smexchange.matching.embeddings import Embedder, embedder_from_environment
from smexchange.matching.types import CooperationItem, Profile, Recommendation
from smexchange.matchmaking.models import PartnerRecommendation

TOP_K = 10


@cache
def _embedder() -> Embedder | None:
    """The sentence-embedding model SMEX_EMBEDDING_MODEL names, loaded once per process; usually none."""
    return embedder_from_environment()


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
            reasons=[
                {**reason.as_dict(), "text": text}
                for reason, text in zip(match.explained, match.reasons, strict=True)
            ],
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
    recommendations = recommend_partners(profiles, top_k=top_k, embedder=_embedder()) if profiles else []
    return _store(recommendations, event=None)


def refresh_event_recommendations(event: Event, *, top_k: int = TOP_K) -> int:
    """Recompute recommendations among one event's confirmed participants' organizations."""
    attending = Organization.objects.filter(
        registrations__event=event, registrations__status__in=ATTENDING_STATUSES
    ).distinct()
    ids = set(attending.values_list("id", flat=True))
    profiles = [engine_profile(organization) for organization in _organizations() if organization.pk in ids]
    if not profiles:
        return _store([], event=event)
    index = PartnerIndex(profiles, embedder=_embedder())
    return _store(index.recommend_all(top_k=top_k), event=event)


def refresh_after_profile_change(organization: Organization) -> None:
    """Recompute, after commit and off the request, the recommendations a profile change affects.

    A changed profile moves the organization in every other organization's list too, so the whole
    directory is recomputed, and each event it attends that has not ended. Edits are human-paced,
    so one job per edit is cheap enough; the job reads the profiles when it runs, not when queued.
    """
    from smexchange.matchmaking.tasks import task_refresh_recommendations  # tasks import this module

    enqueue(task_refresh_recommendations)
    events = Event.objects.filter(
        registrations__organization=organization,
        registrations__status__in=ATTENDING_STATUSES,
        ends_on__gte=timezone.localdate(),
    ).distinct()
    for event_id in events.values_list("id", flat=True):
        enqueue(task_refresh_recommendations, event_id=event_id)
