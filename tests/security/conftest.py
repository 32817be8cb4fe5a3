from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_files(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Uploaded agreement documents of the seeded world go to a temporary folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
