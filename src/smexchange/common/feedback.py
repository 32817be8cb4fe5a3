"""Showing a refused operation to the person who asked for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages
from django.http import HttpRequest

from smexchange.common.exceptions import ConflictError, DomainError


@contextmanager
def errors_as_messages(request: HttpRequest) -> Iterator[None]:
    """Run a service call; a DomainError becomes an error message on the next page instead of a 500.

    A ConflictError (a lost race) passes through: the conflict middleware answers 409, so that
    the loser of a race is told so by status code as well as in words.
    """
    try:
        yield
    except ConflictError:
        raise
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
