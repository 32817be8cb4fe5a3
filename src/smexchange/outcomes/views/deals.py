"""A participant's deals: the list, and one deal with its stages, ceremony and agreement document."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.common.pagination import paginate
from smexchange.outcomes import queries
from smexchange.outcomes.access import access_deal
from smexchange.outcomes.forms import CeremonyForm, DocumentForm, StageForm
from smexchange.outcomes.rules import organizations_of
from smexchange.outcomes.services.deals import (
    advance_deal_stage,
    attach_agreement_document,
    link_deal_to_ceremony,
)


@login_required
def deal_list(request: HttpRequest) -> HttpResponse:
    deals = queries.deals_of(organizations_of(request.user))
    return render(request, "outcomes/deal_list.html", {"deals": paginate(request, deals, per_page=25)})


@login_required
def deal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    deal = access_deal(request.user, pk)
    context = {
        "deal": deal,
        "parties": deal.parties.all(),
        "changes": deal.stage_changes.select_related("by"),
        "stage_form": StageForm(stage=deal.stage) if deal.is_open else None,
        "document_form": DocumentForm() if deal.stage != "dropped" else None,
        "ceremony_form": CeremonyForm(event=deal.event)
        if deal.event_id and deal.stage != "dropped"
        else None,
    }
    return render(request, "outcomes/deal_detail.html", context)


@login_required
@require_POST
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    deal = access_deal(request.user, pk)
    form = StageForm(request.POST, stage=deal.stage)
    if not form.is_valid():
        messages.error(request, _("Choose a stage this deal can move to."))
        return redirect("outcomes:deal_detail", pk=pk)
    with errors_as_messages(request):
        moved = advance_deal_stage(
            deal,
            to_stage=form.cleaned_data["to_stage"],
            signed_on=form.cleaned_data["signed_on"],
            by=request.user,
        )
        messages.success(
            request, _("The deal is now at the stage “%(stage)s”.") % {"stage": moved.get_stage_display()}
        )
    return redirect("outcomes:deal_detail", pk=pk)


@login_required
@require_POST
def upload_document(request: HttpRequest, pk: int) -> HttpResponse:
    deal = access_deal(request.user, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("outcomes:deal_detail", pk=pk)
    upload = form.cleaned_data["document"]
    with errors_as_messages(request):
        attach_agreement_document(deal, upload=upload, filename=upload.name, by=request.user)
        messages.success(request, _("Agreement document stored."))
    return redirect("outcomes:deal_detail", pk=pk)


@login_required
def download_document(request: HttpRequest, pk: int) -> HttpResponse:
    deal = access_deal(request.user, pk)
    if not deal.document:
        raise Http404
    response = FileResponse(
        deal.document.open("rb"),
        as_attachment=True,
        filename=deal.document_name or deal.document.name.rsplit("/", 1)[-1],
        content_type=deal.document_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_POST
def link_ceremony(request: HttpRequest, pk: int) -> HttpResponse:
    deal = access_deal(request.user, pk)
    form = CeremonyForm(request.POST, event=deal.event)
    if not form.is_valid():
        messages.error(request, _("Choose a signing ceremony of this event."))
        return redirect("outcomes:deal_detail", pk=pk)
    with errors_as_messages(request):
        link_deal_to_ceremony(deal, ceremony=form.cleaned_data["ceremony"], by=request.user)
        messages.success(
            request,
            _("The deal belongs to the ceremony “%(item)s”.") % {"item": form.cleaned_data["ceremony"]},
        )
    return redirect("outcomes:deal_detail", pk=pk)
