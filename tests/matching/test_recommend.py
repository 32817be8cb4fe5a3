import dataclasses

import pytest

from smexchange.matching import PartnerIndex, recommend_partners

pytestmark = pytest.mark.unit


def by_id(recommendations):
    return {item.id: [match.id for match in item.matches] for item in recommendations}


def test_recommend_partners_complement_ranks_above_lookalike(world):
    result = by_id(recommend_partners(world, top_k=5))

    assert result["cn-stationery"] == ["us-importer"]
    assert result["us-importer"][:2] == ["cn-stationery", "cn-lookalike"]


def test_recommend_partners_chinese_request_meets_english_offer(stationery_maker, stationery_importer):
    result = recommend_partners([stationery_maker, stationery_importer], top_k=3)

    assert [match.id for match in result[0].matches] == ["us-importer"]
    assert result[0].matches[0].score > 0.8


def test_recommend_partners_german_request_meets_portuguese_offer(furniture_maker, timber_exporter):
    result = by_id(recommend_partners([furniture_maker, timber_exporter], top_k=3))

    assert result == {"de-furniture": ["br-timber"], "br-timber": ["de-furniture"]}


def test_recommend_partners_reasons_name_types_concepts_and_countries(stationery_maker, stationery_importer):
    result = recommend_partners([stationery_maker, stationery_importer], top_k=1)

    assert result[0].matches[0].reasons == (
        "they seek a subcontractor for stationery; you offer subcontracting",
        "you seek a distributor for stationery; they offer distribution",
        "you seek in C32, where they offer",
        "you target US",
        "they target CN",
    )


def test_recommend_partners_never_matches_self(world):
    result = recommend_partners(world, top_k=10)

    assert [item.id for item in result if item.id in [match.id for match in item.matches]] == []


def test_recommend_partners_respects_top_k(world):
    result = recommend_partners(world, top_k=1)

    assert max(len(item.matches) for item in result) == 1


def test_recommend_partners_scores_in_unit_range_best_first(world):
    result = recommend_partners(world, top_k=5)

    scores = [[match.score for match in item.matches] for item in result]
    assert all(0.0 <= score <= 1.0 for row in scores for score in row)
    assert all(row == sorted(row, reverse=True) for row in scores)


def test_recommend_partners_one_line_per_profile_in_input_order(world):
    result = recommend_partners(world, top_k=5)

    assert [item.id for item in result] == [profile.id for profile in world]


def test_recommend_partners_empty_profile_gets_no_partners(world):
    result = by_id(recommend_partners(world, top_k=5))

    assert result["empty"] == []
    assert [key for key, matches in result.items() if "empty" in matches] == []


def test_recommend_partners_same_input_same_output(world):
    assert recommend_partners(world, top_k=5) == recommend_partners(list(world), top_k=5)


def test_recommend_partners_no_profiles_gives_nothing():
    assert recommend_partners([], top_k=5) == []


def test_recommend_partners_top_k_zero_is_an_error(world):
    with pytest.raises(ValueError, match="top_k"):
        recommend_partners(world, top_k=0)


def test_partner_index_one_profile_agrees_with_all(world, stationery_importer):
    index = PartnerIndex(world)

    one = index.recommend(stationery_importer, top_k=3)

    assert one == index.recommend_all(top_k=3)[1]


def test_partner_index_new_profile_is_served(world, stationery_importer):
    newcomer = dataclasses.replace(stationery_importer, id="us-newcomer")
    index = PartnerIndex(world)

    result = index.recommend(newcomer, top_k=3)

    assert [match.id for match in result.matches] == ["cn-stationery", "cn-lookalike", "br-timber"]


def test_partner_index_among_limits_partners(world, stationery_importer):
    index = PartnerIndex(world)

    result = index.recommend(stationery_importer, top_k=3, among={"cn-lookalike", "de-furniture"})

    assert [match.id for match in result.matches] == ["cn-lookalike"]
