import pytest
from django.core.exceptions import ValidationError

from smexchange.common.validators import (
    time_zone_choices,
    validate_country_code,
    validate_country_codes,
    validate_language_codes,
    validate_time_zone,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("code", ["CN", "US", "BR", "GB"])
def test_validate_country_code_accepts_iso_codes(code):
    validate_country_code(code)


@pytest.mark.parametrize("code", ["XX", "cn", "CHN", "", "UK"])
def test_validate_country_code_rejects_unknown_codes(code):
    with pytest.raises(ValidationError) as caught:
        validate_country_code(code)

    assert caught.value.code == "invalid_country"
    assert caught.value.messages == [f"“{code}” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]


def test_validate_country_codes_rejects_one_bad_code_in_a_list():
    with pytest.raises(ValidationError) as caught:
        validate_country_codes(["CN", "ZZ"])

    assert caught.value.messages == ["“ZZ” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]


def test_validate_country_codes_rejects_a_non_list():
    with pytest.raises(ValidationError) as caught:
        validate_country_codes("CN")

    assert caught.value.code == "invalid_country_list"


def test_validate_language_codes_accepts_iso_639_1_codes():
    validate_language_codes(["zh", "en", "pt"])


@pytest.mark.parametrize(("value", "bad"), [(["zh", "chinese"], "chinese"), (["xx"], "xx"), (["zho"], "zho")])
def test_validate_language_codes_rejects_unknown_codes(value, bad):
    with pytest.raises(ValidationError) as caught:
        validate_language_codes(value)

    assert caught.value.code == "invalid_language"
    assert caught.value.messages == [f"“{bad}” is not an ISO 639-1 language code (e.g. zh, en, pt)."]


def test_validate_language_codes_rejects_a_non_list():
    with pytest.raises(ValidationError) as caught:
        validate_language_codes("zh")

    assert caught.value.code == "invalid_language_list"


@pytest.mark.parametrize("name", ["Asia/Shanghai", "America/New_York", "UTC"])
def test_validate_time_zone_accepts_iana_names(name):
    validate_time_zone(name)


@pytest.mark.parametrize("name", ["Asia/Beijing", "GMT+8 China", "", "../etc/passwd"])
def test_validate_time_zone_rejects_unknown_names(name):
    with pytest.raises(ValidationError) as caught:
        validate_time_zone(name)

    assert caught.value.code == "invalid_time_zone"
    assert caught.value.messages == [f"“{name}” is not a time zone name (e.g. Asia/Shanghai)."]


def test_time_zone_choices_are_sorted_and_include_shanghai():
    names = [name for name, _label in time_zone_choices()]

    assert names == sorted(names)
    assert ("Asia/Shanghai", "Asia/Shanghai") in time_zone_choices()
