from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.common.models import AuditAction
from smexchange.directory.models import Organization
from smexchange.events.enums import ParticipantRole
from smexchange.events.models import Event


class InvitationForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    email = forms.EmailField(label=_("Delegate's e-mail"))
    role = forms.ChoiceField(
        label=_("Participant role"), choices=ParticipantRole.choices, initial=ParticipantRole.ENTREPRENEUR
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organization.objects.filter(registrations__event=event).distinct().order_by("name")


class AcceptInvitationForm(forms.Form):
    given_name = forms.CharField(label=_("Given name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return str(password)


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What"), choices=[("", _("all")), *AuditAction.choices], required=False
    )
    event = forms.SlugField(label=_("Event"), required=False)
    actor = forms.CharField(label=_("Who"), required=False, max_length=254)
