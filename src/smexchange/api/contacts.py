"""People's contact details in API answers: only through `matchmaking.contacts.contacts_visible_to`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from smexchange.directory.models import Person
from smexchange.matchmaking.contacts import contacts_visible_to


class ContactsMixin:
    """For viewsets whose objects name people: the serializer context gets the contacts the rule allows.

    `people_of(obj)` lists the people of one object; the rule runs once per answer (two queries).
    """

    people_of: Callable[[Any], Iterable[Person]]
    request: Any

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        instance = args[0] if args else kwargs.get("instance")
        if instance is not None and "context" not in kwargs:
            kwargs["context"] = self.context_for(instance)
        return super().get_serializer(*args, **kwargs)  # type: ignore[misc]

    def context_for(self, instance: Any) -> dict[str, Any]:
        objects = instance if isinstance(instance, list | tuple) else [instance]
        people = [person for obj in objects for person in self.people_of(obj)]
        context: dict[str, Any] = self.get_serializer_context()  # type: ignore[attr-defined]
        return {**context, "contacts": contacts_visible_to(self.request.user, people)}
