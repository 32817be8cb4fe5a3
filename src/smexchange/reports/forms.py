from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.reports.enums import ReportFormat
from smexchange.reports.models import EventSummary


class ReportRunForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=ReportFormat.choices, initial=ReportFormat.PDF)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("en", _("English")), ("zh-hans", _("Simplified Chinese"))],
        initial="en",
    )


class EventSummaryForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = EventSummary
        fields = ["text_en", "text_zh"]
        widgets = {
            "text_en": forms.Textarea(attrs={"rows": 12}),
            "text_zh": forms.Textarea(attrs={"rows": 12, "lang": "zh-Hans"}),
        }
