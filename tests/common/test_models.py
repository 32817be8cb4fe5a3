import pytest
from django.utils import translation

from smexchange.common.models import Sector
from smexchange.vocab import isic

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_sector_table_holds_21_sections_and_88_divisions_after_migrations():
    sections = Sector.objects.filter(code__regex=r"^[A-U]$")
    divisions = Sector.objects.filter(code__regex=r"^[A-U]\d\d$")

    assert sections.count() == 21
    assert divisions.count() == 88
    assert Sector.objects.count() == 109


def test_sector_table_matches_the_vocabulary_with_chinese_names():
    rows = {
        code: (section, en, zh)
        for code, section, en, zh in Sector.objects.values_list("code", "section", "name_en", "name_zh")
    }

    expected = {code: (code, label.en, label.zh) for code, label in isic.SECTIONS.items()}
    expected |= {
        code: (division.section, division.label.en, division.label.zh)
        for code, division in isic.DIVISIONS.items()
    }
    assert rows == expected
    assert [code for code, (_section, _en, zh) in rows.items() if not zh] == []


def test_sector_name_follows_active_language():
    sector = Sector.objects.get(code="C")

    with translation.override("zh-hans"):
        chinese = sector.name
    with translation.override("en"):
        english = sector.name

    assert (english, chinese) == ("Manufacturing", "制造业")


def test_sector_is_division_only_for_three_character_codes():
    assert (Sector.objects.get(code="C").is_division, Sector.objects.get(code="C32").is_division) == (
        False,
        True,
    )


def test_sector_str_joins_code_and_name():
    with translation.override("en"):
        assert str(Sector.objects.get(code="C")) == "C Manufacturing"
