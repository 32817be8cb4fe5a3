"""Showing a refused operation to the person who asked for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages
from django.http import HttpRequest

from smexchange.common.exceptions import DomainError


@contextmanager
def errors_as_messages(request: HttpRequest) -> Iterator[None]:
    """Run a service call; a DomainError becomes an error message on the next page instead of a 500."""
    try:
        yield
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
