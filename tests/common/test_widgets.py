"""The Python-rendered selects write exactly the markup Django's own select templates write."""

from __future__ import annotations

import pytest
from django import forms

from smexchange.common.widgets import FastSelect, FastSelectMultiple
from smexchange.web.forms import DirectoryFilterForm, sector_choices

CHOICES = [
    ("", "All"),
    ("Fruit", [("a", "Apple <b>"), ("b", 'Banana "ripe"')]),
    ("c", "Cherry & co"),
    (3, "three"),
]


def _rendered(widget: forms.Widget, data: dict[str, object], field: type[forms.Field]) -> str:
    class Form(forms.Form):
        x = field(choices=CHOICES, widget=widget)

    return str(Form(data)["x"])


@pytest.mark.parametrize(
    ("django_widget", "fast_widget", "field", "value"),
    [
        (forms.Select, FastSelect, forms.ChoiceField, "b"),
        (forms.Select, FastSelect, forms.ChoiceField, "<script>"),  # invalid: error attributes too
        (forms.SelectMultiple, FastSelectMultiple, forms.MultipleChoiceField, ["a", "3"]),
    ],
)
def test_fast_selects_write_the_markup_of_djangos_templates(django_widget, fast_widget, field, value):
    attrs = {"size": 6, "data-note": '"quoted" & <b>', "disabled": False, "autofocus": True}
    expected = _rendered(django_widget(attrs=attrs), {"x": value}, field)
    assert _rendered(fast_widget(attrs=attrs), {"x": value}, field) == expected
    assert "Apple &lt;b&gt;" in expected  # labels and attribute values are escaped


def test_directory_filter_keeps_the_chosen_country_and_sector_selected():
    html = str(DirectoryFilterForm({"country": "BR", "sector": "C31"}).as_p())
    assert '<option value="BR" selected>' in html
    assert '<option value="C31" selected>' in html
    assert html.count("<option") == html.count("</option>") >= len(sector_choices())
