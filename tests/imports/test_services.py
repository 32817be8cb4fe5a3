"""Imports: every kind, every bad-file case, all rows or none (counted before and after)."""

import datetime as dt

import pytest

from smexchange.common.exceptions import DomainError
from smexchange.directory.models import CooperationProfile, Organization, Person
from smexchange.events.models import Registration
from smexchange.imports.services import import_rows
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory
from tests.imports.conftest import census, csv_bytes, xlsx_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ORGANIZATIONS = [
    ["单位名称", "英文名称", "Country", "Type", "Sectors", "Languages", "Website", "入会日期"],
    [
        "宁海文具有限公司",
        "Ninghai Stationery Co.",
        "CN",
        "SME",
        "C32；C17",
        "中文、en",
        "https://nh.example.cn",
        "2009/7/13",
    ],
    ["Carolina Textile Association", "", "United States", "association", "C13", "en", "", ""],
    ["Indústria Paulista Ltda", "", "br", "中小企业", "C25", "pt", "", "2012-03-01"],
]


def _problems(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def test_organizations_import_reads_chinese_aliases_names_and_dates():
    report = import_rows("organizations", csv_bytes(ORGANIZATIONS))

    assert (report.ok, report.written, report.rows, report.created, report.existing) == (True, True, 3, 3, 0)
    ninghai = Organization.objects.get(name="宁海文具有限公司")
    assert (
        ninghai.name_latin,
        ninghai.country,
        ninghai.kind,
        ninghai.languages,
        ninghai.alliance_member_since,
    ) == (
        "Ninghai Stationery Co.",
        "CN",
        "sme",
        ["zh", "en"],
        dt.date(2009, 7, 13),
    )
    assert sorted(ninghai.sectors.values_list("code", flat=True)) == ["C17", "C32"]
    assert sorted(Organization.objects.values_list("country", "kind")) == [
        ("BR", "sme"),
        ("CN", "sme"),
        ("US", "association"),
    ]


def test_importing_the_same_file_twice_writes_nothing_the_second_time():
    import_rows("organizations", csv_bytes(ORGANIZATIONS))
    before = census()

    again = import_rows("organizations", csv_bytes(ORGANIZATIONS))

    assert (again.ok, again.created, again.existing) == (True, 0, 3)
    assert census() == before


def test_xlsx_import_takes_real_dates_and_excel_day_numbers():
    content = xlsx_bytes(
        [
            ["name", "country", "alliance_member_since"],
            ["Acme", "GB", dt.datetime(2010, 5, 4)],
            ["Beta", "DE", 40302],  # the same day as an unformatted Excel day number
        ]
    )

    report = import_rows("organizations", content)

    assert report.ok, _problems(report)
    assert sorted(Organization.objects.values_list("name", "alliance_member_since")) == [
        ("Acme", dt.date(2010, 5, 4)),
        ("Beta", dt.date(2010, 5, 4)),
    ]


def test_unknown_codes_are_reported_per_row_and_column_and_nothing_is_written():
    OrganizationFactory(name="Existing", country="CN")
    before = census()
    rows = [
        *ORGANIZATIONS,
        ["Bad Country Co", "", "XX", "sme", "C32", "en", "", ""],
        ["Bad Sector Co", "", "CN", "sme", "Z99", "en", "", ""],
        ["Bad Kind Co", "", "CN", "pirate", "C32", "xx", "not a url", "13/07/2009"],
    ]

    report = import_rows("organizations", csv_bytes(rows))

    assert report.written is False
    assert census() == before
    assert _problems(report) == [
        "line 5, column “Country” (Bad Country Co): “XX” is not an ISO 3166-1 country code (e.g. CN, US, BR) or a country name.",
        "line 6, column “Sectors” (Bad Sector Co): “Z99” is not an ISIC Rev. 4 sector code (e.g. C32, J62).",
        "line 7, column “Type” (Bad Kind Co): “pirate” is not one of: association, consulate, financial, government, media, other, research, sme.",
        "line 7, column “Languages” (Bad Kind Co): “xx” is not an ISO 639-1 language code (e.g. zh, en, pt).",
        "line 7, column “入会日期” (Bad Kind Co): “13/07/2009” is not a date; write it as year-month-day, e.g. 2009-07-13.",
        "line 7, column “Website” (Bad Kind Co): Enter a valid URL.",
    ]


def test_missing_required_column_is_one_problem_on_the_header():
    report = import_rows("organizations", csv_bytes([["name", "city"], ["Acme", "Leeds"]]))

    assert _problems(report) == [
        "line 1, column “country”: The required column “country” is missing (the header has: name, city)."
    ]
    assert census()["organizations"] == 0


def test_headers_with_remarks_in_brackets_match_and_unknown_ones_are_ignored():
    content = csv_bytes([["Name", "Country (ISO code)", "Booth wish"], ["Acme", "GB", "near the door"]])

    report = import_rows("organizations", content)

    assert (report.ok, report.ignored_columns) == (True, ("Booth wish",))


def test_duplicate_rows_name_the_first_line_and_write_nothing():
    content = csv_bytes([["name", "country"], ["Acme", "GB"], ["Beta", "DE"], ["Acme", "GB"]])

    report = import_rows("organizations", content)

    assert _problems(report) == ["line 4, column “name” (Acme): Duplicate of line 2."]
    assert census()["organizations"] == 0


def test_xlsx_with_a_formula_is_refused_on_that_cell():
    content = xlsx_bytes(
        [["name", "country", "city"], ["Acme", "GB", "Leeds"], ["Beta", '=IF(1,"DE","FR")', ""]]
    )

    report = import_rows("organizations", content)

    assert _problems(report) == [
        'line 3, column “country” (Beta): The cell holds a formula (=IF(1,"DE","FR")); imports take values: paste it as values.'
    ]
    assert census()["organizations"] == 0


def test_empty_file_and_bad_encoding_are_reported_and_write_nothing():
    empty = import_rows("organizations", b"")
    gbk = import_rows("organizations", csv_bytes([["name", "country"], ["宁海文具", "CN"]], encoding="gbk"))

    assert _problems(empty) == ["The file is empty."]
    assert _problems(gbk)[0].startswith("line 2: The file is not UTF-8 text")
    assert census()["organizations"] == 0


def test_a_database_error_while_writing_rolls_every_row_back(monkeypatch):
    from django.db import IntegrityError

    from smexchange.directory import services as directory_services

    real = directory_services.Organization.sectors.through.objects.bulk_create

    def fail_half_way(*args, **kwargs):
        real(*args, **kwargs)
        raise IntegrityError("the database went away half-way")

    monkeypatch.setattr(directory_services.Organization.sectors.through.objects, "bulk_create", fail_half_way)

    report = import_rows("organizations", csv_bytes(ORGANIZATIONS))

    assert (report.written, _problems(report)) == (
        False,
        ["The database refused the rows: the database went away half-way"],
    )
    assert census()["organizations"] == 0


def test_people_import_finds_organizations_by_name_or_slug_and_skips_existing_people():
    ninghai = OrganizationFactory(
        name="宁海文具有限公司", name_latin="Ninghai Stationery Co.", slug="ninghai"
    )
    PersonFactory(
        organization=ninghai, given_name="Wei", family_name="Zhang", email="zhang.wei@nh.example.cn"
    )
    content = csv_bytes(
        [
            ["单位名称", "名", "姓", "中文姓名", "邮箱", "手机", "职务", "Role"],
            ["宁海文具有限公司", "Wei", "Zhang", "张伟", "Zhang.Wei@nh.example.cn", "", "", "founder"],
            [
                "Ninghai Stationery Co.",
                "Na",
                "Li",
                "李娜",
                "li.na@nh.example.cn",
                "8613812345678",
                "经理",
                "Manager",
            ],
            ["ninghai", "Min", "Wang", "王敏", "", "", "", ""],
        ]
    )

    report = import_rows("people", content)

    assert (report.ok, report.created, report.existing) == (True, 2, 1), _problems(report)
    assert sorted(Person.objects.values_list("name_local", "role", "phone")) == [
        ("", "other", ""),
        ("李娜", "manager", "8613812345678"),
        ("王敏", "other", ""),
    ]


def test_people_of_unknown_or_ambiguous_organizations_are_reported():
    OrganizationFactory(name="Twin", country="GB")
    OrganizationFactory(name="Twin", country="US")
    content = csv_bytes(
        [
            ["organization", "given_name", "family_name", "email"],
            ["Nobody Ltd", "Ann", "Smith", "ann@example.org"],
            ["Twin", "Bob", "Jones", "not-an-email"],
        ]
    )

    report = import_rows("people", content)

    assert _problems(report) == [
        "line 2, column “organization” (Ann Smith, Nobody Ltd): No organization “Nobody Ltd” exists; import it first (kind “organizations”).",
        "line 3, column “organization” (Bob Jones, Twin): 2 organizations are named “Twin”; add a country column or use the slug.",
        "line 3, column “email” (Bob Jones, Twin): Enter a valid email address.",
    ]
    assert census()["people"] == 0


def test_profiles_import_creates_published_profiles_with_offers_and_requests():
    OrganizationFactory(name="Acme", country="GB", sectors=["C25"])
    content = csv_bytes(
        [
            [
                "organization",
                "title",
                "offers",
                "offer_text",
                "seeks",
                "target_countries",
                "sectors",
                "publish",
            ],
            [
                "Acme",
                "Precision parts",
                "subcontracting",
                "CNC up to 2 m",
                "Distribution; market entry",
                "CN, BR",
                "",
                "yes",
            ],
            ["Acme", "Draft idea", "", "", "", "", "C32", "no"],
        ]
    )

    report = import_rows("profiles", content)

    assert report.ok, _problems(report)
    published = CooperationProfile.objects.get(title="Precision parts")
    assert (published.status, published.target_countries) == ("published", ["CN", "BR"])
    assert sorted(published.items.values_list("direction", "cooperation_type", "text")) == [
        ("offer", "subcontracting", "CNC up to 2 m"),
        ("seek", "distribution", ""),
        ("seek", "market_entry", ""),
    ]
    assert list(published.sectors.values_list("code", flat=True)) == ["C25"]
    assert CooperationProfile.objects.get(title="Draft idea").status == "draft"


def test_profiles_with_unknown_cooperation_types_write_nothing():
    OrganizationFactory(name="Acme", country="GB")
    content = csv_bytes(
        [
            ["organization", "title", "offers", "seeks"],
            ["Acme", "Good", "licensing", ""],
            ["Acme", "Bad", "smuggling", ""],
            ["Acme", "Empty", "", ""],
        ]
    )

    report = import_rows("profiles", content)

    assert _problems(report) == [
        "line 3, column “offers” (Bad): “smuggling” is not one of: acquisition, consulting, distribution, franchise, human_resources, investment, joint_venture, licensing, market_entry, outsourcing, subcontracting, supplier, technical_cooperation.",
        "line 4, column “offers” (Empty): A published profile needs at least one offer or request.",
    ]
    assert census()["profiles"] == census()["items"] == 0


REGISTRATIONS = [
    ["公司名称", "国家", "名", "姓", "姓名", "邮箱", "参会身份", "状态"],
    ["宁海文具有限公司", "CN", "Wei", "Zhang", "张伟", "zhang.wei@nh.example.cn", "企业家", "confirmed"],
    ["宁海文具有限公司", "CN", "Na", "Li", "李娜", "li.na@nh.example.cn", "entrepreneur", ""],
    [
        "Carolina Textile Association",
        "US",
        "Mary",
        "Brown",
        "",
        "mary@cta.example.org",
        "Association principal",
        "pending",
    ],
    ["Existing Bank", "", "Otto", "Geld", "", "otto@bank.example.de", "financial_firm", ""],
]


def test_registrations_create_missing_organizations_and_people_once():
    event = EventFactory()
    bank = OrganizationFactory(name="Existing Bank", country="DE", kind="financial")

    report = import_rows("registrations", csv_bytes(REGISTRATIONS), event=event)

    assert (report.ok, report.created, report.counts) == (True, 4, {"organizations": 2, "people": 4}), (
        _problems(report)
    )
    assert sorted(
        Registration.objects.filter(event=event).values_list(
            "person__family_name", "organization__name", "organization__kind", "role", "status"
        )
    ) == [
        ("Brown", "Carolina Textile Association", "association", "association_principal", "pending"),
        ("Geld", "Existing Bank", "financial", "financial_firm", "confirmed"),
        ("Li", "宁海文具有限公司", "sme", "entrepreneur", "confirmed"),
        ("Zhang", "宁海文具有限公司", "sme", "entrepreneur", "confirmed"),
    ]
    assert Organization.objects.filter(name="宁海文具有限公司").count() == 1
    assert Person.objects.get(family_name="Geld").organization == bank
    before = census()
    again = import_rows("registrations", csv_bytes(REGISTRATIONS), event=event)
    assert (again.ok, again.created, again.existing) == (True, 0, 4)
    assert census() == before


def test_registrations_with_any_bad_row_write_no_organization_person_or_registration():
    event = EventFactory()
    before = census()
    rows = [
        *REGISTRATIONS[:4],
        ["New Co", "", "Ann", "Smith", "", "ann@new.example", "entrepreneur", ""],
        ["宁海文具有限公司", "CN", "Wei", "Zhang", "张伟", "ZHANG.WEI@nh.example.cn", "entrepreneur", ""],
        ["Other Co", "FR", "Jean", "Dupont", "", "", "astronaut", "maybe"],
    ]

    report = import_rows("registrations", csv_bytes(rows), event=event)

    assert _problems(report) == [
        "line 5, column “国家” (Ann Smith, New Co): “New Co” is a new organization: give its country.",
        "line 6, column “邮箱” (Wei Zhang, 宁海文具有限公司): Duplicate of line 2.",
        "line 7, column “参会身份” (Jean Dupont, Other Co): “astronaut” is not one of: association_principal, consular_officer, entrepreneur, financial_firm, government_official, media.",
        "line 7, column “状态” (Jean Dupont, Other Co): “maybe” is not one of: cancelled, checked_in, confirmed, pending, waitlisted.",
    ]
    assert census() == before


def test_registrations_need_an_event_and_kinds_are_checked():
    with pytest.raises(DomainError, match="Registrations are imported into an event"):
        import_rows("registrations", csv_bytes(REGISTRATIONS))
    with pytest.raises(DomainError, match="is not a kind of import"):
        import_rows("meetings", csv_bytes(REGISTRATIONS))


def test_check_without_writing_reports_counts_and_writes_nothing():
    report = import_rows("organizations", csv_bytes(ORGANIZATIONS), write=False)

    assert (report.ok, report.written, report.created) == (True, False, 3)
    assert census()["organizations"] == 0
