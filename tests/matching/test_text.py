import pytest

from smexchange.matching.text import text_features

pytestmark = pytest.mark.unit


def test_text_features_chinese_terms_become_concepts():
    assert dict(text_features("寻求美国的办公家具经销商")) == {
        "w:美国": 1,
        "c:furniture": 1,
        "k:distribution": 1,
    }


def test_text_features_languages_meet_on_concepts():
    words = ["furniture", "家具", "muebles", "móveis", "Möbel", "meubles"]

    assert [set(text_features(word)) for word in words] == [{"c:furniture"}] * 6


def test_text_features_german_compound_yields_its_parts():
    assert set(text_features("Möbelhersteller")) == {"c:furniture", "k:supplier"}


def test_text_features_longest_term_wins():
    assert set(text_features("machine tools and tools")) == {"c:machine_tools", "c:tools_hardware"}


def test_text_features_empty_text_is_empty():
    assert dict(text_features("")) == {}


def test_text_features_jieba_is_quiet(capfd):
    text_features("宁海文具制造商")

    assert capfd.readouterr() == ("", "")
