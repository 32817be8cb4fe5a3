import pytest

from smexchange.events.models import Event
from tests.common.admin_pages import (
    add_url,
    change_url,
    changelist_url,
    filter_query_strings,
    registered_models,
)
from tests.factories.directory import OrganizationFactory
from tests.factories.events import (
    BoothFactory,
    EventFactory,
    EventPartnerFactory,
    MatchmakingSessionFactory,
    ProgrammeItemFactory,
    ProgrammeSpeakerFactory,
    RegistrationFactory,
    SessionBreakFactory,
    TableFactory,
    TimeSlotFactory,
    local_time,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = registered_models("events")


@pytest.fixture
def event_rows():
    event = EventFactory(name="Global SME Expo 2009", slug="global-sme-expo-2009", is_published=True)
    item = ProgrammeItemFactory(event=event, title="Shanghai Manifesto signing", kind="signing_ceremony")
    ProgrammeSpeakerFactory(item=item)
    EventPartnerFactory(event=event)
    BoothFactory(event=event, host=OrganizationFactory())
    session = MatchmakingSessionFactory(event=event)
    SessionBreakFactory(session=session, starts_at=local_time(event, 15, 30), ends_at=local_time(event, 16))
    TimeSlotFactory(session=session)
    return [event, item, RegistrationFactory(event=event), session, TableFactory(event=event)]


def test_admin_registers_the_events_models_staff_edit():
    assert {model.__name__ for model in MODELS} >= {
        "Event",
        "ProgrammeItem",
        "Registration",
        "MatchmakingSession",
        "Table",
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_admin_changelist_and_add_pages_answer(admin_client, event_rows, model):
    assert admin_client.get(changelist_url(model)).status_code == 200
    assert admin_client.get(add_url(model)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_admin_changelist_with_search_and_each_filter_answers(admin_client, event_rows, model):
    queries = ["?q=Global", *filter_query_strings(admin_client, model)]

    statuses = [admin_client.get(changelist_url(model) + query).status_code for query in queries]

    assert statuses == [200] * len(queries)


def test_admin_change_pages_answer(admin_client, event_rows):
    statuses = [admin_client.get(change_url(obj)).status_code for obj in event_rows]

    assert statuses == [200] * len(event_rows)


def _event_form(client, **overrides):
    """The add form's fields, with empty management forms for whatever inlines the page has."""
    page = client.get(add_url(Event))
    data = {
        "slug": "expo-2010",
        "name": "Expo 2010",
        "kind": "expo",
        "starts_on": "2010-07-14",
        "ends_on": "2010-07-13",
        "time_zone": "Asia/Shanghai",
        "city": "Shanghai",
        "country": "CN",
    }
    for inline in page.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | overrides


def test_admin_add_event_ending_before_it_starts_shows_the_error(admin_client):
    response = admin_client.post(add_url(Event), _event_form(admin_client))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"ends_on": ["The event ends before it starts."]}
    assert "The event ends before it starts." in response.content.decode()
    assert Event.objects.count() == 0


def test_admin_add_event_with_valid_dates_saves_it(admin_client):
    response = admin_client.post(add_url(Event), _event_form(admin_client, ends_on="2010-07-15"))

    assert response.status_code == 302
    assert list(Event.objects.values_list("slug", flat=True)) == ["expo-2010"]


def test_admin_add_event_with_bad_time_zone_names_the_field(admin_client):
    response = admin_client.post(
        add_url(Event), _event_form(admin_client, ends_on="2010-07-15", time_zone="Mars/Olympus")
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["time_zone"]
