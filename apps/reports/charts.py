"""Bar charts as inline SVG, drawn on the server: no JavaScript, and the same
numbers are always shown in a table next to the chart."""

from __future__ import annotations

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
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}"
    return str(int(value))


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
                "y": y,
                "text_y": y + BAR_HEIGHT - 3,
                "width": width,
                "value_x": BAR_START + width + 6,
            }
        )
    return {
        "width": WIDTH,
        "height": max(len(rows), 1) * ROW_HEIGHT,
        "bar_start": BAR_START,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH,
        "bars": bars,
    }
