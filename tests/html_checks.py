"""Checks of the values in HTML attributes that machines read (browsers, crawlers):
SVG coordinates, <time datetime>, tel: links. They must follow their grammar
whatever the page's language, never the Indonesian 87,3."""

import datetime as dt
import re
from html.parser import HTMLParser

SVG_NUMBER = re.compile(r"-?\d+(\.\d+)?")
SVG_LENGTH = re.compile(r"-?\d+(\.\d+)?(%|px|em|rem|ex|pt|pc|mm|cm|in)?")
SVG_NUMERIC_ATTRIBUTES = frozenset(
    ["x", "y", "x1", "x2", "y1", "y2", "width", "height", "font-size"]
)
# HTML: a valid date string, or a valid global date and time string (at most
# three digits of a second's fraction, an explicit offset or Z).
HTML_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HTML_GLOBAL_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})"
)
# RFC 3966 global number: "+", digits, optional visual separators; 8-15 digits.
TEL_URI = re.compile(r"tel:\+[0-9]+([-.][0-9]+)*")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_svg = 0
        self.elements: list[tuple[str, dict, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth_in_svg += 1
        self.elements.append((tag, dict(attrs), self.depth_in_svg > 0))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), self.depth_in_svg > 0 or tag == "svg"))

    def handle_endtag(self, tag):
        if tag == "svg" and self.depth_in_svg:
            self.depth_in_svg -= 1


def elements(html: str) -> list[tuple[str, dict, bool]]:
    """(tag, attributes, inside an <svg>) of every element of the page."""
    collector = _Collector()
    collector.feed(html)
    return collector.elements


def valid_html_datetime(value: str) -> bool:
    if HTML_DATE.fullmatch(value):
        dt.date.fromisoformat(value)
        return True
    if HTML_GLOBAL_DATETIME.fullmatch(value):
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    return False


def valid_tel_uri(value: str) -> bool:
    return bool(TEL_URI.fullmatch(value)) and 8 <= len(re.sub(r"\D", "", value)) <= 15


def machine_value_problems(html: str) -> tuple[list[str], dict[str, int]]:
    """(every invalid machine value found, how many of each kind were checked)."""
    problems: list[str] = []
    checked = {"svg": 0, "datetime": 0, "tel": 0}
    for tag, attrs, in_svg in elements(html):
        if in_svg:
            for name, value in attrs.items():
                if name == "viewbox":
                    checked["svg"] += 1
                    numbers = (value or "").split()
                    if len(numbers) != 4 or not all(
                        SVG_NUMBER.fullmatch(n) for n in numbers
                    ):
                        problems.append(f'<{tag} viewBox="{value}">')
                elif name in SVG_NUMERIC_ATTRIBUTES:
                    checked["svg"] += 1
                    if not SVG_LENGTH.fullmatch(value or ""):
                        problems.append(f'<{tag} {name}="{value}">')
        if "datetime" in attrs:
            checked["datetime"] += 1
            if not valid_html_datetime(attrs["datetime"] or ""):
                problems.append(f'<{tag} datetime="{attrs["datetime"]}">')
        href = attrs.get("href") or ""
        if href.startswith("tel:"):
            checked["tel"] += 1
            if not valid_tel_uri(href):
                problems.append(f'<{tag} href="{href}">')
    return problems, checked
