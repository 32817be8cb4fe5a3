"""The optional dense text similarity: plumbing, scale, and the command's handling of a bad model path.

The embedder here is a real, if tiny, one: words map to concept dimensions through a synonym
table, so "zorbles" and "quixets" embed alike while sharing no term the sparse index knows.
"""

import numpy as np
import pytest
from django.core.management import call_command

from smexchange.matching import PartnerIndex
from smexchange.matching.embeddings import (
    DENSE_CEILING,
    EmbeddingModelError,
    dense_cosine,
    embed_texts,
    load_embedder,
)
from smexchange.matching.score import SATURATION
from smexchange.matching.types import CooperationItem, Profile

pytestmark = pytest.mark.unit

# Made-up product names: no term list of the engine knows them, so only the embedder links them.
CONCEPTS = {"zorbles": 0, "quixets": 0, "blorfs": 1, "snarfs": 2}


def synonym_embedder(texts):
    rows = np.zeros((len(texts), len(set(CONCEPTS.values())) + 1), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            rows[row, CONCEPTS.get(word, -1)] += 1.0
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _profile(identifier, *, offers=(), seeks=()):
    return Profile(
        id=identifier,
        country="DE",
        sectors=("C28",),
        languages=("en",),
        offers=tuple(CooperationItem("supplier", text) for text in offers),
        seeks=tuple(CooperationItem("supplier", text) for text in seeks),
    )


@pytest.fixture
def market():
    seeker = _profile("seeker", seeks=["zorbles"])
    synonym = _profile("synonym", offers=["quixets"])
    unrelated = _profile("unrelated", offers=["blorfs"])
    return [seeker, unrelated, synonym]


def _ranking(index, profile_id):
    return [
        (match.id, match.score)
        for match in index.recommend(index.profiles[index.position[profile_id]]).matches
    ]


def test_without_a_model_texts_in_other_words_earn_nothing(market):
    ranking = _ranking(PartnerIndex(market), "seeker")

    assert dict(ranking)["synonym"] == dict(ranking)["unrelated"]


def test_with_a_model_the_partner_saying_the_same_in_other_words_ranks_first(market):
    plain = dict(_ranking(PartnerIndex(market), "seeker"))
    ranking = _ranking(PartnerIndex(market, embedder=synonym_embedder), "seeker")

    assert ranking[0][0] == "synonym"
    assert dict(ranking)["synonym"] > plain["synonym"]
    assert dict(ranking)["unrelated"] == pytest.approx(plain["unrelated"])


def test_recommend_all_and_recommend_agree_with_a_model(market):
    index = PartnerIndex(market, embedder=synonym_embedder)
    every = {recommendation.id: recommendation for recommendation in index.recommend_all(top_k=5)}

    assert [(m.id, m.score) for m in every["seeker"].matches] == _ranking(index, "seeker")


def test_empty_texts_embed_to_zero_rows_and_score_nothing():
    rows = embed_texts(synonym_embedder, ["zorbles", "", "  "])

    assert rows.shape == (3, 4)
    assert np.allclose(rows[1:], 0.0)
    assert dense_cosine(rows[[0]], rows[[1]], SATURATION)[0] == 0.0


def test_dense_similarity_is_put_on_the_sparse_scale():
    same = np.array([[1.0, 0.0]], dtype=np.float32)
    unrelated = np.array([[0.0, 1.0]], dtype=np.float32)

    assert dense_cosine(same, same, SATURATION)[0] == pytest.approx(SATURATION)
    assert dense_cosine(same, unrelated, SATURATION)[0] == 0.0
    halfway = np.array([[DENSE_CEILING, np.sqrt(1 - DENSE_CEILING**2)]], dtype=np.float32)
    assert dense_cosine(same, halfway, SATURATION)[0] == pytest.approx(SATURATION)


def test_a_model_path_that_is_not_a_directory_is_refused(tmp_path):
    with pytest.raises(EmbeddingModelError, match="is not a directory"):
        load_embedder(tmp_path / "missing")


def test_match_command_with_a_bad_model_path_exits_2_and_writes_nothing(tmp_path, capsys, monkeypatch):
    profiles = tmp_path / "profiles.jsonl"
    profiles.write_text('{"id": "a", "offers": [{"type": "supplier"}]}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv("SMEX_EMBEDDING_MODEL", str(tmp_path / "no-model"))

    with pytest.raises(SystemExit) as exited:
        call_command("match", "--profiles", str(profiles), "--top", "3", "--out", str(out))

    assert exited.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not out.exists()
