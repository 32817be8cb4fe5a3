import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from smexchange.common.fields import CountryField, country_choices

pytestmark = pytest.mark.unit


def test_country_field_deconstructs_without_vocabulary():
    field = CountryField(db_index=True)
    field.set_attributes_from_name("country")

    _name, path, args, kwargs = field.deconstruct()

    assert (path, args, kwargs) == (
        "smexchange.common.fields.CountryField",
        [],
        {"db_index": True, "verbose_name": "country"},
    )


def test_country_field_rejects_unknown_code_with_readable_message():
    field = CountryField()

    with pytest.raises(ValidationError) as caught:
        field.clean("ZZ", None)

    assert caught.value.messages == ["“ZZ” is not an ISO 3166-1 country code (e.g. CN, US, BR)."]


def test_country_choices_follow_active_language():
    with translation.override("en"):
        english = {code: str(name) for code, name in country_choices()}
    with translation.override("zh-hans"):
        chinese = {code: str(name) for code, name in country_choices()}

    assert (english["CN"], english["DE"]) == ("China", "Germany")
    assert (chinese["CN"], chinese["DE"]) == ("中国", "德国")
