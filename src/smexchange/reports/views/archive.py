"""The public archive of previous events, and staff's editing of each event's summary."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from smexchange.common.feedback import errors_as_messages
from smexchange.common.pagination import paginate
from smexchange.events.queries import headline_figures
from smexchange.reports import queries
from smexchange.reports.access import access_summary_as_staff
from smexchange.reports.forms import EventSummaryForm
from smexchange.reports.services import (
    draft_event_summary,
    edit_event_summary,
    publish_event_summary,
    unpublish_event_summary,
)

PER_PAGE = 20


def archive_index(request: HttpRequest) -> HttpResponse:
    page = paginate(request, queries.published_summaries(), per_page=PER_PAGE)
    return render(request, "reports/archive_index.html", {"page": page})


def archive_event(request: HttpRequest, slug: str) -> HttpResponse:
    summary = queries.published_summary(slug)
    chinese_first = (get_language() or "").lower().startswith("zh")
    context = {
        "summary": summary,
        "event": summary.event,
        "figures": headline_figures(summary.event),
        "chinese_first": chinese_first,
    }
    return render(request, "reports/archive_event.html", context)


@login_required
def edit_summary(request: HttpRequest, slug: str) -> HttpResponse:
    event, summary = access_summary_as_staff(request.user, slug)
    form = EventSummaryForm(instance=summary)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        with errors_as_messages(request):
            if action == "draft":
                draft_event_summary(event)
                messages.success(request, _("The summary was drafted from the event's records."))
            elif summary is not None and action in ("save", "publish"):
                form = EventSummaryForm(request.POST, instance=summary)
                if not form.is_valid():
                    return render(
                        request,
                        "reports/summary_edit.html",
                        {"event": event, "summary": summary, "form": form},
                    )
                edit_event_summary(
                    summary, text_en=form.cleaned_data["text_en"], text_zh=form.cleaned_data["text_zh"]
                )
                if action == "publish":
                    publish_event_summary(summary)
                    messages.success(request, _("The summary is published in the archive."))
                else:
                    messages.success(request, _("The summary was saved."))
            elif summary is not None and action == "unpublish":
                unpublish_event_summary(summary)
                messages.success(request, _("The summary was taken out of the archive."))
        return redirect("reports:edit_summary", slug=event.slug)
    return render(request, "reports/summary_edit.html", {"event": event, "summary": summary, "form": form})
