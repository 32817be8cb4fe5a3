import pytest

from smexchange.common.models import Sector
from smexchange.common.services import sync_sectors
from smexchange.vocab import isic

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_sync_sectors_restores_edited_names_without_duplicates():
    Sector.objects.filter(code="C32").update(name_en="Wrong", name_zh="错")

    written = sync_sectors()

    assert written == 109
    assert Sector.objects.count() == 109
    label = isic.DIVISIONS["C32"].label
    assert Sector.objects.values_list("name_en", "name_zh", "section").get(code="C32") == (
        label.en,
        label.zh,
        "C",
    )
