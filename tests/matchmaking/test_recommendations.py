import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smexchange.common.exceptions import DomainError
from smexchange.directory.services import ItemSpec, create_cooperation_profile
from smexchange.events.enums import RegistrationStatus
from smexchange.matchmaking.enums import PreferenceKind
from smexchange.matchmaking.models import PartnerRecommendation
from smexchange.matchmaking.services.instances import build_event_instance
from smexchange.matchmaking.services.recommendations import (
    engine_profile,
    refresh_directory_recommendations,
    refresh_event_recommendations,
)
from smexchange.matchmaking.services.requests import send_meeting_request, set_partner_preference
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import RegistrationFactory
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stationery_pair(brokerage):
    """A Ninghai maker offering subcontracting (Chinese text) and a US brand seeking it (English)."""
    maker = OrganizationFactory(
        name="宁海文具有限公司", name_latin="Ninghai Stationery", country="CN", sectors=["C32"]
    )
    brand = OrganizationFactory(name="Columbia Office Brands", country="US", sectors=["C32"])
    create_cooperation_profile(
        maker,
        title="文具代工",
        items=[ItemSpec("offer", "subcontracting", "为海外品牌代工生产铅笔和文具")],
        target_countries=["US"],
        publish=True,
    )
    create_cooperation_profile(
        brand,
        title="Pencil subcontractor wanted",
        items=[ItemSpec("seek", "subcontracting", "We seek a subcontractor for pencils and stationery")],
        target_countries=["CN"],
        publish=True,
    )
    create_cooperation_profile(
        OrganizationFactory(country="DE", sectors=["J62"]),
        title="Software outsourcing",
        items=[ItemSpec("offer", "outsourcing", "Custom software development")],
        publish=True,
    )
    registrations = []
    for organization in (maker, brand):
        person = PersonFactory(organization=organization)
        registrations.append(
            RegistrationFactory(event=brokerage.event, person=person, status=RegistrationStatus.CONFIRMED)
        )
    return maker, brand, registrations


def test_engine_profile_takes_only_published_offers_and_requests(stationery_pair):
    maker, _brand, _registrations = stationery_pair
    create_cooperation_profile(maker, title="Draft", items=[ItemSpec("seek", "investment", "secret plan")])

    profile = engine_profile(maker)

    assert [(item.type, item.text) for item in profile.offers] == [
        ("subcontracting", "为海外品牌代工生产铅笔和文具")
    ]
    assert profile.seeks == ()
    assert (profile.country, profile.sectors, profile.target_countries) == ("CN", ("C32",), ("US",))


def test_directory_recommendations_pair_complementary_organizations_across_languages(stationery_pair):
    maker, brand, _registrations = stationery_pair

    refresh_directory_recommendations()

    best_for_brand = (
        PartnerRecommendation.objects.filter(organization=brand, event=None).order_by("rank").first()
    )
    assert best_for_brand.partner == maker
    assert 0 < best_for_brand.score <= 1
    assert best_for_brand.reasons != []
    assert not PartnerRecommendation.objects.filter(organization=brand, partner=brand).exists()


def test_event_recommendations_stay_among_the_events_participants(stationery_pair):
    maker, brand, _registrations = stationery_pair

    refresh_event_recommendations(stationery_pair[2][0].event)

    partners = set(
        PartnerRecommendation.objects.exclude(event=None).values_list("partner__country", flat=True)
    )
    assert "DE" not in partners
    assert (
        PartnerRecommendation.objects.filter(organization=brand, partner=maker).exclude(event=None).exists()
    )


def test_participant_sees_recommendation_with_reasons_and_can_decline_it(client, stationery_pair):
    _maker, _brand, (maker_reg, brand_reg) = stationery_pair
    refresh_event_recommendations(brand_reg.event)
    user = get_user_model().objects.create_user(username="b", email="b@example.org", password="x")
    brand_reg.person.user = user
    brand_reg.person.save(update_fields=["user"])
    client.force_login(user)
    url = reverse("matchmaking:participant", args=[brand_reg.event.slug])

    before = client.get(url).context["recommended"]
    client.post(
        reverse("matchmaking:preference", args=[brand_reg.event.slug, maker_reg.pk]), {"kind": "no_thanks"}
    )
    after = client.get(url).context["recommended"]

    assert [other.pk for other, _recommendation in before] == [maker_reg.pk]
    assert before[0][1].reasons != []
    assert after == []


def test_no_thanks_refuses_requests_from_that_participant(brokerage):
    alice, bob = brokerage.people[:2]
    set_partner_preference(bob, other=alice, kind=PreferenceKind.NO_THANKS)

    with pytest.raises(DomainError, match="not taking meeting requests from you"):
        send_meeting_request(alice, recipient=bob)


def test_second_pair_of_delegates_of_the_same_organizations_is_refused(brokerage):
    alice, bob = brokerage.people[:2]
    alice_colleague = RegistrationFactory(
        event=brokerage.event,
        person=PersonFactory(organization=alice.organization),
        status=RegistrationStatus.CONFIRMED,
    )
    send_meeting_request(alice, recipient=bob)

    with pytest.raises(DomainError, match="already have a meeting request"):
        send_meeting_request(alice_colleague, recipient=bob)
    send_meeting_request(bob, recipient=alice)  # the mutual request of the same two people is fine


def test_must_meet_raises_the_meeting_weight(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    accepted(alice, carol)
    set_partner_preference(carol, other=alice, kind=PreferenceKind.MUST_MEET)

    built = build_event_instance(brokerage.event)

    weights = {(m.a, m.b): m.weight for m in built.instance.meetings}
    assert weights == {(f"r{alice.pk}", f"r{bob.pk}"): 2, (f"r{alice.pk}", f"r{carol.pk}"): 3}


def test_directory_recommended_page_needs_a_delegate(client, stationery_pair):
    _maker, brand, (maker_reg, _brand_reg) = stationery_pair
    refresh_directory_recommendations()
    user = get_user_model().objects.create_user(username="m", email="m@example.org", password="x")
    maker_reg.person.user = user
    maker_reg.person.save(update_fields=["user"])

    anonymous = client.get(reverse("web:recommended"))
    client.force_login(user)
    page = client.get(reverse("web:recommended"))

    assert anonymous.status_code == 302
    assert next(item.partner for item in page.context["recommendations"]) == brand


def test_recommendations_with_unknown_and_large_sizes(stationery_pair):
    maker, brand, _registrations = stationery_pair
    maker.size, brand.size = "", "large"
    maker.save(update_fields=["size"])
    brand.save(update_fields=["size"])

    stored = refresh_directory_recommendations()

    assert stored > 0
    assert PartnerRecommendation.objects.filter(organization=brand, partner=maker).exists()
