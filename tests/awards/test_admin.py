import pytest

from smexchange.awards.services import record_scores
from tests.awards.conftest import build_jury
from tests.common.admin_pages import (
    add_url,
    change_url,
    changelist_url,
    filter_query_strings,
    registered_models,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("model", registered_models("awards"), ids=lambda model: model._meta.model_name)
def test_admin_changelist_add_and_filters_answer(admin_client, model):
    build_jury()

    queries = filter_query_strings(admin_client, model)

    assert admin_client.get(changelist_url(model)).status_code == 200
    assert admin_client.get(add_url(model)).status_code == 200
    assert [admin_client.get(changelist_url(model) + query).status_code for query in queries] == [200] * len(
        queries
    )


def test_admin_change_pages_show_the_inlines(admin_client):
    jury = build_jury()
    record_scores(jury.jurors[0], jury.nominations[0], {jury.innovation: "7"})

    pages = [jury.award, jury.nominations[0], jury.jurors[0]]

    assert [admin_client.get(change_url(obj)).status_code for obj in pages] == [200, 200, 200]
    assert "Innovation" in admin_client.get(change_url(jury.award)).content.decode()
