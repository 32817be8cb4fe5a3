"""Charts of the reports as PNG images, drawn with matplotlib's Agg backend (no display needed).

Labels may be Chinese: the text is set in Noto Sans CJK (Debian's fonts-noto-cjk), which has Latin
glyphs too, with DejaVu Sans as the fallback for anything else. Each chart is drawn from a
`ChartData`, the same table that the XLSX workbook writes as the sheet behind the chart.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP")
# The alliance's colours: a blue for bars, an orange for what came out of them.
BLUE = "#1f5f99"
ORANGE = "#d9822b"
MAX_BARS = 15


@dataclass(frozen=True)
class ChartData:
    """A chart and the table behind it.

    `kind` is `bar` (rows: label, value), `funnel` (the same, in order), `heatmap` (columns: a blank
    then the column labels; rows: the row label then the counts) or `lines` (columns: the x label then
    one per series; rows: x then the values).
    """

    code: str
    title: str
    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    other_label: str = "Other"  # the bar that sums the rows beyond MAX_BARS

    @property
    def is_empty(self) -> bool:
        if self.kind == "heatmap":
            return not any(value for row in self.rows for value in row[1:])
        return not any(row[1] for row in self.rows) if self.rows else True


@cache
def _font_families() -> list[str]:
    """The CJK family that is installed (Simplified Chinese face first), then DejaVu as fallback."""
    for path in CJK_FONT_FILES:
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError):
            continue
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    cjk = next((family for family in CJK_FAMILIES if family in installed), None)
    return [cjk, "DejaVu Sans"] if cjk else ["DejaVu Sans"]


@contextmanager
def _style() -> Iterator[None]:
    with matplotlib.rc_context(
        {
            "font.family": _font_families(),
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
        }
    ):
        yield


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    FigureCanvasAgg(figure).print_png(out)
    return out.getvalue()


def _bars(chart: ChartData) -> Figure:
    rows = list(chart.rows)
    if len(rows) > MAX_BARS:
        rest = sum(float(row[1]) for row in rows[MAX_BARS - 1 :])  # type: ignore[arg-type]
        rows = [*rows[: MAX_BARS - 1], (chart.other_label, rest)]
    labels = [str(row[0]) for row in rows][::-1]
    values = [float(row[1]) for row in rows][::-1]  # type: ignore[arg-type]
    figure = Figure(figsize=(7.0, 0.9 + 0.32 * len(rows)), dpi=150)
    axes = figure.add_subplot()
    bars = axes.barh(labels, values, color=BLUE)
    axes.bar_label(bars, labels=[f"{value:,.0f}" for value in values], padding=3, fontsize=8)
    axes.set_xlabel(str(chart.columns[1]))
    axes.margins(x=0.12)
    figure.tight_layout()
    return figure


def _funnel(chart: ChartData) -> Figure:
    labels = [str(row[0]) for row in chart.rows]
    values = [float(row[1]) for row in chart.rows]  # type: ignore[arg-type]
    widest = max(values) or 1.0
    figure = Figure(figsize=(7.0, 0.9 + 0.55 * len(labels)), dpi=150)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    colours = [BLUE if index < 3 else ORANGE for index in range(len(labels))]
    axes.barh(positions, values, left=[(widest - value) / 2 for value in values], color=colours, height=0.8)
    for position, value, label in zip(positions, values, labels, strict=True):
        axes.text(widest / 2, position, f"{label}: {value:,.0f}", ha="center", va="center", color="black",
                  fontsize=9, bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.5})  # fmt: skip
    axes.set_axis_off()
    axes.set_xlim(0, widest)
    figure.tight_layout()
    return figure


def _heatmap(chart: ChartData) -> Figure:
    labels = [str(row[0]) for row in chart.rows]
    matrix = [[float(value) for value in row[1:]] for row in chart.rows]  # type: ignore[arg-type]
    size = max(len(labels), 4)
    figure = Figure(figsize=(2.6 + 0.5 * size, 1.6 + 0.45 * size), dpi=150)
    axes = figure.add_subplot()
    image = axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels=[str(column) for column in chart.columns[1:]], rotation=60,
                    ha="right")  # fmt: skip
    axes.set_yticks(range(len(labels)), labels=labels)
    top = max((value for row in matrix for value in row), default=0.0)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                colour = "white" if value > top * 0.6 else "black"
                axes.text(j, i, f"{value:,.0f}", ha="center", va="center", fontsize=7, color=colour)
    figure.colorbar(image, ax=axes, shrink=0.7)
    figure.tight_layout()
    return figure


def _lines(chart: ChartData) -> Figure:
    # Numeric positions with the years as tick labels: matplotlib would guess at strings of digits.
    xs = list(range(len(chart.rows)))
    figure = Figure(figsize=(7.0, 3.4), dpi=150)
    axes = figure.add_subplot()
    series = chart.columns[1:]
    colours = [BLUE, ORANGE, "#5a9e4b", "#8e5ea2"]
    other = axes.twinx() if len(series) == 2 else None
    for index, name in enumerate(series):
        target = other if (other is not None and index == 1) else axes
        values = [float(row[index + 1]) for row in chart.rows]  # type: ignore[arg-type]
        target.plot(xs, values, marker="o", color=colours[index % len(colours)], label=str(name))
        target.set_ylabel(str(name), color=colours[index % len(colours)])
    if other is not None:
        other.spines["right"].set_visible(True)
    axes.set_xticks(xs, labels=[str(row[0]) for row in chart.rows])
    axes.set_xlabel(str(chart.columns[0]))
    figure.tight_layout()
    return figure


DRAWERS = {"bar": _bars, "funnel": _funnel, "heatmap": _heatmap, "lines": _lines}


def draw_chart(chart: ChartData) -> bytes:
    """The chart as a PNG image, without its title (the document sets it as text above the image).

    The caller shows a note instead of an empty chart (`is_empty`).
    """
    with _style():
        return _png(DRAWERS[chart.kind](chart))
