"""Bar charts as inline SVG, drawn on the server: no JavaScript, and the same
numbers are always shown in a table next to the chart.

Every coordinate leaves here as a string with a dot decimal: a number handed to
the template would be locale-formatted (Indonesian writes 87,3), and SVG does
not read a decimal comma. Only the value printed beside a bar is for people,
so only that one follows the reader's language."""

from __future__ import annotations

from django.utils import formats

WIDTH = 640
LABEL_WIDTH = 250
BAR_START = LABEL_WIDTH + 10
BAR_MAX = WIDTH - BAR_START - 60
ROW_HEIGHT = 26
BAR_HEIGHT = 16
LABEL_CHARS = 36


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _number(value) -> str:
    """The value as the reader writes numbers (86,11 in Indonesian)."""
    if isinstance(value, float) and not value.is_integer():
        return formats.number_format(value, decimal_pos=2)
    return str(int(value))


def _svg(value: float) -> str:
    """A coordinate or length for an SVG attribute: 87.3, 260, never 87,3."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def bar_chart(series: dict) -> dict:
    """Geometry of a horizontal bar chart of `series` for reports/_chart.html."""
    rows = series["rows"]
    top = max((row["value"] or 0 for row in rows), default=0)
    bars = []
    for index, row in enumerate(rows):
        value = row["value"] or 0
        width = round(BAR_MAX * value / top, 1) if top else 0
        y = index * ROW_HEIGHT
        bars.append(
            {
                "label": _short(row["label"]),
                "value": _number(value),
                "y": _svg(y),
                "text_y": _svg(y + BAR_HEIGHT - 3),
                "width": _svg(width),
                "value_x": _svg(BAR_START + width + 6),
            }
        )
    return {
        "width": _svg(WIDTH),
        "height": _svg(max(len(rows), 1) * ROW_HEIGHT),
        "bar_start": _svg(BAR_START),
        "bar_height": _svg(BAR_HEIGHT),
        "label_x": _svg(LABEL_WIDTH),
        "bars": bars,
    }
