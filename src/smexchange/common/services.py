"""Writes to the shared vocabulary tables."""

from __future__ import annotations

from smexchange.common.models import Sector
from smexchange.vocab import isic


def sync_sectors() -> int:
    """Make the Sector table hold exactly the ISIC sections and divisions of `vocab.isic`."""
    rows = [
        Sector(code=code, section=code, name_en=label.en, name_zh=label.zh)
        for code, label in isic.SECTIONS.items()
    ]
    rows += [
        Sector(code=code, section=division.section, name_en=division.label.en, name_zh=division.label.zh)
        for code, division in isic.DIVISIONS.items()
    ]
    Sector.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["code"], update_fields=["section", "name_en", "name_zh"]
    )
    return len(rows)
