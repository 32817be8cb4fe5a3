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
