"""Report and archive pages: who may see them, generating and downloading files, editing summaries."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from smexchange.events.enums import RegistrationStatus
from smexchange.events.services import add_organizer
from smexchange.reports.enums import ReportRunStatus, SummaryStatus
from smexchange.reports.models import EventSummary, ReportRun
from tests.factories.events import RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _user(email: str, *, staff: bool = False):
    return get_user_model().objects.create_user(username=email, email=email, password="x", is_staff=staff)


@pytest.fixture
def people(report_world):
    staff = _user("staff@example.org", staff=True)
    organizer = _user("organizer@example.org")
    add_organizer(report_world.expo, user=organizer)
    other_organizer = _user("other@example.org")
    add_organizer(report_world.other, user=other_organizer)
    participant = _user("participant@example.org")
    registration = RegistrationFactory(event=report_world.expo, status=RegistrationStatus.CONFIRMED)
    registration.person.user = participant
    registration.person.save(update_fields=["user"])
    return {"staff": staff, "organizer": organizer, "other": other_organizer, "participant": participant}


def _event_urls(slug: str, run_pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("reports:event_report", args=[slug])),
        ("post", reverse("reports:event_report_run", args=[slug])),
        ("get", reverse("reports:event_report_download", args=[slug, run_pk])),
        ("post", reverse("reports:event_report_retry", args=[slug, run_pk])),
    ]


@pytest.fixture
def expo_run(report_world):
    return ReportRun.objects.create(
        kind="event", event=report_world.expo, format="pdf", status=ReportRunStatus.FAILED
    )


@pytest.mark.parametrize(
    ("who", "expected"), [("other", 404), ("participant", 403)], ids=["other-organizer", "participant"]
)
def test_event_report_pages_refuse_others(client, report_world, people, expo_run, who, expected):
    client.force_login(people[who])

    statuses = [
        getattr(client, method)(url).status_code
        for method, url in _event_urls("global-sme-expo-2009", expo_run.pk)
    ]

    assert statuses == [expected] * 4
    assert ReportRun.objects.count() == 1
    assert ReportRun.objects.get().status == ReportRunStatus.FAILED


def test_event_report_page_needs_login(client, report_world):
    response = client.get(reverse("reports:event_report", args=["global-sme-expo-2009"]))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["organizer", "staff"])
def test_event_report_page_shows_figures_to_organizers_and_staff(client, report_world, people, who):
    client.force_login(people[who])

    response = client.get(reverse("reports:event_report", args=["global-sme-expo-2009"]))

    assert response.status_code == 200
    assert "Participants by country" in response.content.decode()


def test_other_events_run_is_not_found_through_this_event(client, report_world, people):
    run = ReportRun.objects.create(
        kind="event", event=report_world.other, format="pdf", status=ReportRunStatus.FAILED
    )
    client.force_login(people["organizer"])

    response = client.get(reverse("reports:event_report_download", args=["global-sme-expo-2009", run.pk]))

    assert response.status_code == 404


def test_organizer_generates_and_downloads_an_xlsx(
    client, report_world, people, django_capture_on_commit_callbacks
):
    client.force_login(people["organizer"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reports:event_report_run", args=["global-sme-expo-2009"]),
            {"format": "xlsx", "language": "en"},
        )
    run = ReportRun.objects.get()
    response = client.get(reverse("reports:event_report_download", args=["global-sme-expo-2009", run.pk]))

    assert run.status == ReportRunStatus.SUCCEEDED
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="global-sme-expo-2009.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Summary"


def test_annual_pages_are_for_staff_only(client, report_world, people):
    run = ReportRun.objects.create(kind="annual", year=2009, format="pdf", status=ReportRunStatus.FAILED)
    urls = [
        ("get", reverse("reports:home")),
        ("get", reverse("reports:annual_report", args=[2009])),
        ("post", reverse("reports:annual_report_run", args=[2009])),
        ("get", reverse("reports:annual_report_download", args=[run.pk])),
        ("post", reverse("reports:annual_report_retry", args=[run.pk])),
        ("get", reverse("reports:edit_summary", args=["global-sme-expo-2009"])),
    ]
    client.force_login(people["organizer"])

    statuses = [getattr(client, method)(url).status_code for method, url in urls]

    assert statuses == [403] * 6


def test_annual_page_for_a_year_without_events_says_so(client, report_world, people):
    client.force_login(people["staff"])

    response = client.get(reverse("reports:annual_report", args=[2031]))

    assert response.status_code == 404
    assert "No events took place in 2031." in response.content.decode()


def test_staff_generates_annual_pdf_and_a_failed_run_is_retried_once(
    client, report_world, people, django_capture_on_commit_callbacks
):
    client.force_login(people["staff"])
    run = ReportRun.objects.create(
        kind="annual", year=2009, format="pdf", status=ReportRunStatus.FAILED, error="killed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:annual_report_retry", args=[run.pk]))
    run.refresh_from_db()
    response = client.get(reverse("reports:annual_report_download", args=[run.pk]))

    assert (run.status, run.error) == (ReportRunStatus.SUCCEEDED, "")
    assert ReportRun.objects.count() == 1
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_staff_drafts_edits_and_publishes_a_summary(client, report_world, people):
    client.force_login(people["staff"])
    url = reverse("reports:edit_summary", args=["global-sme-expo-2009"])

    client.post(url, {"action": "draft"})
    summary = EventSummary.objects.get()
    assert summary.status == SummaryStatus.DRAFT
    assert client.get(reverse("reports:archive_event", args=["global-sme-expo-2009"])).status_code == 404
    client.post(url, {"action": "publish", "text_en": "Edited <b>English</b>", "text_zh": "编辑后的中文"})

    summary.refresh_from_db()
    page = client.get(reverse("reports:archive_event", args=["global-sme-expo-2009"])).content.decode()
    index = client.get(reverse("reports:archive")).content.decode()
    assert summary.status == SummaryStatus.PUBLISHED
    assert "Edited &lt;b&gt;English&lt;/b&gt;" in page
    assert "编辑后的中文" in page
    assert "Global SME Expo 2009" in index


def test_archive_is_public_and_lists_only_published_summaries(client, report_world):
    EventSummary.objects.create(event=report_world.expo, text_en="Published.", text_zh="已发布。",
                                status=SummaryStatus.PUBLISHED, published_at=dt.datetime(2009, 8, 1, tzinfo=dt.UTC))  # fmt: skip
    EventSummary.objects.create(event=report_world.other, text_en="Draft.", text_zh="草稿。")

    index = client.get(reverse("reports:archive")).content.decode()

    assert "Global SME Expo 2009" in index
    assert "US-China Week 2009" not in index
    assert client.get(reverse("reports:archive_event", args=["us-china-week-2009"])).status_code == 404
