"""Domain errors that services raise and callers show to people."""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A business rule refused an operation; the message says which and why.

    A ValidationError subclass so that forms and the admin show it next to the field.
    """


class ConflictError(DomainError):
    """The operation lost a race: someone else changed the same thing first.

    Services raise it when a concurrent write took the slot, table or booth, answered or
    withdrew the request, or published the schedule between reading and writing. Over HTTP
    it becomes 409 Conflict (`smexchange.common.middleware.ConflictMiddleware`); as a
    DomainError, forms and the admin still show it like any refusal.
    """
