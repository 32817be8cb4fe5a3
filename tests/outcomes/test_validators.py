import pytest
from django.core.exceptions import ValidationError

from smexchange.outcomes.validators import DOCX, JPEG, PDF, PNG, sniff_document, validate_currency_code
from tests.outcomes.documents import docx_bytes, png_bytes, zip_bytes

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("code", ["CNY", "USD", "EUR", "BRL", "JPY", ""])
def test_currency_codes_accepted(code):
    validate_currency_code(code)


@pytest.mark.parametrize("code", ["RMB", "usd", "XYZ", "US$"])
def test_currency_codes_refused(code):
    with pytest.raises(ValidationError, match="not an ISO 4217 currency code"):
        validate_currency_code(code)


def test_sniff_recognizes_each_kind():
    kinds = [
        sniff_document(b"%PDF-1.7\n"),
        sniff_document(png_bytes()[:16]),
        sniff_document(b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        sniff_document(docx_bytes()[:16], docx_bytes()),
    ]

    assert kinds == [PDF, PNG, JPEG, DOCX]


def test_sniff_refuses_a_plain_zip_and_text():
    assert [sniff_document(zip_bytes()[:16], zip_bytes()), sniff_document(b"hello", b"hello")] == [None, None]
