"""Validators shared by the models, services and forms of outcomes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from smexchange.vocab.currencies import is_currency


def validate_currency_code(value: str) -> None:
    if value and not is_currency(value):
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code (e.g. CNY, USD, EUR)."),
            code="invalid_currency",
            params={"value": value},
        )


@dataclass(frozen=True)
class DocumentKind:
    extension: str
    content_type: str


PDF = DocumentKind("pdf", "application/pdf")
DOCX = DocumentKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
PNG = DocumentKind("png", "image/png")
JPEG = DocumentKind("jpg", "image/jpeg")


def sniff_document(head: bytes, whole: bytes | None = None) -> DocumentKind | None:
    """What a file is from its first bytes (never from its name or the browser's word): PDF, DOCX, PNG, JPEG.

    A DOCX is a ZIP archive; `whole` lets us check it holds a Word document, not any archive.
    """
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            names = set(zipfile.ZipFile(io.BytesIO(whole)).namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return DOCX
    return None
