import pytest

from smexchange.matching import recommend_partners
from smexchange.matching.cooperation import strength
from smexchange.matching.sectors import neighbours, sector_relation

pytestmark = pytest.mark.unit


def reasons_for(recommendations, served, partner):
    row = next(item for item in recommendations if item.id == served)
    return next(match.reasons for match in row.matches if match.id == partner)


def test_reasons_cross_sector_request_names_concept_and_countries(furniture_maker, timber_exporter):
    result = recommend_partners([furniture_maker, timber_exporter], top_k=1)

    assert reasons_for(result, "de-furniture", "br-timber") == (
        "you seek a supplier for wood; they offer supplier",
        "you seek in C16, where they offer",
        "you target BR",
        "they target DE",
        "you both speak English",
    )


def test_reasons_weak_type_answer_is_not_a_reason(furniture_maker, timber_exporter):
    result = recommend_partners([furniture_maker, timber_exporter], top_k=1)

    assert [
        reason for reason in reasons_for(result, "br-timber", "de-furniture") if "distributor" in reason
    ] == []


def test_strength_grades_types():
    assert [strength("subcontracting", "subcontracting"), strength("subcontracting", "outsourcing"),
            strength("supplier", "distribution"), strength("franchise", "investment")] == [1.0, 0.8, 0.2, 0.0]  # fmt: skip


def test_neighbours_are_symmetric():
    assert ("C31" in neighbours("C16"), "C16" in neighbours("C31")) == (True, True)


@pytest.mark.parametrize(
    ("ours", "theirs", "relation"),
    [
        (("C31",), ("C31",), "same"),
        (("C31",), ("C16",), "neighbour"),
        (("C31",), ("C10",), "section"),
        (("C31",), ("J62",), "none"),
        ((), ("J62",), "unknown"),
    ],
)
def test_sector_relation_levels(ours, theirs, relation):
    assert sector_relation(ours, theirs) == relation
