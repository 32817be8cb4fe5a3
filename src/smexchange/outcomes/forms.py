from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.directory.enums import COOPERATION_TYPE_CHOICES
from smexchange.events.enums import ProgrammeKind
from smexchange.events.models import ProgrammeItem
from smexchange.outcomes.enums import NEXT_STAGES, DealStage, FollowUpResult
from smexchange.outcomes.validators import validate_currency_code

COMMON_CURRENCIES = ["CNY", "USD", "EUR", "GBP", "JPY", "BRL", "INR", "KRW", "HKD", "AUD", "CAD", "RUB"]


class FollowUpForm(forms.Form):
    result = forms.ChoiceField(
        label=_("What came of the meeting?"), choices=FollowUpResult.choices, widget=forms.RadioSelect
    )
    cooperation_type = forms.ChoiceField(
        label=_("Cooperation type"), choices=[("", "—"), *COOPERATION_TYPE_CHOICES], required=False
    )
    estimated_value = forms.DecimalField(
        label=_("Estimated value"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("ISO 4217 code, e.g. CNY, USD, EUR."),
        widget=forms.TextInput(attrs={"list": "currencies", "size": 4, "autocomplete": "off"}),
    )
    next_step = forms.CharField(
        label=_("Next step"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_currency(self) -> str:
        code = str(self.cleaned_data.get("currency") or "").strip().upper()
        validate_currency_code(code)
        return code


class OnBehalfFollowUpForm(FollowUpForm):
    organization = forms.TypedChoiceField(label=_("For"), coerce=int, choices=())

    field_order = ["organization"]

    def __init__(self, *args: Any, sides: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = sides


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"), choices=())
    signed_on = forms.DateField(
        label=_("Signed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, stage: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [(value, DealStage(value).label) for value in NEXT_STAGES[stage]]


class DocumentForm(forms.Form):
    document = forms.FileField(
        label=_("Agreement document"),
        help_text=_("PDF, Word (DOCX) or an image (PNG, JPEG)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.png,.jpg,.jpeg"}),
    )


class CeremonyForm(forms.Form):
    ceremony = forms.ModelChoiceField(label=_("Signing ceremony"), queryset=ProgrammeItem.objects.none())

    def __init__(self, *args: Any, event: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ceremony"].queryset = ProgrammeItem.objects.filter(
            event=event, kind=ProgrammeKind.SIGNING_CEREMONY
        ).order_by("starts_at")
