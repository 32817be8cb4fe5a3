"""Shared PDF rendering: Django templates to PDF with WeasyPrint, fonts for Latin and CJK scripts."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# Noto Sans CJK (Debian's fonts-noto-cjk) covers Chinese, Japanese and Korean and has Latin
# glyphs too; DejaVu catches whatever else fontconfig finds missing.
# WeasyPrint logs seven INFO lines per document; a day of badge printing would drown the logs.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_STACK = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif'


def _fetcher() -> URLFetcher:
    # Only inline data (the QR codes we draw): a name or logo URL in a document must never make
    # the server fetch anything (TRUST 10).
    return URLFetcher(allowed_protocols={"data"})


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a template of `matchmaking/documents/` to PDF bytes.

    Templates autoescape, so markup in names or messages prints as text (TRUST 7).
    """
    html = render_to_string(template_name, {"font_stack": FONT_STACK, **context})
    pdf = HTML(string=html, url_fetcher=_fetcher()).write_pdf()
    assert pdf is not None  # write_pdf returns the bytes when no target is given
    return pdf


def long_date(day: dt.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")
