"""The statistics charts draw in a real browser in Indonesian, the default
language: no SVG attribute is refused (a decimal comma once made 112 console
errors and empty charts)."""

import datetime as dt

import pytest
import time_machine

from apps.info_requests.models import Channel
from tests.info_requests.factories import InformationRequestFactory

TODAY = dt.datetime(2026, 9, 1, 1, 0, tzinfo=dt.UTC)


@pytest.fixture
def requests_2026(demo_site):
    # 3 on the web, 1 by e-mail, 2 walk-ins, 1 by WhatsApp: bar widths such as
    # 106.7 and 213.3, which Indonesian would write with a decimal comma.
    channels = [Channel.WEB] * 3 + [Channel.EMAIL] + [Channel.WALK_IN] * 2
    for channel in [*channels, Channel.WHATSAPP]:
        InformationRequestFactory(channel=channel)
    return demo_site


def _console_errors(page) -> list:
    """Console errors and uncaught exceptions of the page, but for the browser's
    own request for /favicon.ico (the portal has no favicon yet)."""
    errors = []

    def on_console(message):
        if message.type == "error" and not message.location.get("url", "").endswith(
            "/favicon.ico"
        ):
            errors.append((message.text, message.location.get("url")))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append((str(error), page.url)))
    return errors


def test_statistics_draw_without_console_errors_in_indonesian(requests_2026, page):
    errors = _console_errors(page)
    with time_machine.travel(TODAY, tick=True):
        response = page.goto(requests_2026.url + "/statistik/?year=2026")
        assert response.status == 200
        page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "Statistik" in page.title()
    bars = page.locator("svg.stat-chart rect.stat-bar")
    assert bars.count() > 10
    widths = [box["width"] for box in (bar.bounding_box() for bar in bars.all()) if box]
    assert max(widths) > 100  # the longest bars are drawn, not empty
    assert any(0 < width < max(widths) for width in widths)
    assert errors == []
