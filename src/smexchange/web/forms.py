"""Filter forms of the public listings; invalid filter values are ignored, not errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.common.fields import country_choices
from smexchange.common.labels import localized
from smexchange.common.widgets import FastSelect
from smexchange.directory.enums import COOPERATION_TYPE_CHOICES, ORGANIZATION_KIND_CHOICES
from smexchange.events.enums import EventKind
from smexchange.vocab import isic


def sector_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [("", _("All sectors"))]
    for code, section in isic.SECTIONS.items():
        choices.append((code, localized(section)))
        choices += [
            (division.code, localized(division.label))
            for division in isic.DIVISIONS.values()
            if division.section == code
        ]
    return choices


def _with_all(choices: list[tuple[str, Any]], label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=FastSelect)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=FastSelect)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    cooperation_type = forms.ChoiceField(label=_("Cooperation type"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _with_all(country_choices(), _("All countries"))
        self.fields["sector"].choices = sector_choices()
        self.fields["kind"].choices = _with_all(ORGANIZATION_KIND_CHOICES, _("All kinds"))
        self.fields["cooperation_type"].choices = _with_all(
            COOPERATION_TYPE_CHOICES, _("All cooperation types")
        )

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters; a tampered value is dropped rather than shown as an error."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=FastSelect)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _with_all(list(EventKind.choices), _("All kinds"))
        self.fields["country"].choices = _with_all(country_choices(), _("All countries"))

    def filters(self) -> dict[str, Any]:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
