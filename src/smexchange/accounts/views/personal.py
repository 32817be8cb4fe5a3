"""A participant's own data: see what is held, download it, delete the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.accounts.forms import DeleteAccountForm
from smexchange.accounts.personal_data import delete_account, export_personal_data, personal_data_of


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    data = personal_data_of(request.user)
    return render(
        request, "accounts/my_data.html", {"data": data, "form": DeleteAccountForm(user=request.user)}
    )


@login_required
@require_POST
def export_data(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(export_personal_data(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="sme-exchange-personal-data.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account_view(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Your account and personal data are deleted."))
        return redirect("web:home")
    return render(request, "accounts/delete_account.html", {"form": form}, status=400 if form.errors else 200)
