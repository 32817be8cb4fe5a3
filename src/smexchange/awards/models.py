from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smexchange.awards.enums import AwardStatus
from smexchange.directory.models import Organization, Person
from smexchange.events.models import Event, ProgrammeItem
from smexchange.vocab.labels import Label

# Every award's scale lies within these bounds: the one part of the scale rule the database can hold
# on the score row itself (a CHECK cannot read the award's own bounds); services check the rest.
SCALE_FLOOR = Decimal("0")
SCALE_CEILING = Decimal("100")


def _in_language(en: str, zh: str) -> str:
    return Label("", en, zh or en).in_language(get_language())


class AwardQuerySet(models.QuerySet[Any]):
    def published(self) -> AwardQuerySet:
        return self.filter(status=AwardStatus.PUBLISHED, event__is_published=True)


class Award(models.Model):
    """An award given at an event (e.g. Top Ten Chinese SME Entrepreneurs 2009), judged by a jury."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="awards", verbose_name=_("event"))
    ceremony = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("award presentation"),
        help_text=_("The programme item where the laureates receive the award."),
    )
    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)
    laureate_count = models.PositiveSmallIntegerField(_("number of laureates"), default=10)
    scale_min = models.DecimalField(_("lowest score"), max_digits=4, decimal_places=1, default=Decimal("0"))
    scale_max = models.DecimalField(_("highest score"), max_digits=4, decimal_places=1, default=Decimal("10"))
    status = models.CharField(
        _("status"), max_length=20, choices=AwardStatus.choices, default=AwardStatus.NOMINATING
    )
    closed_at = models.DateTimeField(_("jury closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["event", "-year", "name"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="award_slug_once_per_event"),
            models.CheckConstraint(condition=Q(scale_max__gt=F("scale_min")), name="award_scale_not_empty"),
            models.CheckConstraint(
                condition=Q(scale_min__gte=SCALE_FLOOR) & Q(scale_max__lte=SCALE_CEILING),
                name="award_scale_within_bounds",
            ),
            models.CheckConstraint(condition=Q(laureate_count__gte=1), name="award_has_laureates"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("The highest score must be above the lowest.")})

    @property
    def title(self) -> str:
        return _in_language(self.name, self.name_zh)

    @property
    def summary(self) -> str:
        return _in_language(self.description, self.description_zh)


class Criterion(models.Model):
    """One weighted criterion of an award (innovation, vision, ...)."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=Decimal("1"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["award", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["award", "name"], name="criterion_name_once"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        return _in_language(self.name, self.name_zh)


class Nomination(models.Model):
    """A nominee of an award: a person of the directory, an organization, or a person for their organization."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("person"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("organization"),
    )
    citation = models.TextField(_("citation"))
    citation_zh = models.TextField(_("Chinese citation"), blank=True)
    nominated_at = models.DateTimeField(_("nominated at"))

    class Meta:
        ordering = ["award", "nominated_at", "id"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organization__isnull=False),
                name="nomination_has_nominee",
            ),
            models.UniqueConstraint(
                fields=["award", "person"], condition=Q(person__isnull=False), name="nomination_person_once"
            ),
            models.UniqueConstraint(
                fields=["award", "organization"],
                condition=Q(person__isnull=True),
                name="nomination_organization_once",
            ),
        ]

    def __str__(self) -> str:
        return self.nominee_name

    @property
    def nominee_name(self) -> str:
        if self.person_id is not None:
            return self.person.display_name
        return self.organization.display_name if self.organization_id is not None else ""

    @property
    def sort_name(self) -> str:
        """The name the tie rule compares: Latin script where there is one."""
        if self.person_id is not None:
            return self.person.latin_name
        return (self.organization.name_latin or self.organization.name) if self.organization_id else ""

    @property
    def citation_text(self) -> str:
        return _in_language(self.citation, self.citation_zh)


class Juror(models.Model):
    """A member of an award's jury: a user who scores, shown by their directory entry where there is one."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="jurors")
    # A deleted account leaves its juror behind without a user: the scores it gave are part of
    # how the award was decided and must not vanish (nor the ranking change) with the account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="juries",
        verbose_name=_("user"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="juries",
        verbose_name=_("person"),
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["award", "id"]
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [models.UniqueConstraint(fields=["award", "user"], name="juror_once_per_award")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.person_id is not None:
            return self.person.display_name
        if self.user is None:
            return str(_("Former juror #%(number)s") % {"number": self.pk})
        return str(self.user.get_full_name() or self.user.email or self.user.get_username())


class ConflictOfInterest(models.Model):
    """A juror's declared conflict with a nominee: that juror does not score it, and no score of theirs counts."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["juror", "nomination"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["juror", "nomination"], name="conflict_once")]

    def __str__(self) -> str:
        return f"{self.juror} ↔ {self.nomination}"


class Score(models.Model):
    """One juror's score of one nominee on one criterion."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="scores")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=4, decimal_places=1)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["juror", "nomination", "criterion__position", "criterion"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["juror", "nomination", "criterion"], name="score_once"),
            models.CheckConstraint(
                condition=Q(value__gte=SCALE_FLOOR) & Q(value__lte=SCALE_CEILING), name="score_within_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.juror} · {self.nomination} · {self.criterion}: {self.value}"


class Laureate(models.Model):
    """A published laureate: the ranking's top places as they stood when the award was published."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="laureates")
    nomination = models.OneToOneField(Nomination, on_delete=models.CASCADE, related_name="laureate")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=3)
    jurors = models.PositiveSmallIntegerField(_("jurors counted"))

    class Meta:
        ordering = ["award", "rank"]
        verbose_name = _("laureate")
        verbose_name_plural = _("laureates")
        constraints = [
            models.UniqueConstraint(fields=["award", "rank"], name="laureate_rank_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="laureate_rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.nomination}"
