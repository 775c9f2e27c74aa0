"""The inbox thread: its <time datetime> values are valid HTML in Indonesian."""

import datetime as dt

import pytest

from apps.accounts.roles import Role
from tests.html_checks import machine_value_problems

from .test_admin import CHANGELIST, receive

pytestmark = pytest.mark.django_db


def test_thread_datetimes_are_valid_html(client, officer, provider):
    sent = dt.datetime(2026, 3, 16, 1, 15, 30, 456789, tzinfo=dt.UTC)
    conversation = receive(text="Pesan pertama", when=sent)
    client.force_login(officer(Role.PETUGAS_LAYANAN, username="petugas"))
    html = client.get(f"{CHANGELIST}{conversation.pk}/change/").content.decode()
    assert "Pesan pertama" in html
    problems, checked = machine_value_problems(html)
    assert problems == []
    assert checked["datetime"] >= 1
    assert 'datetime="2026-03-16T09:15:30+08:00"' in html
