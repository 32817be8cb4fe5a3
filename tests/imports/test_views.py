"""The organizer's imports page: upload, preview of every problem, import once, only for the event's team."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smexchange.events.services import add_organizer
from smexchange.imports.models import ImportRun
from tests.factories.directory import OrganizationFactory
from tests.factories.events import EventFactory
from tests.imports.conftest import census, csv_bytes, xlsx_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

REGISTRATIONS = [
    ["公司名称", "国家", "名", "姓", "邮箱", "参会身份"],
    ["宁海文具有限公司", "CN", "Wei", "Zhang", "zhang.wei@nh.example.cn", "企业家"],
    ["Carolina Textile Association", "US", "Mary", "Brown", "mary@cta.example.org", "association_principal"],
]


@pytest.fixture
def event():
    return EventFactory(slug="expo", is_published=True)


def _user(email: str):
    return get_user_model().objects.create_user(username=email, email=email, password="x")


@pytest.fixture
def organizer(event):
    user = _user("org@example.org")
    add_organizer(event, user=user)
    return user


def _upload(
    client, event, kind: str, content: bytes, name: str = "export.csv", content_type: str = "text/csv"
):
    return client.post(
        reverse("imports:home", args=[event.slug]),
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_upload_checks_without_writing_then_import_writes_all_rows_once(client, event, organizer):
    client.force_login(organizer)

    response = _upload(client, event, "registrations", csv_bytes(REGISTRATIONS))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:detail", args=[event.slug, run.pk])
    assert (run.status, run.created, run.created_by, census()["registrations"]) == (
        "checked",
        2,
        organizer,
        0,
    )
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="import-apply"' in page
    apply_url = reverse("imports:apply", args=[event.slug, run.pk])
    client.post(apply_url)
    second = client.post(apply_url, follow=True)
    run.refresh_from_db()
    assert (run.status, run.content, census()["registrations"]) == ("imported", b"", 2)
    assert "This file has been imported or rejected already" in second.content.decode()
    listing = client.get(reverse("imports:home", args=[event.slug])).content.decode()
    assert "export.csv" in listing
    assert "org@example.org" in listing


def test_upload_with_bad_rows_shows_every_problem_and_offers_no_import(client, event, organizer):
    client.force_login(organizer)
    bad = [*REGISTRATIONS, ["Nowhere Ltd", "ZZ", "Ann", "Smith", "ann@example.org", "astronaut"]]

    response = _upload(
        client,
        event,
        "registrations",
        xlsx_bytes(bad),
        name="export.xlsx",
        content_type="application/octet-stream",
    )

    page = client.get(response["Location"]).content.decode()
    run = ImportRun.objects.get()
    assert (run.status, run.file_format, len(run.problems)) == ("rejected", "xlsx", 2)
    assert "import-apply" not in page
    assert "“ZZ” is not an ISO 3166-1 country code" in page
    assert "“astronaut” is not one of" in page
    assert census()["organizations"] == 0


def test_a_checked_file_that_no_longer_fits_the_data_imports_nothing(client, event, organizer):
    OrganizationFactory(name="Twin", country="GB")
    client.force_login(organizer)
    content = csv_bytes([["organization", "given_name", "family_name"], ["Twin", "Ann", "Smith"]])
    _upload(client, event, "people", content)
    run = ImportRun.objects.get()
    OrganizationFactory(name="Twin", country="US")  # now the name is ambiguous

    client.post(reverse("imports:apply", args=[event.slug, run.pk]))

    run.refresh_from_db()
    assert (run.status, census()["people"]) == ("failed", 0)
    assert (
        run.problems[0]["message"]
        == "2 organizations are named “Twin”; add a country column or use the slug."
    )


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 registrations", "export.csv", "The file is a PDF document, not a CSV or XLSX file."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "export.xlsx", "The file is binary data, not a CSV or XLSX file."),
        (b"", "export.csv", "The submitted file is empty."),
    ],
)
def test_upload_is_judged_by_its_content_not_its_name(client, event, organizer, content, name, message):
    client.force_login(organizer)

    response = _upload(client, event, "organizations", content, name=name)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_upload_larger_than_the_limit_is_refused_before_reading(client, event, organizer, monkeypatch):
    monkeypatch.setattr("smexchange.imports.forms.MAX_FILE_BYTES", 100)
    client.force_login(organizer)

    response = _upload(client, event, "organizations", b"name,country\r\n" + b"Acme,GB\r\n" * 20)

    assert "The file is larger than 0 MB." in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_imports_pages_are_404_for_other_organizers_and_participants(client, event, organizer):
    other_event = EventFactory(slug="other")
    stranger = _user("other@example.org")
    add_organizer(other_event, user=stranger)
    client.force_login(organizer)
    _upload(client, event, "registrations", csv_bytes(REGISTRATIONS))
    run = ImportRun.objects.get()
    client.force_login(stranger)

    statuses = [
        client.get(reverse("imports:home", args=[event.slug])).status_code,
        client.get(reverse("imports:detail", args=[event.slug, run.pk])).status_code,
        client.post(reverse("imports:apply", args=[event.slug, run.pk])).status_code,
        client.get(reverse("imports:detail", args=[other_event.slug, run.pk])).status_code,
        client.post(reverse("imports:apply", args=[other_event.slug, run.pk])).status_code,
    ]

    run.refresh_from_db()
    assert statuses == [404, 404, 404, 404, 404]
    assert (run.status, census()["registrations"]) == ("checked", 0)


def test_imports_page_needs_login(client, event):
    response = client.get(reverse("imports:home", args=[event.slug]))

    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize("count", [1, 3])
def test_imports_list_queries_do_not_grow_with_runs(
    client, event, organizer, django_assert_num_queries, count
):
    for number in range(count):
        ImportRun.objects.create(
            event=event,
            kind="people",
            file_name=f"f{number}.csv",
            status="rejected",
            source="web",
            created_by=organizer,
        )
    client.force_login(organizer)

    with django_assert_num_queries(5):
        client.get(reverse("imports:home", args=[event.slug]))
