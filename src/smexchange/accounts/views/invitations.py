"""Invitations: organizers invite an organization's delegates; the invitee accepts through the link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.accounts.forms import AcceptInvitationForm, InvitationForm
from smexchange.accounts.models import Invitation
from smexchange.accounts.services import accept_invitation, find_invitation, invite_delegate
from smexchange.common.exceptions import DomainError
from smexchange.events.access import access_event_as_organizer


@login_required
def organizer_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = InvitationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = invite_delegate(
                event,
                organization=form.cleaned_data["organization"],
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                link=lambda token: request.build_absolute_uri(reverse("accounts:invitation", args=[token])),
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
            return redirect("accounts:invitations", slug=slug)
    invitations = Invitation.objects.filter(event=event).select_related("organization", "invited_by")[:200]
    context = {"event": event, "form": form, "invitations": invitations, "now": timezone.now()}
    return render(request, "accounts/invitations.html", context, status=400 if form.errors else 200)


def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone holding the link sees whose invitation it is; accepting needs an account (sign up first)."""
    invitation = find_invitation(token)
    if invitation is None:
        raise Http404
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                registration = accept_invitation(
                    invitation,
                    user=request.user,
                    given_name=form.cleaned_data["given_name"],
                    family_name=form.cleaned_data["family_name"],
                )
            except DomainError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Welcome: you are a delegate of %(organization)s at %(event)s.")
                    % {"organization": registration.organization, "event": registration.event.title},
                )
                return redirect("matchmaking:participant", slug=registration.event.slug)
    context = {"invitation": invitation, "form": form, "expired": invitation.expires_at <= timezone.now()}
    return render(request, "accounts/invitation.html", context, status=400 if form.errors else 200)
