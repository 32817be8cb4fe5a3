"""Query filters of the list endpoints; an unknown value is a 400 with the field named, not an empty list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from smexchange.directory import queries as directory_queries
from smexchange.directory.enums import COOPERATION_TYPE_CHOICES, ORGANIZATION_KIND_CHOICES, ProfileStatus
from smexchange.directory.models import CooperationProfile, Organization
from smexchange.events.enums import EventKind, ParticipantRole, ProgrammeKind, RegistrationStatus
from smexchange.events.models import Event, ProgrammeItem, Registration
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.enums import DealStage
from smexchange.outcomes.models import Deal
from smexchange.vocab import isic
from smexchange.vocab.countries import countries

# Codes, not localized names: a fixed list, so the schema can name every allowed value.
COUNTRY_CODES = [(code, code) for code in sorted(countries())]
SECTOR_CODES = [(code, code) for code in [*isic.SECTIONS, *isic.DIVISIONS]]


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2200})
class YearFilter(filters.NumberFilter):
    pass


class EventFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    country = filters.ChoiceFilter(choices=COUNTRY_CODES)
    year = YearFilter(field_name="starts_on", lookup_expr="year", min_value=1900, max_value=2200)

    class Meta:
        model = Event
        fields = ["kind", "country", "year"]


class ProgrammeItemFilter(filters.FilterSet):
    event = filters.CharFilter(field_name="event__slug", max_length=100)
    kind = filters.ChoiceFilter(choices=ProgrammeKind.choices)

    class Meta:
        model = ProgrammeItem
        fields = ["event", "kind"]


class _DirectoryFilter(filters.FilterSet):
    """The web directory's filters (q, country, kind, sector, cooperation type), through the same query."""

    q = filters.CharFilter(method="filter_directory", max_length=100, label=_("Search"))
    country = filters.ChoiceFilter(choices=COUNTRY_CODES, method="filter_directory")
    kind = filters.ChoiceFilter(choices=ORGANIZATION_KIND_CHOICES, method="filter_directory")
    sector = filters.ChoiceFilter(choices=SECTOR_CODES, method="filter_directory")
    cooperation_type = filters.ChoiceFilter(choices=COOPERATION_TYPE_CHOICES, method="filter_directory")

    def filter_directory(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset  # applied together in filter_queryset, as the web listing does

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        directory = {
            key: value for key, value in self.form.cleaned_data.items() if key in self.DIRECTORY and value
        }
        rest = super().filter_queryset(queryset)
        return rest.filter(pk__in=self.directory_query(directory).values("pk"))

    DIRECTORY = ("q", "country", "kind", "sector", "cooperation_type")

    def directory_query(self, directory: dict[str, str]) -> QuerySet[Any]:
        raise NotImplementedError


class OrganizationFilter(_DirectoryFilter):
    class Meta:
        model = Organization
        fields = ["q", "country", "kind", "sector", "cooperation_type"]

    def directory_query(self, directory: dict[str, str]) -> QuerySet[Any]:
        return directory_queries.filter_organizations(directory)


class CooperationProfileFilter(_DirectoryFilter):
    organization = filters.CharFilter(field_name="organization__slug", max_length=120)
    status = filters.ChoiceFilter(choices=ProfileStatus.choices)

    class Meta:
        model = CooperationProfile
        fields = ["q", "country", "kind", "sector", "cooperation_type", "organization", "status"]

    def directory_query(self, directory: dict[str, str]) -> QuerySet[Any]:
        # The web's opportunity search, without its "published only": drafts of one's own stay visible.
        return directory_queries.narrow_profiles(CooperationProfile.objects.all(), directory)


class RegistrationFilter(filters.FilterSet):
    event = filters.CharFilter(field_name="event__slug", max_length=100)
    status = filters.ChoiceFilter(choices=RegistrationStatus.choices)
    role = filters.ChoiceFilter(choices=ParticipantRole.choices)
    country = filters.ChoiceFilter(field_name="organization__country", choices=COUNTRY_CODES)

    class Meta:
        model = Registration
        fields = ["event", "status", "role", "country"]


class MeetingRequestFilter(filters.FilterSet):
    event = filters.CharFilter(field_name="event__slug", max_length=100)
    status = filters.ChoiceFilter(choices=RequestStatus.choices)

    class Meta:
        model = MeetingRequest
        fields = ["event", "status"]


class MeetingFilter(filters.FilterSet):
    event = filters.CharFilter(field_name="schedule__event__slug", max_length=100)
    status = filters.ChoiceFilter(choices=MeetingStatus.choices)

    class Meta:
        model = Meeting
        fields = ["event", "status"]


class DealFilter(filters.FilterSet):
    event = filters.CharFilter(field_name="event__slug", max_length=100)
    stage = filters.ChoiceFilter(choices=DealStage.choices)
    cooperation_type = filters.ChoiceFilter(choices=COOPERATION_TYPE_CHOICES)
    sector = filters.ChoiceFilter(choices=SECTOR_CODES, method="filter_sector")
    country = filters.ChoiceFilter(
        choices=COUNTRY_CODES, method="filter_country", label=_("Country of a party")
    )

    class Meta:
        model = Deal
        fields = ["event", "stage", "cooperation_type", "sector", "country"]

    def filter_sector(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if len(value) == 1:
            return queryset.filter(sector__section=value)
        return queryset.filter(sector__code=value)

    def filter_country(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            pk__in=Deal.objects.filter(deal_parties__organization__country=value).values("pk")
        )
