import pytest

from smexchange.directory.models import CooperationProfile, Organization, Person
from tests.common.admin_pages import (
    add_url,
    change_url,
    changelist_url,
    filter_query_strings,
    registered_models,
)
from tests.factories.directory import (
    CooperationItemFactory,
    CooperationProfileFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = registered_models("directory")


@pytest.fixture
def directory_rows():
    membership = MembershipFactory(
        member__name="宁海文具", member__name_latin="Ninghai Stationery", member__sectors=["C32"]
    )
    person = PersonFactory(organization=membership.member, role="chairman")
    profile = CooperationProfileFactory(organization=membership.member, published=True, sectors=["C32"])
    CooperationItemFactory(profile=profile, cooperation_type="franchise")
    return [membership.member, membership.association, person, profile]


def test_admin_registers_every_directory_model_with_pages():
    assert {model.__name__ for model in MODELS} >= {"Organization", "Person", "CooperationProfile"}


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_admin_changelist_and_add_pages_answer(admin_client, directory_rows, model):
    assert admin_client.get(changelist_url(model)).status_code == 200
    assert admin_client.get(add_url(model)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_admin_changelist_with_search_and_each_filter_answers(admin_client, directory_rows, model):
    queries = ["?q=Ninghai", *filter_query_strings(admin_client, model)]

    statuses = [admin_client.get(changelist_url(model) + query).status_code for query in queries]

    assert statuses == [200] * len(queries)


def test_admin_change_pages_answer(admin_client, directory_rows):
    statuses = [admin_client.get(change_url(obj)).status_code for obj in directory_rows]

    assert statuses == [200, 200, 200, 200]


def test_admin_organization_search_finds_latin_name(admin_client, directory_rows):
    response = admin_client.get(changelist_url(Organization), {"q": "ninghai"})

    assert list(response.context["cl"].result_list) == [directory_rows[0]]


def test_admin_profile_filter_by_cooperation_type_lists_matching_profiles(admin_client, directory_rows):
    CooperationItemFactory(cooperation_type="outsourcing")

    response = admin_client.get(changelist_url(CooperationProfile), {"items__cooperation_type": "franchise"})

    assert list(response.context["cl"].result_list) == [directory_rows[3]]


def test_admin_person_filter_by_role_lists_matching_people(admin_client, directory_rows):
    PersonFactory(role="mayor")

    response = admin_client.get(changelist_url(Person), {"role__exact": "chairman"})

    assert list(response.context["cl"].result_list) == [directory_rows[2]]
