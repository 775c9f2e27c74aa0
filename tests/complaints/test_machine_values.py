"""The status page of a complaint: its <time datetime> values are valid HTML."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine

from apps.complaints import notifications, services
from tests.html_checks import machine_value_problems

SUBMITTED = dt.datetime(2026, 3, 16, 2, 0, 9, 250001, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_status_page_datetimes_are_valid_html_in_indonesian(client):
    with time_machine.travel(SUBMITTED, tick=False):
        result = services.complaint_submit(
            title="Antrean terlalu lama",
            description="Loket buka terlambat setiap pagi.",
            reporter_name="Budi Santoso",
            reporter_email="budi.santoso@example.com",
        )
    complaint = result.complaint
    html = client.get(
        urlsplit(notifications.status_link(complaint)).path
    ).content.decode()
    assert '<html lang="id"' in html
    problems, checked = machine_value_problems(html)
    assert problems == []
    assert checked["datetime"] >= 1
    assert 'datetime="2026-03-16T10:00:09+08:00"' in html
