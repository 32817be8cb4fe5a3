"""Alliance staff read the audit log, filtered by action, event and person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smexchange.accounts.forms import AuditFilterForm
from smexchange.common.models import AuditEntry
from smexchange.common.pagination import paginate, query_without_page


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()
    if form.is_valid():
        if form.cleaned_data["action"]:
            entries = entries.filter(action=form.cleaned_data["action"])
        if form.cleaned_data["event"]:
            entries = entries.filter(event_slug=form.cleaned_data["event"])
        if form.cleaned_data["actor"]:
            entries = entries.filter(actor_label__icontains=form.cleaned_data["actor"])
    context = {
        "form": form,
        "page": paginate(request, entries, per_page=50),
        "query": query_without_page(request),
    }
    return render(request, "accounts/audit_log.html", context)
