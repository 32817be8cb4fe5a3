"""Reading one row of an import: cells by column name, each problem recorded with line, column and record."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, Q
from django.utils.translation import gettext as _

from smexchange.directory.models import Organization
from smexchange.imports import cells
from smexchange.imports.cells import CellError
from smexchange.imports.columns import ColumnMap
from smexchange.imports.files import Cell, Problem, RawRow

T = TypeVar("T")


class RowReader:
    """The cells of one row by column name; a bad cell becomes a Problem and reads as the default."""

    def __init__(self, raw: RawRow, columns: ColumnMap, problems: list[Problem]) -> None:
        self.raw = raw
        self.columns = columns
        self.problems = problems
        self.record = ""
        self.failed = False
        self.reported: set[str] = set()

    def has(self, name: str) -> bool:
        return name in self.columns.positions

    def cell(self, name: str) -> Cell:
        position = self.columns.positions.get(name)
        if position is None or position >= len(self.raw.cells):
            return None
        return self.raw.cells[position]

    def problem(self, name: str, message: str) -> None:
        self.failed = True
        self.reported.add(name)
        self.problems.append(
            Problem(
                message, line=self.raw.line, column=self.columns.headers.get(name, name), record=self.record
            )
        )

    def value(self, name: str, parse: Callable[[Cell], T], *, default: T, required: bool = False) -> T:
        position = self.columns.positions.get(name)
        if position is not None and position in self.raw.formulas:
            self.problem(
                name,
                _("The cell holds a formula (%(formula)s); imports take values: paste it as values.")
                % {"formula": self.raw.formulas[position][:60]},
            )
            return default
        raw = self.cell(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.problem(name, _("This column must not be empty."))
            return default
        try:
            return parse(raw)
        except CellError as error:
            self.problem(name, str(error))
            return default

    def text(self, name: str, *, required: bool = False) -> str:
        return self.value(name, cells.text, default="", required=required)

    def check_model(self, instance: Model, *, exclude: Iterable[str], fields: Mapping[str, str]) -> None:
        """Run the model's own validation; each field error is reported on its column."""
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                if fields.get(field_name, field_name) in self.reported:
                    continue  # the cell's own check said it already
                for message in messages:
                    self.problem(fields.get(field_name, field_name), message)


@dataclass
class OrganizationFinder:
    """Finds the organizations a file refers to by slug, name or Latin name (and country), in one query."""

    by_reference: dict[str, list[Organization]] = field(default_factory=dict)

    @classmethod
    def load(cls, references: Iterable[str]) -> OrganizationFinder:
        wanted = {reference for reference in references if reference}
        finder = cls()
        if not wanted:
            return finder
        query = Q(slug__in=wanted) | Q(name__in=wanted) | Q(name_latin__in=wanted)
        for organization in Organization.objects.filter(query).order_by("pk"):
            for reference in {organization.slug, organization.name, organization.name_latin} & wanted:
                finder.by_reference.setdefault(reference, []).append(organization)
        return finder

    def find(self, reference: str, country: str) -> list[Organization]:
        found = self.by_reference.get(reference, [])
        exact_slug = [organization for organization in found if organization.slug == reference]
        if exact_slug:
            return exact_slug
        if country:
            return [organization for organization in found if organization.country == country]
        return found


def organization_reference(reader: RowReader) -> tuple[str, str]:
    """The organization named by a row: (slug or name, ISO country or "")."""
    name = reader.text("organization", required=True)
    country = reader.value("organization_country", cells.country, default="")
    return name, country


def resolve_organization(
    reader: RowReader, finder: OrganizationFinder, name: str, country: str
) -> Organization | None:
    """The one existing organization the row names; a problem if none or several match."""
    if not name:
        return None
    found = finder.find(name, country)
    if len(found) == 1:
        return found[0]
    if not found:
        reader.problem(
            "organization",
            _("No organization “%(name)s”%(country)s exists; import it first (kind “organizations”).")
            % {"name": name, "country": f" ({country})" if country else ""},
        )
    else:
        reader.problem(
            "organization",
            _("%(count)s organizations are named “%(name)s”; add a country column or use the slug.")
            % {"count": len(found), "name": name},
        )
    return None


def duplicate(reader: RowReader, seen: dict[Any, int], key: Any, *, column: str) -> bool:
    """True, with a problem naming the first line, if `key` appeared on an earlier row of the file."""
    if key in seen:
        reader.problem(column, _("Duplicate of line %(line)s.") % {"line": seen[key]})
        return True
    seen[key] = reader.raw.line
    return False
