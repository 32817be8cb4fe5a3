from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError

from smexchange.awards.enums import AwardStatus
from smexchange.awards.models import ConflictOfInterest, Laureate, Score
from smexchange.awards.services import (
    add_criterion,
    add_juror,
    add_standard_criteria,
    close_jury,
    create_award,
    declare_conflict,
    nominate,
    open_scoring,
    publish_laureates,
    record_scores,
)
from smexchange.common.exceptions import DomainError
from smexchange.events.enums import ProgrammeKind
from tests.awards.conftest import build_jury
from tests.factories.awards import AwardFactory, AwardUserFactory, NominationFactory
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory, ProgrammeItemFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _card(jury, juror, nomination, innovation, vision):
    return record_scores(juror, nomination, {jury.innovation: innovation, jury.vision: vision})


def _scores():
    return sorted(Score.objects.values_list("juror_id", "nomination_id", "criterion_id", "value"))


def test_record_scores_saves_and_updates_a_card(jury):
    juror, (first, *_rest) = jury.jurors[0], jury.nominations

    _card(jury, juror, first, "7", "8.5")
    _card(jury, juror, first, "9", "8.5")

    assert _scores() == [
        (juror.pk, first.pk, jury.innovation.pk, Decimal("9.0")),
        (juror.pk, first.pk, jury.vision.pk, Decimal("8.5")),
    ]


@pytest.mark.parametrize("value", ["10.5", "-1", "11", "abc", "NaN", "7.25"])
def test_record_scores_refuses_bad_values_and_saves_nothing(jury, value):
    juror, nomination = jury.jurors[0], jury.nominations[0]

    with pytest.raises(DomainError) as error:
        _card(jury, juror, nomination, "8", value)

    assert "Nominee0 Zhang" in error.value.messages[0]
    assert "Vision" in error.value.messages[0]
    assert _scores() == []


def test_record_scores_outside_scale_names_the_scale(jury):
    with pytest.raises(DomainError) as error:
        _card(jury, jury.jurors[0], jury.nominations[0], "11", "5")

    assert error.value.messages == [
        "The score 11 for Nominee0 Zhang on Innovation is outside the scale 0–10."
    ]


def test_record_scores_refused_for_a_conflicted_nominee(jury):
    juror, nomination = jury.jurors[0], jury.nominations[1]
    declare_conflict(juror, nomination, reason="My cousin's company")

    with pytest.raises(DomainError, match="declared a conflict of interest with Nominee1 Zhang"):
        _card(jury, juror, nomination, "5", "5")

    assert _scores() == []


def test_declaring_a_conflict_removes_the_jurors_scores_for_that_nominee_only(jury):
    juror, other = jury.jurors
    first, second, _third = jury.nominations
    _card(jury, juror, first, "9", "9")
    _card(jury, juror, second, "4", "4")
    _card(jury, other, first, "6", "6")

    conflict, removed = declare_conflict(juror, first, reason="Board member")

    assert removed == 2
    assert (conflict.juror, conflict.nomination, conflict.reason) == (juror, first, "Board member")
    assert sorted({(j, n) for j, n, _c, _v in _scores()}) == sorted(
        [(juror.pk, second.pk), (other.pk, first.pk)]
    )


def test_declare_conflict_twice_or_without_reason_is_refused(jury):
    juror, nomination = jury.jurors[0], jury.nominations[0]
    declare_conflict(juror, nomination, reason="Supplier")

    with pytest.raises(DomainError, match="already declared"):
        declare_conflict(juror, nomination, reason="Again")
    with pytest.raises(DomainError, match="needs a reason"):
        declare_conflict(juror, jury.nominations[1], reason="  ")
    assert ConflictOfInterest.objects.count() == 1


def test_scoring_after_the_jury_closed_is_refused(jury):
    juror, nomination = jury.jurors[0], jury.nominations[0]
    _card(jury, juror, nomination, "5", "5")
    close_jury(jury.award)

    with pytest.raises(DomainError) as error:
        _card(jury, juror, nomination, "9", "9")

    assert error.value.messages == [
        "Top Ten SME Entrepreneurs (Jury closed): the score for Nominee0 Zhang was not saved;"
        " scores are taken only while the jury is scoring."
    ]
    assert {value for *_ids, value in _scores()} == {Decimal("5.0")}


def test_scoring_before_the_scoring_opens_is_refused():
    jury = build_jury(scoring=False)

    with pytest.raises(DomainError, match=r"\(Open for nominations\)"):
        _card(jury, jury.jurors[0], jury.nominations[0], "5", "5")


def test_scoring_a_nominee_or_criterion_of_another_award_is_refused(jury):
    elsewhere = build_jury(event=EventFactory())

    with pytest.raises(DomainError, match="is not a nominee of Top Ten"):
        _card(jury, jury.jurors[0], elsewhere.nominations[0], "5", "5")
    with pytest.raises(DomainError, match="is not a criterion of"):
        record_scores(jury.jurors[0], jury.nominations[0], {elsewhere.innovation: "5"})
    assert _scores() == []


def test_conflict_after_the_jury_closed_is_refused(jury):
    close_jury(jury.award)

    with pytest.raises(DomainError, match="declaring a conflict of interest is not possible"):
        declare_conflict(jury.jurors[0], jury.nominations[0], reason="Late")


def test_nominate_rules():
    award = AwardFactory()
    person = PersonFactory()

    nomination = nominate(award, person=person, citation=" Built a stationery exporter. ")

    assert (nomination.person, nomination.organization, nomination.citation) == (
        person, person.organization, "Built a stationery exporter.",
    )  # fmt: skip
    with pytest.raises(DomainError, match="already nominated"):
        nominate(award, person=person, citation="Again")
    with pytest.raises(DomainError, match="needs a citation"):
        nominate(award, person=PersonFactory(), citation=" ")
    with pytest.raises(DomainError, match="names a person or an organization"):
        nominate(award, citation="Nobody")
    organization = OrganizationFactory()
    nominate(award, organization=organization, citation="A company")
    with pytest.raises(DomainError, match="already nominated"):
        nominate(award, organization=organization, citation="Twice")


def test_nominations_close_when_scoring_opens(jury):
    with pytest.raises(DomainError, match="nominating is not possible"):
        nominate(jury.award, person=PersonFactory(), citation="Late")
    with pytest.raises(DomainError, match="changing the criteria"):
        add_criterion(jury.award, name="Late", weight=Decimal("1"))


def test_open_scoring_needs_criteria_nominations_and_jurors():
    award = AwardFactory()

    with pytest.raises(DomainError) as error:
        open_scoring(award)

    assert error.value.messages == [
        f"{award.name} has no criteria, nominations, jurors yet: the jury cannot score."
    ]


def test_add_juror_twice_is_refused_and_uses_the_users_person(jury):
    user = AwardUserFactory()
    person = PersonFactory(user=user)

    juror = add_juror(jury.award, user=user)

    assert juror.person == person
    with pytest.raises(DomainError, match="already on the jury"):
        add_juror(jury.award, user=user)


def test_create_award_checks_ceremony_and_scale():
    event = EventFactory()
    speech = ProgrammeItemFactory(event=event, kind=ProgrammeKind.SPEECH, title="Keynote")

    with pytest.raises(DomainError, match="Keynote is not an award presentation"):
        create_award(event, slug="a", name="A", year=2009, ceremony=speech)
    with pytest.raises(DomainError, match="not a range"):
        create_award(event, slug="a", name="A", year=2009, scale_min=Decimal("5"), scale_max=Decimal("5"))
    ceremony = ProgrammeItemFactory(event=event, kind=ProgrammeKind.AWARD_PRESENTATION)
    assert create_award(event, slug="a", name="A", year=2009, ceremony=ceremony).ceremony == ceremony


def test_standard_criteria_are_the_six_of_the_award():
    award = AwardFactory()

    criteria = add_standard_criteria(award)

    assert [(c.name, c.weight, c.position) for c in criteria] == [
        ("Innovation", Decimal("2"), 0),
        ("Vision", Decimal("1.5"), 1),
        ("International outlook", Decimal("1.5"), 2),
        ("Social responsibility", Decimal("1"), 3),
        ("Environmental practice", Decimal("1"), 4),
        ("Management excellence", Decimal("1"), 5),
    ]
    assert add_standard_criteria(award) == []


def test_publish_laureates_takes_the_top_places_of_the_ranking(jury):
    first, second, third = jury.nominations
    a, b = jury.jurors
    # first: a (9, 6) -> 8, b (7, 7) -> 7: 7.5.  second: a (10, 10) -> 10, b conflicted: 10.
    # third: a (6, 6) -> 6, b (9, 3) -> 7: 6.5.  Two laureates: second, then first.
    _card(jury, a, first, "9", "6")
    _card(jury, b, first, "7", "7")
    _card(jury, a, second, "10", "10")
    declare_conflict(b, second, reason="Shareholder")
    _card(jury, a, third, "6", "6")
    _card(jury, b, third, "9", "3")
    close_jury(jury.award)

    laureates = publish_laureates(jury.award)

    assert [(one.rank, one.nomination, one.score, one.jurors) for one in laureates] == [
        (1, second, Decimal("10.000"), 1),
        (2, first, Decimal("7.500"), 2),
    ]
    jury.award.refresh_from_db()
    assert jury.award.status == AwardStatus.PUBLISHED
    assert jury.award.published_at is not None
    with pytest.raises(DomainError, match="publishing the laureates is not possible"):
        publish_laureates(jury.award)


def test_publish_refused_while_scoring_or_without_complete_cards(jury):
    with pytest.raises(DomainError, match="publishing the laureates is not possible"):
        publish_laureates(jury.award)
    record_scores(jury.jurors[0], jury.nominations[0], {jury.innovation: "5"})
    close_jury(jury.award)

    with pytest.raises(
        DomainError, match="No nominee of Top Ten SME Entrepreneurs has a complete score card"
    ):
        publish_laureates(jury.award)
    assert Laureate.objects.count() == 0


def test_database_refuses_a_score_outside_every_scale_and_a_second_score(jury):
    record_scores(jury.jurors[0], jury.nominations[0], {jury.innovation: "5"})
    row = Score.objects.get()

    with pytest.raises(IntegrityError):
        Score.objects.create(
            juror=row.juror, nomination=row.nomination, criterion=jury.vision, value=Decimal("101")
        )


def test_database_refuses_the_same_score_twice(jury):
    record_scores(jury.jurors[0], jury.nominations[0], {jury.innovation: "5"})
    row = Score.objects.get()

    with pytest.raises(IntegrityError):
        Score.objects.create(
            juror=row.juror, nomination=row.nomination, criterion=row.criterion, value=Decimal("6")
        )


def test_database_refuses_a_nomination_without_nominee():
    with pytest.raises(IntegrityError):
        NominationFactory(person=None, organization=None)


def test_a_juror_cannot_score_their_own_nomination(jury):
    nominee = jury.nominations[0].person
    nominee.user = AwardUserFactory()
    nominee.save(update_fields=["user"])
    juror = add_juror(jury.award, user=nominee.user)

    with pytest.raises(DomainError, match="is the nominee and cannot score their own nomination"):
        _card(jury, juror, jury.nominations[0], "10", "10")

    assert _scores() == []


def test_a_deleted_jurors_scores_still_decide_the_award(jury):
    from smexchange.accounts.personal_data import delete_account

    first, second, _third = jury.nominations
    a, b = jury.jurors
    _card(jury, a, first, "9", "9")
    _card(jury, b, first, "9", "9")
    _card(jury, a, second, "8", "8")
    _card(jury, b, second, "2", "2")
    scores_before = _scores()

    delete_account(b.user)

    b.refresh_from_db()
    assert (b.user, b.display_name) == (None, f"Former juror #{b.pk}")
    assert _scores() == scores_before
    close_jury(jury.award)
    laureates = publish_laureates(jury.award)
    assert [(one.nomination, one.score, one.jurors) for one in laureates] == [
        (first, Decimal("9.000"), 2),
        (second, Decimal("5.000"), 2),
    ]
