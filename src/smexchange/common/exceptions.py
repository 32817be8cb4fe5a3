"""Domain errors that services raise and callers show to people."""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A business rule refused an operation; the message says which and why.

    A ValidationError subclass so that forms and the admin show it next to the field.
    """
