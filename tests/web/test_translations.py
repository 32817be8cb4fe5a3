"""The Chinese catalogue is complete, compiled, and covers every template string."""

import re
from pathlib import Path

import polib
import pytest

import smexchange

pytestmark = pytest.mark.unit

PACKAGE = Path(smexchange.__file__).parent
CATALOGUE = PACKAGE / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
TRANSLATE_TAG = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
BLOCK_TAG = re.compile(
    r"{%\s*blocktranslate[^%]*%}(.*?)(?:{%\s*plural\s*%}.*?)?{%\s*endblocktranslate\s*%}", re.S
)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")


def _template_msgids() -> set[str]:
    msgids = set()
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text()
        msgids |= {match.group(2) for match in TRANSLATE_TAG.finditer(text)}
        msgids |= {VARIABLE.sub(r"%(\1)s", match.group(1)) for match in BLOCK_TAG.finditer(text)}
    return msgids


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    po = polib.pofile(str(CATALOGUE))

    assert [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()] == []


def test_compiled_catalogue_matches_source():
    po = polib.pofile(str(CATALOGUE))
    mo = polib.mofile(str(CATALOGUE.with_suffix(".mo")))

    source = {(entry.msgid, entry.msgstr or str(entry.msgstr_plural)) for entry in po if entry.msgid}
    compiled = {(entry.msgid, entry.msgstr or str(entry.msgstr_plural)) for entry in mo if entry.msgid}
    assert compiled == source


def test_every_template_string_is_in_the_catalogue():
    known = {entry.msgid for entry in polib.pofile(str(CATALOGUE))}

    assert sorted(_template_msgids() - known) == []
