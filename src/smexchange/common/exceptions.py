"""Domain errors that services raise and callers show to people."""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A business rule refused an operation; the message says which and why.

    A ValidationError subclass so that forms and the admin show it next to the field.
    """


class RateLimitError(DomainError):
    """Too many operations of one kind in a short time; `retry_after` says in how many seconds to retry.

    The web shows the message; the API answers 429 with a Retry-After header.
    """

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, code="rate_limited")
        self.retry_after = retry_after


class ConflictError(DomainError):
    """The operation lost a race: someone else changed the same thing first.

    Services raise it when a concurrent write took the slot, table or booth, answered or
    withdrew the request, or published the schedule between reading and writing. Over HTTP
    it becomes 409 Conflict (`smexchange.common.middleware.ConflictMiddleware`); as a
    DomainError, forms and the admin still show it like any refusal.
    """
