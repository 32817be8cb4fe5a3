"""Business operations on organizations, people and cooperation profiles."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.common.models import Sector
from smexchange.common.validators import validate_country_code
from smexchange.directory.enums import ProfileStatus, ProfileVisibility
from smexchange.directory.models import CooperationItem, CooperationProfile, Membership, Organization, Person
from smexchange.vocab.isic import normalize_sector


@dataclass(frozen=True)
class ItemSpec:
    """One offer or request to put on a profile."""

    direction: str
    cooperation_type: str
    text: str = ""


def unique_slug(base: str, *, taken: Iterable[str] = ()) -> str:
    """A slug for `base` not used by any organization (nor in `taken`)."""
    return unique_slugs([base], taken=taken)[0]


def unique_slugs(bases: Sequence[str], *, taken: Iterable[str] = ()) -> list[str]:
    """Slugs for many names at once, unused by any organization, by `taken` and by each other.

    A query per thousand names plus one per stem that is already in use, rather than one per name
    and per counter tried: names without Latin letters all share the stem "organization", and an
    import of a thousand Chinese names would otherwise count up one query at a time.
    """
    roots = [slugify(base)[:100] or "organization" for base in bases]
    distinct = sorted(set(roots))
    used = set(taken)
    for start in range(0, len(distinct), 1000):
        chunk = distinct[start : start + 1000]
        used.update(Organization.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    repeated = Counter(roots)
    for root in (root for root in distinct if root in used or repeated[root] > 1):
        used.update(Organization.objects.filter(slug__startswith=f"{root}-").values_list("slug", flat=True))
    next_counter: dict[str, int] = {}
    slugs = []
    for root in roots:
        candidate, counter = root, next_counter.get(root, 2)
        while candidate in used:
            candidate = f"{root}-{counter}"
            counter += 1
        next_counter[root] = counter
        used.add(candidate)
        slugs.append(candidate)
    return slugs


def _sectors(codes: Sequence[str]) -> list[Sector]:
    normalized = []
    for code in codes:
        try:
            normalized.append(normalize_sector(code))
        except KeyError:
            raise DomainError(
                {"sectors": _("“%(code)s” is not an ISIC Rev. 4 sector code.") % {"code": code}}
            ) from None
    return list(Sector.objects.filter(code__in=normalized))


@transaction.atomic
def create_organization(
    *,
    name: str,
    kind: str,
    country: str,
    name_latin: str = "",
    slug: str = "",
    city: str = "",
    size: str = "",
    sectors: Sequence[str] = (),
    languages: Sequence[str] = (),
    website: str = "",
    description: str = "",
    alliance_member_since: dt.date | None = None,
) -> Organization:
    """Create an organization after checking every field; raises ValidationError naming the field."""
    organization = Organization(
        slug=slug or unique_slug(name_latin or name),
        name=name,
        name_latin=name_latin,
        kind=kind,
        country=country,
        city=city,
        size=size,
        languages=list(languages),
        website=website,
        description=description,
        alliance_member_since=alliance_member_since,
    )
    organization.full_clean()
    organization.save()
    organization.sectors.set(_sectors(sectors))
    return organization


@transaction.atomic
def add_membership(
    member: Organization, *, association: Organization, since: dt.date | None = None
) -> Membership:
    """Record that `member` belongs to the trade association `association`."""
    if association.kind != "association":
        raise DomainError(_("%(name)s is not a trade association.") % {"name": association})
    if member.pk == association.pk:
        raise DomainError(_("An association cannot be a member of itself."))
    membership, _created = Membership.objects.get_or_create(
        member=member, association=association, defaults={"since": since}
    )
    return membership


@transaction.atomic
def add_person(
    organization: Organization,
    *,
    given_name: str,
    family_name: str,
    name_local: str = "",
    title: str = "",
    role: str = "other",
    email: str = "",
    phone: str = "",
    languages: Sequence[str] = (),
    bio: str = "",
) -> Person:
    person = Person(
        organization=organization,
        given_name=given_name,
        family_name=family_name,
        name_local=name_local,
        title=title,
        role=role,
        email=email,
        phone=phone,
        languages=list(languages),
        bio=bio,
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def create_cooperation_profile(
    organization: Organization,
    *,
    title: str,
    items: Sequence[ItemSpec],
    description: str = "",
    language: str = "",
    sectors: Sequence[str] = (),
    target_countries: Sequence[str] = (),
    expires_on: dt.date | None = None,
    publish: bool = False,
    visibility: str = ProfileVisibility.PUBLIC,
) -> CooperationProfile:
    """Create a profile with its offers and requests, as a draft or published at once."""
    profile = CooperationProfile(
        organization=organization,
        visibility=visibility,
        title=title,
        description=description,
        language=language,
        target_countries=list(target_countries),
        expires_on=expires_on,
    )
    profile.full_clean()
    profile.save()
    profile.sectors.set(_sectors(sectors) if sectors else list(organization.sectors.all()))
    for spec in items:
        item = CooperationItem(
            profile=profile, direction=spec.direction, cooperation_type=spec.cooperation_type, text=spec.text
        )
        item.full_clean()
        item.save()
    if publish:
        publish_cooperation_profile(profile)
    return profile


@transaction.atomic
def publish_cooperation_profile(
    profile: CooperationProfile, *, now: dt.datetime | None = None
) -> CooperationProfile:
    """Make a profile public; it must offer or seek something and not be past its expiry date."""
    now = now or timezone.now()
    if not profile.items.exists():
        raise DomainError(_("A profile needs at least one offer or request before it is published."))
    if profile.expires_on and profile.expires_on < now.date():
        raise DomainError(
            _("The profile expired on %(date)s; set a later expiry date first.")
            % {"date": profile.expires_on}
        )
    profile.status = ProfileStatus.PUBLISHED
    profile.published_at = profile.published_at or now
    profile.save(update_fields=["status", "published_at", "updated_at"])
    return profile


def expire_cooperation_profiles(*, today: dt.date | None = None) -> int:
    """Mark published profiles past their expiry date as expired; returns how many changed."""
    today = today or timezone.localdate()
    return CooperationProfile.objects.filter(status=ProfileStatus.PUBLISHED, expires_on__lt=today).update(
        status=ProfileStatus.EXPIRED, updated_at=timezone.now()
    )


@dataclass(frozen=True)
class OrganizationSpec:
    """One organization for `create_organizations`: the arguments of `create_organization`."""

    name: str
    kind: str
    country: str
    name_latin: str = ""
    city: str = ""
    size: str = ""
    sectors: Sequence[str] = ()
    languages: Sequence[str] = ()
    website: str = ""
    description: str = ""
    alliance_member_since: dt.date | None = None


@transaction.atomic
def create_organizations(specs: Sequence[OrganizationSpec]) -> list[Organization]:
    """Create many organizations at once (imports, the demo world) under the rules of
    `create_organization`: every field checked (ValidationError naming the field, DomainError for an
    unknown sector), unique slugs from the names. A few queries in all instead of several each.
    """
    by_code = {
        sector.code: sector for sector in _sectors(sorted({c for spec in specs for c in spec.sectors}))
    }
    slugs = unique_slugs([spec.name_latin or spec.name for spec in specs])
    organizations = []
    for spec, slug in zip(specs, slugs, strict=True):
        organization = Organization(
            slug=slug,
            name=spec.name,
            name_latin=spec.name_latin,
            kind=spec.kind,
            country=spec.country,
            city=spec.city,
            size=spec.size,
            languages=list(spec.languages),
            website=spec.website,
            description=spec.description,
            alliance_member_since=spec.alliance_member_since,
        )
        # The country field rebuilds its choices, sorted in the active language, at every check; its
        # validator applies the same ISO list at a fraction of the cost. Slugs are unique by construction.
        try:
            validate_country_code(spec.country)
        except ValidationError as error:
            raise ValidationError({"country": error.error_list}) from None
        organization.full_clean(exclude=["country"], validate_unique=False)
        organizations.append(organization)
    Organization.objects.bulk_create(organizations)
    through = Organization.sectors.through
    through.objects.bulk_create(
        through(organization_id=organization.pk, sector_id=by_code[normalize_sector(code)].pk)
        for organization, spec in zip(organizations, specs, strict=True)
        for code in dict.fromkeys(spec.sectors)
    )
    return organizations


@dataclass(frozen=True)
class PersonSpec:
    """One person for `add_people`: the arguments of `add_person`."""

    organization: Organization
    given_name: str
    family_name: str
    name_local: str = ""
    title: str = ""
    role: str = "other"
    email: str = ""
    phone: str = ""
    languages: Sequence[str] = ()
    bio: str = ""

    def build(self) -> Person:
        """The person, unsaved and unchecked."""
        return Person(
            organization=self.organization,
            given_name=self.given_name,
            family_name=self.family_name,
            name_local=self.name_local,
            title=self.title,
            role=self.role,
            email=self.email,
            phone=self.phone,
            languages=list(self.languages),
            bio=self.bio,
        )


@transaction.atomic
def add_people(specs: Sequence[PersonSpec]) -> list[Person]:
    """Add many people to their (saved) organizations at once, each checked as `add_person` does."""
    people = []
    for spec in specs:
        person = spec.build()
        # The organization is a saved instance: checking that it exists would cost a query per person.
        person.full_clean(exclude=["organization"])
        people.append(person)
    return Person.objects.bulk_create(people)


@transaction.atomic
def add_memberships(
    entries: Sequence[tuple[Organization, Organization, dt.date | None]],
) -> list[Membership]:
    """Record many (member, association, since) memberships; the rules of `add_membership`, and
    memberships that exist already are kept as they are."""
    for member, association, _since in entries:
        if association.kind != "association":
            raise DomainError(_("%(name)s is not a trade association.") % {"name": association})
        if member.pk == association.pk:
            raise DomainError(_("An association cannot be a member of itself."))
    members = {member.pk for member, _association, _since in entries}
    existing = set(
        Membership.objects.filter(member_id__in=members).values_list("member_id", "association_id")
    )
    fresh: dict[tuple[int, int], Membership] = {}
    for member, association, since in entries:
        key = (member.pk, association.pk)
        if key not in existing and key not in fresh:
            fresh[key] = Membership(member=member, association=association, since=since)
    return Membership.objects.bulk_create(fresh.values())


@dataclass(frozen=True)
class ProfileSpec:
    """One profile for `create_cooperation_profiles`; `published_at` set publishes it at that moment."""

    organization: Organization
    title: str
    items: Sequence[ItemSpec]
    description: str = ""
    language: str = ""
    sectors: Sequence[str] = ()
    target_countries: Sequence[str] = ()
    expires_on: dt.date | None = None
    published_at: dt.datetime | None = None


def _check_publishable(spec: ProfileSpec) -> None:
    if spec.published_at is None:
        return
    if not spec.items:
        raise DomainError(_("A profile needs at least one offer or request before it is published."))
    if spec.expires_on and spec.expires_on < spec.published_at.date():
        raise DomainError(
            _("The profile expired on %(date)s; set a later expiry date first.") % {"date": spec.expires_on}
        )


@transaction.atomic
def create_cooperation_profiles(specs: Sequence[ProfileSpec]) -> list[CooperationProfile]:
    """Create many profiles with their offers and requests (imports, the demo world) under the rules
    of `create_cooperation_profile` and `publish_cooperation_profile`; a profile without sectors
    takes its organization's. A few queries in all instead of about ten per profile.
    """
    by_code = {
        sector.code: sector for sector in _sectors(sorted({c for spec in specs for c in spec.sectors}))
    }
    through = Organization.sectors.through
    organization_sectors: dict[int, list[str]] = {}
    for organization_id, sector_id in through.objects.filter(
        organization_id__in={spec.organization.pk for spec in specs}
    ).values_list("organization_id", "sector_id"):
        organization_sectors.setdefault(organization_id, []).append(sector_id)
    profiles, items = [], []
    for spec in specs:
        _check_publishable(spec)
        profile = CooperationProfile(
            organization=spec.organization,
            title=spec.title,
            description=spec.description,
            language=spec.language,
            target_countries=list(spec.target_countries),
            expires_on=spec.expires_on,
            status=ProfileStatus.PUBLISHED if spec.published_at else ProfileStatus.DRAFT,
            published_at=spec.published_at,
        )
        # The organization is a saved instance: checking that it exists would cost a query per profile.
        profile.full_clean(exclude=["organization"])
        profiles.append(profile)
        for item_spec in spec.items:
            item = CooperationItem(
                direction=item_spec.direction,
                cooperation_type=item_spec.cooperation_type,
                text=item_spec.text,
            )
            item.full_clean(exclude=["profile"])
            items.append((profile, item))
    CooperationProfile.objects.bulk_create(profiles)
    for profile, item in items:
        item.profile = profile
    CooperationItem.objects.bulk_create(item for _profile, item in items)
    profile_sectors = CooperationProfile.sectors.through
    profile_sectors.objects.bulk_create(
        profile_sectors(cooperationprofile_id=profile.pk, sector_id=code)
        for profile, spec in zip(profiles, specs, strict=True)
        for code in (
            dict.fromkeys(by_code[normalize_sector(c)].pk for c in spec.sectors)
            if spec.sectors
            else organization_sectors.get(spec.organization.pk, [])
        )
    )
    return profiles


def profiles_editable_by(user: Any) -> Organization | None:
    """The organization whose profiles `user` may write: the one they are a delegate of."""
    if not getattr(user, "is_authenticated", False):
        return None
    person = Person.objects.filter(user=user).select_related("organization").order_by("id").first()
    return person.organization if person else None


@transaction.atomic
def update_cooperation_profile(
    profile: CooperationProfile,
    *,
    title: str,
    items: Sequence[ItemSpec],
    description: str = "",
    language: str = "",
    sectors: Sequence[str] = (),
    target_countries: Sequence[str] = (),
    expires_on: dt.date | None = None,
    visibility: str | None = None,
) -> CooperationProfile:
    """Replace a profile's text, sectors, targets and offers and requests; a published one stays published.

    A published profile must keep at least one offer or request, and a new expiry date in the past
    is refused, so an edit never leaves a published profile that could not have been published.
    """
    if profile.status == ProfileStatus.PUBLISHED and not items:
        raise DomainError(
            _("Profile %(title)s is published: it needs at least one offer or request.")
            % {"title": profile.title}
        )
    if profile.status == ProfileStatus.PUBLISHED and expires_on and expires_on < timezone.localdate():
        raise DomainError(
            _("Profile %(title)s is published: its expiry date cannot be in the past.")
            % {"title": profile.title}
        )
    profile.title = title
    profile.description = description
    profile.language = language
    profile.target_countries = list(target_countries)
    profile.expires_on = expires_on
    if visibility is not None:
        profile.visibility = visibility
    profile.full_clean()
    profile.save()
    profile.sectors.set(_sectors(sectors) if sectors else list(profile.organization.sectors.all()))
    profile.items.all().delete()
    for spec in items:
        item = CooperationItem(
            profile=profile, direction=spec.direction, cooperation_type=spec.cooperation_type, text=spec.text
        )
        item.full_clean()
        item.save()
    return profile


@transaction.atomic
def withdraw_cooperation_profile(profile: CooperationProfile) -> CooperationProfile:
    """Take a profile off the directory (back to a draft); it keeps its first publication date."""
    profile.status = ProfileStatus.DRAFT
    profile.save(update_fields=["status", "updated_at"])
    return profile
