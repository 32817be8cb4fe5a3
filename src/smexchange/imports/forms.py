from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smexchange.imports.enums import ImportKind
from smexchange.imports.files import MAX_FILE_BYTES, UnreadableFileError, sniff_format


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        # The size first, before reading it; then the type from the bytes, never from the name.
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."), params={"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        content = upload.read()
        try:
            self.cleaned_data["format"] = sniff_format(content)
        except UnreadableFileError as error:
            raise forms.ValidationError(error.problem.message) from None
        self.cleaned_data["content"] = content
        return upload
