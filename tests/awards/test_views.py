from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smexchange.awards.enums import AwardStatus
from smexchange.awards.models import ConflictOfInterest, Juror, Laureate, Nomination, Score
from smexchange.awards.services import close_jury, declare_conflict, publish_laureates, record_scores
from smexchange.events.services import add_organizer
from tests.awards.conftest import Jury, build_jury
from tests.factories.awards import AwardUserFactory
from tests.factories.directory import PersonFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _url(name: str, jury: Jury, *args: object) -> str:
    return reverse(f"awards:{name}", args=[jury.award.event.slug, jury.award.slug, *args])


def _score_all(jury: Jury) -> None:
    """Juror 0 gives nominee i the mark 9 - i on both criteria, juror 1 gives 8 - i."""
    for offset, juror in enumerate(jury.jurors):
        for i, nomination in enumerate(jury.nominations):
            value = str(9 - offset - i)
            record_scores(juror, nomination, {jury.innovation: value, jury.vision: value})


def _published(nominees: int = 3) -> Jury:
    jury = build_jury(nominees=nominees)
    jury.award.laureate_count = nominees
    jury.award.save(update_fields=["laureate_count"])
    _score_all(jury)
    close_jury(jury.award)
    publish_laureates(jury.award)
    return jury


@pytest.fixture
def organizer(jury):
    user = AwardUserFactory()
    add_organizer(jury.award.event, user=user)
    return user


# Public pages


def test_laureates_page_is_404_until_published(client, jury):
    assert client.get(_url("laureates", jury)).status_code == 404
    assert (
        jury.award.title
        not in client.get(reverse("awards:list", args=[jury.award.event.slug])).content.decode()
    )


def test_published_laureates_shown_in_rank_order_with_citations(client):
    jury = _published()

    page = client.get(_url("laureates", jury)).content.decode()

    names = [nomination.person.display_name for nomination in jury.nominations]
    assert [page.index(name) for name in names] == sorted(page.index(name) for name in names)
    assert "Citation 2" in page


def test_laureates_of_an_unpublished_event_are_404(client):
    jury = _published()
    jury.award.event.is_published = False
    jury.award.event.save(update_fields=["is_published"])

    assert client.get(_url("laureates", jury)).status_code == 404
    assert client.get(reverse("awards:list", args=[jury.award.event.slug])).status_code == 404


def test_event_page_links_published_awards_only(client):
    jury = _published()
    other = build_jury(event=EventFactory(is_published=True))

    published = client.get(reverse("web:event_detail", args=[jury.award.event.slug])).content.decode()
    unpublished = client.get(reverse("web:event_detail", args=[other.award.event.slug])).content.decode()

    assert _url("laureates", jury) in published
    assert _url("laureates", other) not in unpublished


def test_public_pages_in_chinese(client):
    jury = _published()
    client.cookies["django_language"] = "zh-hans"

    page = client.get(_url("laureates", jury), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "十大杰出企业家" in page
    assert "获奖者" in page


@pytest.mark.parametrize("name", ["laureates", "list"])
def test_public_pages_query_count_does_not_grow_with_laureates(client, name):
    small, large = _published(1), _published(3)

    def count(jury: Jury) -> int:
        url = (
            _url(name, jury) if name == "laureates" else reverse("awards:list", args=[jury.award.event.slug])
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(small) == count(large)


# The juror's page


def test_jury_page_needs_login_and_a_seat_on_this_jury(client, jury):
    assert client.get(_url("jury", jury)).status_code == 302
    client.force_login(AwardUserFactory())
    assert client.get(_url("jury", jury)).status_code == 404


def test_juror_of_one_award_sees_nothing_of_another(client, jury):
    same_event = build_jury(event=jury.award.event, slug="best-exporter", nominees=1, jurors=1)
    client.force_login(jury.jurors[0].user)
    nomination = same_event.nominations[0]

    responses = [
        client.get(_url("jury", same_event)).status_code,
        client.post(_url("score", jury, nomination.pk), {f"criterion-{jury.innovation.pk}": "5"}).status_code,
        client.post(_url("conflict", jury, nomination.pk), {"reason": "x"}).status_code,
        client.post(_url("score", same_event, nomination.pk), {}).status_code,
    ]

    assert responses == [404, 404, 404, 404]
    assert (Score.objects.count(), ConflictOfInterest.objects.count()) == (0, 0)


def test_juror_sees_only_own_scores_before_the_jury_closes(client, jury):
    mine, theirs = jury.jurors
    nomination = jury.nominations[0]
    record_scores(mine, nomination, {jury.innovation: "3.5", jury.vision: "4.5"})
    record_scores(theirs, nomination, {jury.innovation: "9.5", jury.vision: "8.5"})
    client.force_login(mine.user)

    page = client.get(_url("jury", jury)).content.decode()

    assert ('value="3.5"' in page, 'value="4.5"' in page) == (True, True)
    assert ("9.5" in page, "8.5" in page, 'id="ranking"' in page) == (False, False, False)


def test_juror_sees_the_ranking_after_the_jury_closes(client, jury):
    _score_all(jury)
    close_jury(jury.award)
    client.force_login(jury.jurors[0].user)

    page = client.get(_url("jury", jury)).content.decode()

    assert 'id="ranking"' in page
    assert "8.500" in page  # nominee 0: juror marks 9 and 8
    assert "<form" not in page.split('id="cards"')[1].split("</section>")[0].replace(
        '<form action="/i18n', ""
    )


def test_juror_scores_through_the_page(client, jury):
    juror, nomination = jury.jurors[0], jury.nominations[1]
    client.force_login(juror.user)

    response = client.post(
        _url("score", jury, nomination.pk),
        {f"criterion-{jury.innovation.pk}": "7", f"criterion-{jury.vision.pk}": "6.5"},
        follow=True,
    )

    assert "Your scores for Nominee1 Zhang are saved." in response.content.decode()
    assert sorted(Score.objects.values_list("criterion__name", "value")) == [
        ("Innovation", 7),
        ("Vision", 6.5),
    ]


def test_juror_score_outside_the_scale_shows_the_message_and_saves_nothing(client, jury):
    juror, nomination = jury.jurors[0], jury.nominations[1]
    client.force_login(juror.user)

    response = client.post(
        _url("score", jury, nomination.pk),
        {f"criterion-{jury.innovation.pk}": "7", f"criterion-{jury.vision.pk}": "12"},
        follow=True,
    )

    assert "The score 12 for Nominee1 Zhang on Vision is outside the scale 0–10." in response.content.decode()
    assert Score.objects.count() == 0


def test_juror_declares_a_conflict_through_the_page_and_can_no_longer_score(client, jury):
    juror, nomination = jury.jurors[0], jury.nominations[0]
    record_scores(juror, nomination, {jury.innovation: "9", jury.vision: "9"})
    client.force_login(juror.user)

    declared = client.post(
        _url("conflict", jury, nomination.pk), {"reason": "My brother's firm"}, follow=True
    )
    refused = client.post(
        _url("score", jury, nomination.pk),
        {f"criterion-{jury.innovation.pk}": "9", f"criterion-{jury.vision.pk}": "9"},
        follow=True,
    )

    assert "Your 2 scores for this nominee were removed." in declared.content.decode()
    assert "cannot score this nominee" in refused.content.decode()
    assert Score.objects.count() == 0
    assert list(ConflictOfInterest.objects.values_list("reason", flat=True)) == ["My brother's firm"]


def test_juror_scoring_after_close_is_refused_through_the_page(client, jury):
    juror, nomination = jury.jurors[0], jury.nominations[0]
    close_jury(jury.award)
    client.force_login(juror.user)

    response = client.post(
        _url("score", jury, nomination.pk),
        {f"criterion-{jury.innovation.pk}": "9", f"criterion-{jury.vision.pk}": "9"},
        follow=True,
    )

    assert "the score for Nominee0 Zhang was not saved" in response.content.decode()
    assert Score.objects.count() == 0


# The organizer's pages


def test_organizer_pages_refuse_other_organizers_jurors_and_participants(client, jury):
    outsider = AwardUserFactory()
    add_organizer(EventFactory(), user=outsider)
    participant = AwardUserFactory()
    RegistrationFactory(event=jury.award.event, person=PersonFactory(user=participant))
    urls = [
        reverse("awards:organizer", args=[jury.award.event.slug]),
        _url("manage", jury),
    ]
    posts = [
        _url("change_status", jury, "open-scoring"),
        _url("change_status", jury, "close-jury"),
        _url("nominate", jury),
    ]

    statuses = []
    for user in (outsider, participant, jury.jurors[0].user):
        client.force_login(user)
        statuses += [client.get(url).status_code for url in urls] + [
            client.post(url).status_code for url in posts
        ]

    # Another event's organizer and a juror learn nothing (404); a participant of the event is refused (403).
    assert statuses == [404] * 5 + [403] * 5 + [404] * 5
    jury.award.refresh_from_db()
    assert jury.award.status == AwardStatus.SCORING


def test_organizer_runs_an_award_through_the_pages(client):
    event = EventFactory(is_published=True)
    organizer = AwardUserFactory()
    add_organizer(event, user=organizer)
    nominees = [RegistrationFactory(event=event).person for _ in range(2)]
    juror_user = AwardUserFactory(email="judge@example.org", username="judge@example.org")
    client.force_login(organizer)
    slug = event.slug

    client.post(
        reverse("awards:organizer", args=[slug]),
        {
            "name": "Top Ten",
            "slug": "top-ten",
            "year": 2009,
            "laureate_count": 1,
            "scale_min": 0,
            "scale_max": 10,
            "standard_criteria": "on",
        },
    )
    for person in nominees:
        client.post(
            reverse("awards:nominate", args=[slug, "top-ten"]), {"person": person.pk, "citation": "Exporter"}
        )
    client.post(reverse("awards:add_juror", args=[slug, "top-ten"]), {"email": "JUDGE@example.org"})
    client.post(reverse("awards:change_status", args=[slug, "top-ten", "open-scoring"]))
    juror = Juror.objects.get()
    for value, nomination in zip(("8", "6"), Nomination.objects.order_by("id"), strict=True):
        record_scores(juror, nomination, dict.fromkeys(juror.award.criteria.all(), value))
    client.post(reverse("awards:change_status", args=[slug, "top-ten", "close-jury"]))
    manage = client.get(reverse("awards:manage", args=[slug, "top-ten"])).content.decode()
    published = client.post(reverse("awards:change_status", args=[slug, "top-ten", "publish"]), follow=True)

    assert juror.user == juror_user
    assert 'id="ranking"' in manage
    assert "1 laureate published." in published.content.decode()
    assert list(Laureate.objects.values_list("nomination__person", flat=True)) == [nominees[0].pk]


def test_organizer_sees_progress_but_no_scores_before_close(client, jury, organizer):
    record_scores(jury.jurors[0], jury.nominations[0], {jury.innovation: "9.5", jury.vision: "9.5"})
    declare_conflict(jury.jurors[1], jury.nominations[0], reason="Partner")
    client.force_login(organizer)

    page = client.get(_url("manage", jury)).content.decode()

    assert "9.5" not in page
    assert 'id="ranking"' not in page
    rows = page.split("<tbody>")[-1]
    assert "<td>1</td><td>0</td><td>2</td>" in rows.replace("\n", "")  # juror 0: 1 card, 0 conflicts, 2 left
    assert "<td>0</td><td>1</td><td>2</td>" in rows.replace("\n", "")  # juror 1: 0 cards, 1 conflict, 2 left


def test_organizer_add_juror_with_unknown_email_says_so(client, jury, organizer):
    client.force_login(organizer)

    response = client.post(_url("add_juror", jury), {"email": "nobody@example.org"}, follow=True)

    assert "No account has the e-mail address nobody@example.org." in response.content.decode()
    assert Juror.objects.count() == 2


def test_organizer_unknown_action_is_404(client, jury, organizer):
    client.force_login(organizer)

    assert client.post(_url("change_status", jury, "explode")).status_code == 404


@pytest.mark.parametrize("page", ["manage", "jury", "organizer"])
def test_list_pages_query_count_does_not_grow(client, page):
    small, large = build_jury(nominees=1, jurors=1), build_jury(nominees=3, jurors=3)
    for jury in (small, large):
        _score_all(jury)
        close_jury(jury.award)  # the ranking is on the page too
    user = AwardUserFactory()
    for jury in (small, large):
        add_organizer(jury.award.event, user=user)
        Juror.objects.filter(pk=jury.jurors[0].pk).update(user=user)

    def count(jury: Jury) -> int:
        url = (
            reverse("awards:organizer", args=[jury.award.event.slug])
            if page == "organizer"
            else _url(page, jury)
        )
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(small) == count(large)


def test_organizer_creating_an_award_with_a_taken_slug_is_told_and_nothing_saved(client, jury, organizer):
    client.force_login(organizer)
    data = {
        "name": "Again",
        "slug": "top-ten",
        "year": 2009,
        "laureate_count": 3,
        "scale_min": 0,
        "scale_max": 10,
    }

    response = client.post(reverse("awards:organizer", args=[jury.award.event.slug]), data, follow=True)

    assert "Award with this Event and Slug already exists." in response.content.decode()
    assert list(jury.award.event.awards.values_list("name", flat=True)) == ["Top Ten SME Entrepreneurs"]


def test_markup_in_a_citation_is_inert_on_the_public_and_jury_pages(client):
    jury = build_jury(nominees=1, jurors=1, scoring=False)
    Nomination.objects.filter(pk=jury.nominations[0].pk).update(
        citation='<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    )
    client.force_login(jury.jurors[0].user)

    page = client.get(_url("jury", jury)).content.decode()

    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page


def test_matchmaking_organizer_page_links_the_awards(client, jury, organizer):
    client.force_login(organizer)

    page = client.get(reverse("matchmaking:organizer", args=[jury.award.event.slug])).content.decode()

    assert reverse("awards:organizer", args=[jury.award.event.slug]) in page
