from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, *, per_page: int) -> Page:
    """The requested page; out-of-range and malformed page numbers give the nearest valid page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
