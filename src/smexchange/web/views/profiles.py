"""A delegate's pages for their organization's cooperation profiles: list, write, publish, withdraw.

Only delegates of the organization reach its profiles; anyone else gets 404, so profile ids
say nothing about which exist. Every change queues the recommendations it affects.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.directory import services
from smexchange.directory.models import CooperationProfile, Organization
from smexchange.matchmaking.services.recommendations import refresh_after_profile_change
from smexchange.web.profile_forms import CooperationItemFormSet, CooperationProfileForm, item_initial


def _organization_of(request: HttpRequest) -> Organization:
    organization = services.profiles_editable_by(request.user)
    if organization is None:
        raise Http404
    return organization


def _own_profile(request: HttpRequest, pk: int) -> CooperationProfile:
    return get_object_or_404(CooperationProfile, pk=pk, organization=_organization_of(request))


@login_required
def profile_list(request: HttpRequest) -> HttpResponse:
    organization = _organization_of(request)
    profiles = organization.profiles.prefetch_related("items").order_by("-updated_at")
    return render(request, "web/profile_list.html", {"organization": organization, "profiles": profiles})


@login_required
def profile_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organization = _organization_of(request)
    profile = _own_profile(request, pk) if pk is not None else None
    if request.method == "POST":
        form = CooperationProfileForm(request.POST)
        items = CooperationItemFormSet(request.POST, prefix="items")
        if form.is_valid() and items.is_valid():
            saved = _save(request, organization, profile, form, items)
            if saved is not None:
                return redirect("web:profile_list")
    else:
        form = CooperationProfileForm(
            initial=CooperationProfileForm.initial_from(profile) if profile else None
        )
        items = CooperationItemFormSet(prefix="items", initial=item_initial(profile) if profile else None)
    context = {"organization": organization, "profile": profile, "form": form, "items": items}
    return render(request, "web/profile_edit.html", context)


def _save(
    request: HttpRequest,
    organization: Organization,
    profile: CooperationProfile | None,
    form: CooperationProfileForm,
    items: CooperationItemFormSet,
) -> CooperationProfile | None:
    specs = [spec for spec in (item.spec() for item in items.forms) if spec is not None]
    fields = {**form.cleaned_data, "items": specs}
    publish = "publish" in request.POST
    try:
        with transaction.atomic():
            if profile is None:
                profile = services.create_cooperation_profile(organization, **fields, publish=publish)
            else:
                profile = services.update_cooperation_profile(profile, **fields)
                if publish:
                    services.publish_cooperation_profile(profile)
            refresh_after_profile_change(organization)
    except ValidationError as error:  # a DomainError from a rule, or a model's own validation
        form.add_error(None, " ".join(error.messages))
        return None
    if publish:
        messages.success(request, _("Profile “%(title)s” is published.") % {"title": profile.title})
    else:
        messages.success(request, _("Profile “%(title)s” is saved.") % {"title": profile.title})
    return profile


@login_required
@require_POST
def profile_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _own_profile(request, pk)
    with transaction.atomic():
        services.withdraw_cooperation_profile(profile)
        refresh_after_profile_change(profile.organization)
    messages.success(
        request, _("Profile “%(title)s” is withdrawn from the directory.") % {"title": profile.title}
    )
    return redirect("web:profile_list")
