"""Form widgets rendered in Python where Django's per-option templates are too slow.

Django renders every <option> of a select through two template includes. A country filter
(about 250 options) and the sector list (about 110) cost a directory page tens of
milliseconds each time, more than its queries; under load that is most of the page's time.
These widgets give the same markup without the per-option templates.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """Attributes in their order, as Django's attrs.html writes them: False omitted, True bare."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value)),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class PythonRenderedSelectMixin:
    """Renders a select from the widget's own context (name, attrs, optgroups), markup as Django's."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',  # the option template ends in a newline
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every part above went through format_html


class FastSelect(PythonRenderedSelectMixin, forms.Select):
    pass


class FastSelectMultiple(PythonRenderedSelectMixin, forms.SelectMultiple):
    pass
