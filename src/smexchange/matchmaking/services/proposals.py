"""Organizer-proposed meetings: nobody leaves the event with an empty agenda.

For each attending participant with few open requests (sent or received, fewest first), the
organizers propose meetings with the event's recommended partners: a request from the
participant to a delegate of the recommended organization, marked as proposed by the
organizers. It goes through the same rules as any request (who may meet whom, no-thanks, one
conversation per pair of organizations), the recipient accepts or declines it as usual, and the
scheduler places accepted proposals after what people asked for themselves (weight 1).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.enums import OPEN_REQUEST_STATUSES, PreferenceKind, RequestOrigin
from smexchange.matchmaking.models import MeetingRequest, PartnerPreference, PartnerRecommendation
from smexchange.matchmaking.queries import FEW_REQUESTS, open_request_counts
from smexchange.matchmaking.services.requests import send_meeting_request


@transaction.atomic
def propose_recommended_meetings(event: Event, *, per_participant: int = 2, below: int = FEW_REQUESTS) -> int:
    """Propose up to `per_participant` recommended meetings to each participant with fewer than
    `below` open requests; returns how many were proposed. Needs the event's recommendations."""
    attending = list(
        Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES).select_related("person")
    )
    counts = open_request_counts(event)
    delegates: dict[int, Registration] = {}
    for registration in sorted(attending, key=lambda row: row.pk):
        delegates.setdefault(registration.organization_id, registration)
    recommended = _recommendations_by_organization(event)
    declined = set(
        PartnerPreference.objects.filter(
            registration__event=event, kind=PreferenceKind.NO_THANKS
        ).values_list("registration_id", "other_id")
    )
    talking = _organization_pairs_in_conversation(event)
    proposed = 0
    for participant in sorted(attending, key=lambda row: (counts.get(row.pk, 0), row.pk)):
        made = 0
        for partner_organization in recommended.get(participant.organization_id, []):
            if made >= per_participant or counts.get(participant.pk, 0) >= below:
                break
            partner = delegates.get(partner_organization)
            if partner is None or (participant.pk, partner.pk) in declined:
                continue
            if frozenset((participant.organization_id, partner_organization)) in talking:
                continue  # already asked, one way or the other: nothing to propose
            try:
                with transaction.atomic():
                    send_meeting_request(
                        participant,
                        recipient=partner,
                        message=_("Proposed by the organizers from your partner recommendations."),
                        origin=RequestOrigin.ORGANIZER,
                    )
            except DomainError:
                continue  # a rule says no (group rules, no-thanks, an open conversation): next partner
            made += 1
            proposed += 1
            talking.add(frozenset((participant.organization_id, partner_organization)))
            counts[participant.pk] = counts.get(participant.pk, 0) + 1
            counts[partner.pk] = counts.get(partner.pk, 0) + 1
    return proposed


def _organization_pairs_in_conversation(event: Event) -> set[frozenset[int]]:
    pairs = MeetingRequest.objects.filter(event=event, status__in=OPEN_REQUEST_STATUSES).values_list(
        "requester__organization_id", "recipient__organization_id"
    )
    return {frozenset(pair) for pair in pairs}


def _recommendations_by_organization(event: Event) -> dict[int, list[int]]:
    rows = PartnerRecommendation.objects.filter(event=event).order_by("organization_id", "rank")
    by_organization: dict[int, list[int]] = {}
    for organization_id, partner_id in rows.values_list("organization_id", "partner_id"):
        by_organization.setdefault(organization_id, []).append(partner_id)
    return by_organization
