"""What each user may read through the API: the same rules as the web pages, as querysets.

Rows outside these querysets answer 404 (never 403), so ids reveal nothing about what exists.
- events and their programme: published ones for everyone; unpublished ones for their organizers;
- organizations: the public directory; cooperation profiles: published ones whose visibility setting lets
  the user see them (as in the directory), and all of one's own organization's;
- registrations: an organizer's events in full; a participant sees their own registration and, for a
  published event, the participants they may ask for a meeting (the matchmaking page's list);
- meeting requests and meetings (of published schedules): a participant's own, an organizer's events'.
- deals: those of the organizations one acts for, and every deal of an organizer's events.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from smexchange.directory.models import CooperationProfile
from smexchange.directory.services import profiles_editable_by
from smexchange.events.models import Event, ProgrammeItem, Registration
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.matchmaking.queries import meeting_candidates
from smexchange.outcomes.models import Deal
from smexchange.outcomes.queries import deals_of
from smexchange.outcomes.rules import organizations_of


def organized_events(user: Any) -> QuerySet[Event]:
    """Events `user` may organize: the `events.organize_event` rule (staff, or on the event's team) as a query."""
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_staff:
        return Event.objects.all()
    return Event.objects.filter(team__user=user)


def visible_events(user: Any) -> QuerySet[Event]:
    return Event.objects.filter(Q(is_published=True) | Q(pk__in=organized_events(user).values("pk")))


def visible_programme(user: Any) -> QuerySet[ProgrammeItem]:
    return ProgrammeItem.objects.filter(event__in=visible_events(user).values("pk"))


def visible_profiles(user: Any) -> QuerySet[CooperationProfile]:
    own = profiles_editable_by(user)
    # The profile's visibility setting (public, registered users, participants of a shared event).
    condition = Q(pk__in=CooperationProfile.objects.published().visible_to(user).values("pk"))
    if own is not None:
        condition |= Q(organization=own)
    return CooperationProfile.objects.filter(condition)


def own_registrations(user: Any) -> QuerySet[Registration]:
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(person__user=user)


def visible_registrations(user: Any) -> QuerySet[Registration]:
    if not user.is_authenticated:
        return Registration.objects.none()
    condition = Q(person__user=user) | Q(event__in=organized_events(user).values("pk"))
    for me in own_registrations(user).filter(event__is_published=True).select_related("event"):
        condition |= Q(pk__in=meeting_candidates(me).values("pk"))
    return Registration.objects.filter(condition)


def visible_meeting_requests(user: Any) -> QuerySet[MeetingRequest]:
    if not user.is_authenticated:
        return MeetingRequest.objects.none()
    mine = (Q(requester__person__user=user) | Q(recipient__person__user=user)) & Q(event__is_published=True)
    return MeetingRequest.objects.filter(mine | Q(event__in=organized_events(user).values("pk")))


def visible_meetings(user: Any) -> QuerySet[Meeting]:
    if not user.is_authenticated:
        return Meeting.objects.none()
    mine = (Q(a__person__user=user) | Q(b__person__user=user)) & Q(schedule__event__is_published=True)
    organized = Q(schedule__event__in=organized_events(user).values("pk"))
    return Meeting.objects.filter(Q(schedule__status=ScheduleStatus.PUBLISHED) & (mine | organized))


def registration_for(user: Any, event: Event) -> Registration | None:
    """The user's own registration for `event`: who they act as when sending or answering requests."""
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, person__user=user).select_related("event").first()


def visible_deals(user: Any) -> QuerySet[Deal]:
    """The `outcomes.access_deal` rule as a query: the deals of the organizations the user acts for
    (`organizations_of`), every deal of the events they organize, all of them for staff."""
    if not user.is_authenticated:
        return Deal.objects.none()
    own = Q(pk__in=deals_of(organizations_of(user)).values("pk"))
    return Deal.objects.filter(own | Q(event__in=organized_events(user).values("pk")))
