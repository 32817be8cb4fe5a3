"""Fetch every GET route of the matrix as one role, as text (PDF, XLSX and ZIP downloads read back)."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.security.matrix import ROUTES
from tests.security.world import World

PDFTOTEXT = Path("/usr/bin/pdftotext")


def close_response(response: Any) -> None:
    """Close a response (a file download holds its file open) as the test client itself does:
    without the request_finished handler that would close the test's database connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def _text(content: bytes, content_type: str) -> str:
    if content_type.startswith("application/pdf"):
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "in.pdf"
            pdf.write_bytes(content)
            done = subprocess.run(
                [str(PDFTOTEXT), "-enc", "UTF-8", str(pdf), str(pdf.with_suffix(".txt"))], capture_output=True
            )
            if done.returncode == 0:
                return pdf.with_suffix(".txt").read_text(encoding="utf-8")
            # Not a PDF poppler can read (the seeded agreement document is a stub): its raw bytes.
            return content.decode("latin-1")
    if "spreadsheetml" in content_type:
        book = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            "\t".join("" if cell is None else str(cell) for cell in row)
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
        )
    if content_type.startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return content.decode("utf-8", "replace")


def every_page(world: World, role: str, *, kinds: tuple[str, ...] = ()) -> dict[str, str]:
    """{route id and URL: body text} for each GET route of the matrix that answers 200 to `role`.

    `kinds` keeps only responses whose Content-Type starts with one of them (e.g. "text/html").
    """
    client = Client()
    if role != "public":
        client.force_login(world.users[role])
    pages = {}
    for route in ROUTES:
        if route.method != "GET" or route.expect[role] != "200":
            continue
        url = reverse(route.name, kwargs=route.kwargs(world))
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        close_response(response)
        if kinds and not response.get("Content-Type", "").startswith(kinds):
            continue
        pages[f"{route.name} {url}"] = _text(content, response.get("Content-Type", ""))
    return pages
