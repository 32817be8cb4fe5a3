"""Recommendation reasons: stored as data by the engine glue, worded in the reader's language."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from smexchange.matching.reasons import english
from smexchange.matching.types import Reason
from smexchange.matchmaking.models import PartnerRecommendation
from smexchange.matchmaking.reasons import reason_text
from smexchange.matchmaking.services.recommendations import refresh_event_recommendations
from tests.matchmaking.test_recommendations import stationery_pair  # noqa: F401 (fixture)

EVERY_KIND = [
    Reason("need", who="they", sought="subcontracting", offered="subcontracting", concepts=("stationery",)),
    Reason("need", who="you", sought="distribution", offered="distribution", sector="C32"),
    Reason("need", who="you", sought="investment", offered="investment"),
    Reason("same_sector", sector="C32"),
    Reason("sector_sought", who="they", sector="C10"),
    Reason("neighbours", sector="C13", other_sector="C14"),
    Reason("same_section", sector="C"),
    Reason("targets", who="you", country="BR"),
    Reason("shared_language", language="pt"),
]


@pytest.mark.parametrize("reason", EVERY_KIND, ids=lambda reason: f"{reason.code}-{reason.who}")
def test_every_reason_kind_has_an_english_and_a_chinese_sentence(reason):
    stored = {**reason.as_dict(), "text": english(reason)}
    with translation.override("en"):
        in_english = reason_text(stored)
    with translation.override("zh-hans"):
        in_chinese = reason_text(stored)

    assert in_english != in_chinese
    assert not any("\u4e00" <= char <= "\u9fff" for char in in_english)
    assert any("\u4e00" <= char <= "\u9fff" for char in in_chinese)


def test_names_replace_codes():
    with translation.override("zh-hans"):
        assert "巴西" in reason_text(Reason("targets", who="they", country="BR").as_dict())
        assert "葡萄牙语" in reason_text(Reason("shared_language", language="pt").as_dict())
    with translation.override("en"):
        assert reason_text(Reason("targets", who="they", country="BR").as_dict()) == "They target Brazil"
        assert "Furniture (C31)" in reason_text(Reason("same_sector", sector="C31").as_dict())


def test_a_reason_stored_as_text_before_reasons_were_data_is_shown_as_it_is():
    assert reason_text("they target CN") == "they target CN"


@pytest.mark.django_db
def test_stored_reasons_keep_the_contract_sentence_and_read_in_chinese_on_the_page(client, stationery_pair):  # noqa: F811
    _maker, _brand, (_maker_reg, brand_reg) = stationery_pair
    refresh_event_recommendations(brand_reg.event)
    stored = PartnerRecommendation.objects.get(organization=brand_reg.organization, event=brand_reg.event)
    user = get_user_model().objects.create_user(username="b", email="b@example.org", password="x")
    brand_reg.person.user = user
    brand_reg.person.save(update_fields=["user"])
    client.force_login(user)

    page = client.get(
        reverse("matchmaking:participant", args=[brand_reg.event.slug]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()

    assert all(reason["text"] == english(Reason(**_fields(reason))) for reason in stored.reasons)
    assert {reason["code"] for reason in stored.reasons} >= {"need", "targets"}
    assert "对方的目标市场包括" in page or "您的目标市场包括" in page


def _fields(stored: dict) -> dict:
    fields = {key: value for key, value in stored.items() if key != "text"}
    if "concepts" in fields:
        fields["concepts"] = tuple(fields["concepts"])
    return fields
