import datetime as dt

import pytest
from django.db.models import F

from smexchange.demo.expo_programme import KEYNOTE_TITLE
from smexchange.demo.world import world_exists
from smexchange.directory.models import CooperationProfile, Membership, Organization, Person
from smexchange.events.enums import ATTENDING_STATUSES, ParticipantRole, PartnerRole, ProgrammeKind
from smexchange.events.models import Event, EventPartner, ProgrammeItem, Registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("small_world")]

EXPO = "global-sme-expo-2009"


def _attending(role: str) -> int:
    return Registration.objects.filter(event__slug=EXPO, role=role, status__in=ATTENDING_STATUSES).count()


def test_expo_has_participants_principals_and_officials():
    expo = Event.objects.get(slug=EXPO)

    assert expo.registrations.filter(status__in=ATTENDING_STATUSES).count() >= 500
    assert expo.registrations.exclude(status__in=ATTENDING_STATUSES).count() == 0
    assert _attending(ParticipantRole.ASSOCIATION_PRINCIPAL) >= 30
    assert _attending(ParticipantRole.CONSULAR_OFFICER) >= 20
    assert _attending(ParticipantRole.GOVERNMENT_OFFICIAL) >= 5
    consulates = Registration.objects.filter(event=expo, role=ParticipantRole.CONSULAR_OFFICER)
    assert set(consulates.values_list("organization__kind", "organization__city").distinct()) == {
        ("consulate", "Shanghai")
    }


def test_expo_programme_has_speeches_signings_award_and_roundtable():
    programme = ProgrammeItem.objects.filter(event__slug=EXPO)

    speeches = programme.filter(kind=ProgrammeKind.SPEECH)
    signings = set(programme.filter(kind=ProgrammeKind.SIGNING_CEREMONY).values_list("title", flat=True))

    assert speeches.count() == 12
    assert speeches.filter(speaker_links__isnull=True).count() == 0
    keynote = speeches.get(title=KEYNOTE_TITLE)
    assert keynote.title_zh == "促进国际合作的长征"
    assert keynote.speakers.get().title == "Chairman, Global Alliance of SMEs"
    assert signings == {
        "Signing of the Shanghai Manifesto on Global SME Cooperation",
        "Signing Ceremony of the Global Stationery Industry Cooperation Base (Ninghai County)",
        "Signing Ceremony of the Global Woodcarving Industry Cooperation Base (Dongyang)",
        "Partnership City Signing: Xiuzhou District of Jiaxing and Mountain View",
    }
    manifesto = programme.get(title__startswith="Signing of the Shanghai Manifesto")
    assert manifesto.speaker_links.filter(role="signatory").count() >= 15
    assert programme.filter(kind=ProgrammeKind.AWARD_PRESENTATION, title__contains="Top Ten").count() == 1
    assert programme.filter(title="Global Trade Association Executive Roundtable").count() == 1
    assert programme.filter(title_zh="").count() == 0


def test_expo_programme_times_are_shanghai_local():
    keynote = ProgrammeItem.objects.get(event__slug=EXPO, title=KEYNOTE_TITLE)

    assert keynote.starts_at.isoformat() == "2009-07-13T01:20:00+00:00"


def test_expo_has_booths_matchmaking_and_partners():
    expo = Event.objects.get(slug=EXPO)

    session = expo.matchmaking_sessions.get()
    slots = [slot.starts_at.astimezone(expo.zone).strftime("%H:%M") for slot in session.slots.all()]

    assert expo.booths.count() >= 80
    assert expo.booths.filter(host__kind="sme").count() == expo.booths.count()
    assert slots == ["14:00", "14:20", "14:40", "15:00", "15:50", "16:10", "16:30", "16:50", "17:10"]
    assert expo.tables.count() == 40
    roles = set(EventPartner.objects.filter(event=expo).values_list("role", flat=True))
    assert roles == {
        PartnerRole.ORGANIZER,
        PartnerRole.CO_ORGANIZER,
        PartnerRole.STRATEGIC_MEDIA_PARTNER,
        PartnerRole.SUPPORTING_GOVERNMENT,
        PartnerRole.SPONSOR,
    }
    assert expo.is_published
    assert (expo.name_zh, expo.time_zone, expo.city) == (
        "2009全球中小企业博览会",
        "Asia/Shanghai",
        "Shanghai",
    )


def test_later_events_have_slugs_programmes_and_participants():
    later = Event.objects.exclude(slug=EXPO).order_by("starts_on")

    assert list(later.values_list("slug", flat=True)) == [
        "us-china-sme-partnership-week-2009",
        "china-sme-international-development-forum-2009",
        "uk-china-business-matchmaking-conference-2010",
    ]
    for event in later:
        assert event.registrations.count() >= 30
        assert event.programme.filter(kind=ProgrammeKind.SPEECH).count() >= 2
        assert event.name_zh
    assert later.get(slug="us-china-sme-partnership-week-2009").matchmaking_sessions.count() == 1


def test_world_exists_after_build():
    assert world_exists()


def test_directory_has_every_kind_local_scripts_and_synthetic_contacts():
    organizations = Organization.objects.all()
    chinese = organizations.filter(country="CN")

    kinds = set(organizations.values_list("kind", flat=True))
    share = chinese.count() / organizations.count()
    emails = {
        email.rsplit("@", 1)[1] for email in Person.objects.exclude(email="").values_list("email", flat=True)
    }

    assert kinds == {"sme", "association", "government", "consulate", "financial", "media", "research"}
    assert 0.25 < share < 0.45
    assert chinese.filter(kind="sme", name_latin="").count() == 0
    assert organizations.filter(country="US", kind="sme").exclude(name_latin="").count() == 0
    assert emails == {"example.com", "example.org", "example.net"}
    phones = Person.objects.exclude(phone="").values_list("phone", flat=True)
    assert all(
        phone.startswith(("+1 202 555 01", "+1 416 555 01", "+44 20 7946 0", "+61 2 5550 0"))
        for phone in phones
    )
    assert Membership.objects.exclude(member__country=F("association__country")).count() == 0


def test_profiles_in_chinese_for_chinese_firms_with_all_statuses():
    profiles = CooperationProfile.objects.filter(organization__kind="sme")

    languages = set(profiles.values_list("organization__country", "language").distinct())
    statuses = set(profiles.values_list("status", flat=True))

    assert {language for country, language in languages if country == "CN"} == {"zh"}
    assert {language for country, language in languages if country != "CN"} == {"en"}
    assert statuses == {"draft", "published", "expired"}
    assert profiles.filter(items__isnull=True).count() == 0
    assert profiles.filter(status="published", expires_on__lt=dt.date(2030, 1, 1)).count() == 0
    assert profiles.filter(sectors__isnull=True).count() == 0
