from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smexchange.common.fields import CountryField
from smexchange.common.models import Sector
from smexchange.common.validators import validate_country_codes, validate_language_codes
from smexchange.directory.enums import (
    COOPERATION_TYPE_CHOICES,
    ORGANIZATION_KIND_CHOICES,
    ORGANIZATION_SIZE_CHOICES,
    Direction,
    PersonRole,
    ProfileStatus,
    ProfileVisibility,
)


def _published_profile_condition(prefix: str, today: dt.date) -> Q:
    return Q(**{f"{prefix}status": "published"}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": today})
    )


class OrganizationQuerySet(models.QuerySet[Any]):
    def search(self, text: str) -> OrganizationQuerySet:
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text)
            | Q(name_latin__icontains=text)
            | Q(city__icontains=text)
            | Q(description__icontains=text)
        )

    def in_sector(self, code: str) -> OrganizationQuerySet:
        """Organizations in a division (`C32`) or anywhere in a section (`C`)."""
        if len(code) == 1:
            return self.filter(sectors__section=code).distinct()
        return self.filter(sectors__code=code).distinct()

    def offering_or_seeking(self, cooperation_type: str) -> OrganizationQuerySet:
        condition = _published_profile_condition("profiles__", timezone.localdate())
        return self.filter(condition, profiles__items__cooperation_type=cooperation_type).distinct()

    def for_listing(self) -> OrganizationQuerySet:
        return self.prefetch_related("sectors")


class CooperationProfileQuerySet(models.QuerySet[Any]):
    def published(self, today: dt.date | None = None) -> CooperationProfileQuerySet:
        return self.filter(_published_profile_condition("", today or timezone.localdate()))

    def search(self, text: str) -> CooperationProfileQuerySet:
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(items__text__icontains=text)
            | Q(organization__name__icontains=text)
            | Q(organization__name_latin__icontains=text)
        ).distinct()

    def in_sector(self, code: str) -> CooperationProfileQuerySet:
        if len(code) == 1:
            return self.filter(sectors__section=code).distinct()
        return self.filter(sectors__code=code).distinct()

    def of_cooperation_type(self, cooperation_type: str) -> CooperationProfileQuerySet:
        return self.filter(items__cooperation_type=cooperation_type).distinct()

    def for_listing(self) -> CooperationProfileQuerySet:
        return self.select_related("organization").prefetch_related("items", "sectors")

    def visible_to(self, user: Any) -> CooperationProfileQuerySet:
        """Profiles whose visibility setting lets `user` see them (None or anonymous: public ones only).

        Registered users see profiles for registered users; participants see profiles marked for
        participants of organizations registered for an event they are registered for too;
        delegates see their own organization's; staff see all.
        """
        if user is None or not getattr(user, "is_authenticated", False):
            return self.filter(visibility=ProfileVisibility.PUBLIC)
        if user.is_staff:
            return self
        # Subqueries, not joins: joined, a profile row would repeat once per registration of every
        # event its organization shares with the viewer (5,000 at an expo), and need DISTINCT.
        shared_event = Q(
            visibility=ProfileVisibility.PARTICIPANTS,
            organization__in=Organization.objects.filter(
                registrations__event__registrations__person__user=user
            ).values("pk"),
        )
        own = Q(organization__in=Organization.objects.filter(people__user=user).values("pk"))
        return self.filter(
            Q(visibility__in=[ProfileVisibility.PUBLIC, ProfileVisibility.REGISTERED]) | shared_event | own
        )


class Organization(models.Model):
    """An SME, trade association, government body, consulate, financial firm, media outlet or institute."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("In the organization's own script."))
    name_latin = models.CharField(
        _("name in Latin script"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty if the name is in Latin script."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ORGANIZATION_KIND_CHOICES, db_index=True)
    country = CountryField(db_index=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=ORGANIZATION_SIZE_CHOICES, blank=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="organizations"
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes]
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    alliance_member_since = models.DateField(
        _("alliance member since"), null=True, blank=True, help_text=_("For members of the alliance.")
    )
    associations = models.ManyToManyField(
        "self",
        through="Membership",
        through_fields=("member", "association"),
        symmetrical=False,
        related_name="members",
        verbose_name=_("member of"),
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name_latin", "name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            models.Index(fields=["country", "kind"]),
            # The default ordering: lets a page of participants sorted by organization name be read
            # in index order instead of sorting every registration of a 5,000-participant event.
            models.Index(fields=["name_latin", "name"], name="directory_org_name_order"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name_latin and self.name_latin != self.name:
            return f"{self.name} ({self.name_latin})"
        return self.name

    @property
    def is_alliance_member(self) -> bool:
        return self.alliance_member_since is not None


class Membership(models.Model):
    """An organization's membership of a trade association."""

    member = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    association = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="member_links")
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["member", "association"], name="membership_once"),
            models.CheckConstraint(condition=~Q(member=models.F("association")), name="membership_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.association}"


class Person(models.Model):
    """A delegate, principal or official; contact details stay private (see the access rules)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="people", verbose_name=_("organization")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    name_local = models.CharField(_("name in own script"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("As printed on a badge."))
    role = models.CharField(_("role"), max_length=30, choices=PersonRole.choices, default=PersonRole.OTHER)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes]
    )
    bio = models.TextField(_("biography"), blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name

    @property
    def latin_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def display_name(self) -> str:
        if self.name_local and self.name_local != self.latin_name:
            return f"{self.name_local} ({self.latin_name})"
        return self.latin_name


class CooperationProfile(models.Model):
    """What an organization offers and seeks: the opportunity others search and match against."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="profiles", verbose_name=_("organization")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language of the text"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT, db_index=True
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    visibility = models.CharField(
        _("visible to"),
        max_length=15,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.PUBLIC,
        help_text=_("Who may see this profile in the directory, opportunities and recommendations."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="profiles")
    target_countries = models.JSONField(
        _("target countries"), default=list, blank=True, validators=[validate_country_codes]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CooperationProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("cooperation profile")
        verbose_name_plural = _("cooperation profiles")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ProfileStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="profile_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title


class CooperationItem(models.Model):
    """One offer or request of a profile, by cooperation type, with its own text."""

    profile = models.ForeignKey(CooperationProfile, on_delete=models.CASCADE, related_name="items")
    direction = models.CharField(_("direction"), max_length=5, choices=Direction.choices)
    cooperation_type = models.CharField(
        _("cooperation type"), max_length=30, choices=COOPERATION_TYPE_CHOICES
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["profile", "direction", "id"]
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        indexes = [models.Index(fields=["cooperation_type", "direction"])]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.get_cooperation_type_display()}"
