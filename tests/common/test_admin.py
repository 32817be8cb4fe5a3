import pytest

from smexchange.common.models import Sector
from tests.common.admin_pages import (
    add_url,
    change_url,
    changelist_url,
    filter_query_strings,
    registered_models,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("model", registered_models("common"), ids=lambda model: model._meta.model_name)
def test_admin_changelist_and_add_pages_answer(admin_client, model):
    assert admin_client.get(changelist_url(model)).status_code == 200
    assert admin_client.get(add_url(model)).status_code == 200


def test_admin_sector_search_finds_chinese_names(admin_client):
    response = admin_client.get(changelist_url(Sector), {"q": "制造业"})

    assert response.status_code == 200
    assert [sector.code for sector in response.context["cl"].result_list] == ["C", "C32"]


def test_admin_sector_filters_answer(admin_client):
    queries = filter_query_strings(admin_client, Sector)

    responses = [admin_client.get(changelist_url(Sector) + query) for query in queries]

    assert len(queries) == 1
    assert [response.status_code for response in responses] == [200]


def test_admin_sector_change_page_answers(admin_client):
    assert admin_client.get(change_url(Sector.objects.get(code="C32"))).status_code == 200
