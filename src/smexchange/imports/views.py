"""The organizer's imports of an event: upload a file, see every problem or what it would create, import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.events.access import access_event_as_organizer
from smexchange.imports.enums import ImportStatus
from smexchange.imports.forms import ImportUploadForm
from smexchange.imports.models import ImportRun
from smexchange.imports.services import apply_import_run, check_upload

RECENT_RUNS = 50


@login_required
def imports_home(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = check_upload(
            event,
            kind=form.cleaned_data["kind"],
            content=form.cleaned_data["content"],
            file_name=upload.name,
            user=request.user,
        )
        return redirect("imports:detail", slug=slug, pk=run.pk)
    runs = ImportRun.objects.filter(event=event).select_related("created_by").defer("content")[:RECENT_RUNS]
    return render(request, "imports/imports.html", {"event": event, "form": form, "runs": runs})


@login_required
def import_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    run = get_object_or_404(
        ImportRun.objects.defer("content").select_related("created_by"), event=event, pk=pk
    )
    return render(
        request,
        "imports/run.html",
        {"event": event, "run": run, "ready": run.status == ImportStatus.CHECKED},
    )


@login_required
@require_POST
def apply_import(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    run = get_object_or_404(ImportRun.objects.defer("content"), event=event, pk=pk)
    with errors_as_messages(request):
        run = apply_import_run(run)
        if run.status == ImportStatus.IMPORTED:
            messages.success(request, _("Imported: %(count)s new records.") % {"count": run.created})
        else:
            messages.error(request, _("Nothing was imported: the file no longer fits the data (see below)."))
    return redirect("imports:detail", slug=slug, pk=pk)
