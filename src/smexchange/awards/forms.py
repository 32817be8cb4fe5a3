from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.awards.models import Award, Criterion
from smexchange.directory.models import Person
from smexchange.events.enums import ProgrammeKind
from smexchange.events.models import Event, ProgrammeItem


class AwardForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=200, required=False)
    slug = forms.SlugField(label=_("Short name in the address"), max_length=100)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    laureate_count = forms.IntegerField(
        label=_("Number of laureates"), min_value=1, max_value=100, initial=10
    )
    scale_min = forms.DecimalField(
        label=_("Lowest score"), max_digits=4, decimal_places=1, initial=Decimal("0")
    )
    scale_max = forms.DecimalField(
        label=_("Highest score"), max_digits=4, decimal_places=1, initial=Decimal("10")
    )
    ceremony = forms.ModelChoiceField(
        label=_("Award presentation"), queryset=ProgrammeItem.objects.none(), required=False
    )
    standard_criteria = forms.BooleanField(
        label=_("With the six standard criteria"), required=False, initial=True
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ceremony"].queryset = event.programme.filter(kind=ProgrammeKind.AWARD_PRESENTATION)
        self.fields["year"].initial = event.starts_on.year


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=100, required=False)
    weight = forms.DecimalField(label=_("Weight"), max_digits=5, decimal_places=2, initial=Decimal("1"))


class NominationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Nominee"), queryset=Person.objects.none())
    citation = forms.CharField(label=_("Citation"), widget=forms.Textarea(attrs={"rows": 3}))
    citation_zh = forms.CharField(
        label=_("Chinese citation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, award: Award, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The event's participants, less those already nominated.
        self.fields["person"].queryset = (
            Person.objects.filter(registrations__event=award.event)
            .exclude(nominations__award=award)
            .select_related("organization")
            .order_by("family_name", "given_name", "id")
        )


class JurorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the juror's account"))


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


def score_card_values(data: Any, criteria: list[Criterion]) -> dict[Criterion, str]:
    """The submitted score of each criterion, as typed: the service checks and names bad ones."""
    return {criterion: data.get(f"criterion-{criterion.pk}", "").strip() for criterion in criteria}
