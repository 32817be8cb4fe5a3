from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.events.enums import ATTENDING_STATUSES, ParticipantRole
from smexchange.events.models import Booth, Event, Registration, Table, TimeSlot
from smexchange.matchmaking.enums import RequestStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, ParticipantGroup
from smexchange.matchmaking.services.runs import MAX_TIME_LIMIT


class MeetingRequestForm(forms.Form):
    recipient = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AvailabilityForm(forms.Form):
    available = forms.ModelMultipleChoiceField(
        label=_("Slots in which you can meet"),
        queryset=TimeSlot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, slots: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["available"].queryset = slots


class ScheduleRunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=MAX_TIME_LIMIT, initial=30
    )
    seed = forms.IntegerField(label=_("Seed"), min_value=0, initial=0)
    lock_published = forms.BooleanField(
        label=_("Keep published meetings where they are (repair)"), required=False
    )


class MoveMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=TimeSlot.objects.none())
    table = forms.ModelChoiceField(label=_("Table"), queryset=Table.objects.none())

    def __init__(self, *args: Any, schedule: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = schedule.event
        self.fields["meeting"].queryset = schedule.meetings.filter(table__isnull=False).select_related(
            "a__person", "b__person", "slot"
        )
        self.fields["slot"].queryset = TimeSlot.objects.filter(session__event=event).order_by("starts_at")
        self.fields["table"].queryset = event.tables.order_by("code")


class BookMeetingForm(forms.Form):
    """Book an accepted request into a slot of a draft schedule, at a table or a booth."""

    request = forms.ModelChoiceField(label=_("Accepted request"), queryset=MeetingRequest.objects.none())
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=TimeSlot.objects.none())
    table = forms.ModelChoiceField(label=_("Table"), queryset=Table.objects.none(), required=False)
    booth = forms.ModelChoiceField(label=_("Booth"), queryset=Booth.objects.none(), required=False)

    def __init__(self, *args: Any, schedule: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = schedule.event
        self.fields["request"].queryset = MeetingRequest.objects.filter(
            event=event, status=RequestStatus.ACCEPTED
        ).select_related("requester__person", "recipient__person")
        self.fields["slot"].queryset = TimeSlot.objects.filter(session__event=event).select_related("session")
        self.fields["table"].queryset = event.tables.order_by("code")
        self.fields["booth"].queryset = event.booths.order_by("code")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if bool(data.get("table")) == bool(data.get("booth")):
            raise forms.ValidationError(_("Choose either a table or a booth."))
        return data


class MatchmakingSetupForm(forms.Form):
    tables = forms.IntegerField(label=_("Meeting tables"), min_value=0, max_value=2000)
    max_requests_per_participant = forms.IntegerField(
        label=_("Requests a participant may send"), min_value=1, max_value=1000, required=False
    )
    max_meetings_per_participant = forms.IntegerField(
        label=_("Meetings per participant"), min_value=1, max_value=200, required=False
    )
    request_expiry_hours = forms.IntegerField(
        label=_("Hours to answer a request"), min_value=1, max_value=24 * 60, required=False
    )


class ParticipantGroupForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=80)
    request_quota = forms.IntegerField(
        label=_("Requests a member may send"), min_value=1, max_value=1000, required=False
    )


class _GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class _RegistrationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person} ({obj.organization}, {obj.get_role_display()})"


class GroupMembersForm(forms.Form):
    """Put the ticked participants into a group; `role` narrows a long list (a GET filter on the page)."""

    group = _GroupChoiceField(label=_("Group"), queryset=ParticipantGroup.objects.none())
    registrations = _RegistrationChoiceField(
        label=_("Participants"), queryset=Registration.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, event: Event, role: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = ParticipantGroup.objects.filter(event=event).order_by("name")
        registrations = (
            Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES)
            .select_related("person", "organization")
            .order_by("person__family_name", "person__given_name", "id")
        )
        if role in ParticipantRole.values:
            registrations = registrations.filter(role=role)
        self.fields["registrations"].queryset = registrations


class MeetingRuleForm(forms.Form):
    group_a = _GroupChoiceField(label=_("Members of"), queryset=ParticipantGroup.objects.none())
    group_b = _GroupChoiceField(label=_("may meet members of"), queryset=ParticipantGroup.objects.none())

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = ParticipantGroup.objects.filter(event=event).order_by("name")
        self.fields["group_a"].queryset = groups
        self.fields["group_b"].queryset = groups
