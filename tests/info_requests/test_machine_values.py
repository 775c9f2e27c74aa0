"""The status page of a request: its <time datetime> values are valid HTML."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine

from apps.info_requests import services
from apps.info_requests.letters import status_url
from tests.html_checks import machine_value_problems

# A moment with microseconds, as timezone.now() has them in production.
SUBMITTED = dt.datetime(2026, 3, 2, 1, 0, 5, 123456, tzinfo=dt.UTC)
DECIDED = dt.datetime(2026, 3, 5, 2, 30, 0, 987654, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_status_page_datetimes_are_valid_html_in_indonesian(
    client, submit, utama, units
):
    with time_machine.travel(SUBMITTED, tick=False):
        request = submit(received_at=SUBMITTED)
    with time_machine.travel(DECIDED, tick=False):
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_decide(
            info_request=request, actor=utama, control="held", decision="granted",
            information_given="Rekap DBD",
        )  # fmt: skip
    html = client.get(urlsplit(status_url(request)).path).content.decode()
    assert '<html lang="id"' in html
    problems, checked = machine_value_problems(html)
    assert problems == []
    assert checked["datetime"] >= 3  # received, assigned, decided
    assert 'datetime="2026-03-02T09:00:05+08:00"' in html  # WITA, to the second
    assert 'datetime="2026-03-05T10:30:00+08:00"' in html
