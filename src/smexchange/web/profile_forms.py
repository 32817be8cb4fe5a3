"""Forms for a delegate writing their organization's cooperation profiles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.common.fields import country_choices
from smexchange.common.labels import label_choices, localized
from smexchange.common.widgets import FastSelectMultiple
from smexchange.directory.enums import COOPERATION_TYPE_CHOICES, Direction, ProfileVisibility
from smexchange.directory.models import CooperationProfile
from smexchange.directory.services import ItemSpec
from smexchange.vocab import isic
from smexchange.vocab.languages import languages

MAX_ITEMS = 20


def division_choices() -> list[tuple[str, Any]]:
    return [(division.code, localized(division.label)) for division in isic.DIVISIONS.values()]


class CooperationProfileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(label=_("Language of the text"), required=False)
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        required=False,
        help_text=_("Leave empty to use your organization's sectors."),
        widget=FastSelectMultiple(attrs={"size": 6}),
    )
    target_countries = forms.MultipleChoiceField(
        label=_("Target countries"), required=False, widget=FastSelectMultiple(attrs={"size": 6})
    )
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=ProfileVisibility.choices,
        initial=ProfileVisibility.PUBLIC,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", "—"), *label_choices(languages())]
        self.fields["sectors"].choices = division_choices()
        self.fields["target_countries"].choices = country_choices()

    def clean_visibility(self) -> str:
        return str(self.cleaned_data.get("visibility") or ProfileVisibility.PUBLIC)

    @staticmethod
    def initial_from(profile: CooperationProfile) -> dict[str, Any]:
        return {
            "title": profile.title,
            "description": profile.description,
            "language": profile.language,
            "sectors": [sector.code for sector in profile.sectors.all() if sector.is_division],
            "target_countries": list(profile.target_countries),
            "expires_on": profile.expires_on,
            "visibility": profile.visibility,
        }


class CooperationItemForm(forms.Form):
    # Blank first choices: an untouched extra row submits nothing rather than a default offer.
    direction = forms.ChoiceField(label=_("Offer or request"), required=False)
    cooperation_type = forms.ChoiceField(label=_("Cooperation type"), required=False)
    text = forms.CharField(
        label=_("What exactly"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = [("", "—"), *Direction.choices]
        self.fields["cooperation_type"].choices = [("", "—"), *COOPERATION_TYPE_CHOICES]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        filled = data.get("direction") or data.get("cooperation_type") or data.get("text")
        if filled and not data.get("direction"):
            self.add_error("direction", _("Say whether this is an offer or a request."))
        if filled and not data.get("cooperation_type"):
            self.add_error("cooperation_type", _("Choose a cooperation type."))
        return data

    def spec(self) -> ItemSpec | None:
        data = self.cleaned_data
        if data.get("DELETE") or not data.get("direction"):
            return None
        return ItemSpec(data["direction"], data["cooperation_type"], data.get("text", "").strip())


CooperationItemFormSet = forms.formset_factory(
    CooperationItemForm, extra=2, can_delete=True, max_num=MAX_ITEMS, validate_max=True
)


def item_initial(profile: CooperationProfile) -> list[dict[str, str]]:
    return [
        {"direction": item.direction, "cooperation_type": item.cooperation_type, "text": item.text}
        for item in profile.items.all()
    ]
