"""The page /settings/api-tokens/: create a personal API token (its secret shown once) and revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.api import services
from smexchange.api.forms import ApiTokenForm
from smexchange.api.models import ApiToken


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    secret = None
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            _token, secret = services.create_api_token(request.user, name=form.cleaned_data["name"])
            form = ApiTokenForm()
    else:
        form = ApiTokenForm()
    context = {
        "form": form,
        "secret": secret,
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id"),
    }
    response = render(request, "api/tokens.html", context)
    if secret:
        # The secret is on this page only: never from a cache or the back button.
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's token id answers 404, like any object that is not one's own.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_api_token(token)
    messages.success(request, _("Token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api-tokens:list")
