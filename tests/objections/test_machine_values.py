"""The status page of an objection: its <time datetime> values are valid HTML."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine

from apps.objections.letters import status_url
from tests.html_checks import machine_value_problems

FILED = dt.datetime(2026, 3, 16, 2, 0, 7, 654321, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_status_page_datetimes_are_valid_html_in_indonesian(
    client, refused, file_objection
):
    with time_machine.travel(FILED, tick=False):
        objection = file_objection(refused, when=FILED)
    client.cookies.clear()  # the visitor's own language: Indonesian by default
    html = client.get(
        urlsplit(status_url(objection)).path, HTTP_ACCEPT_LANGUAGE="id"
    ).content.decode()
    assert '<html lang="id"' in html
    problems, checked = machine_value_problems(html)
    assert problems == []
    assert checked["datetime"] >= 1
    assert 'datetime="2026-03-16T10:00:07+08:00"' in html
