import pytest

from smexchange.vocab import cooperation, countries, isic, languages, organizations

pytestmark = pytest.mark.unit


def test_isic_has_every_section_and_division():
    assert len(isic.SECTIONS) == 21
    assert len(isic.DIVISIONS) == 88
    assert {division.section for division in isic.DIVISIONS.values()} == set(isic.SECTIONS)


def test_isic_every_label_is_bilingual():
    labels = [*isic.SECTIONS.values(), *(division.label for division in isic.DIVISIONS.values())]
    assert [label.code for label in labels if not label.en or not label.zh] == []


@pytest.mark.parametrize(("raw", "expected"), [("C32", "C32"), ("c32", "C32"), (" 62 ", "J62"), ("C", "C")])
def test_normalize_sector_accepts_common_spellings(raw, expected):
    assert isic.normalize_sector(raw) == expected


@pytest.mark.parametrize("raw", ["C99", "Z01", "", "C3", "04"])
def test_normalize_sector_rejects_unknown_codes(raw):
    with pytest.raises(KeyError):
        isic.normalize_sector(raw)


def test_countries_have_chinese_names_for_the_g20():
    names = {code: countries.country_label(code).zh for code in sorted(countries.G20_COUNTRIES)}
    assert names["CN"] == "中国"
    assert names["US"] == "美国"
    assert names["BR"] == "巴西"
    assert [code for code, name in names.items() if not name or name.isascii()] == []


def test_is_country_only_for_iso_alpha2():
    assert (countries.is_country("CN"), countries.is_country("XX"), countries.is_country("CHN")) == (
        True,
        False,
        False,
    )


def test_languages_cover_iso_639_1():
    assert languages.languages()["zh"].in_language("zh-hans") == "中文"
    assert languages.is_language("pt")
    assert not languages.is_language("zz")


def test_cooperation_types_are_those_of_the_contract():
    assert set(cooperation.COOPERATION_TYPES) == {
        "joint_venture", "subcontracting", "franchise", "outsourcing", "distribution", "licensing",
        "technical_cooperation", "investment", "acquisition", "supplier", "consulting",
        "human_resources", "market_entry",
    }  # fmt: skip


def test_complements_same_type_and_related_pairs_only():
    assert cooperation.complements("subcontracting", "subcontracting")
    assert cooperation.complements("subcontracting", "outsourcing")
    assert not cooperation.complements("franchise", "investment")


def test_organization_vocabularies_match_the_contract():
    assert list(organizations.ORGANIZATION_KINDS) == [
        "sme", "association", "government", "consulate", "financial", "media", "research", "other",
    ]  # fmt: skip
    assert list(organizations.ORGANIZATION_SIZES) == ["micro", "small", "medium", "large"]
