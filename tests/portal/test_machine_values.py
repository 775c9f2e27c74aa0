"""Values for machines in the portal's HTML: tel: links (RFC 3966) and datetime
attributes (HTML), whatever the page's language."""

import datetime as dt

import pytest

from django.template import Context, Template
from django.utils import timezone, translation

from apps.core.models import BodyProfile
from tests.html_checks import machine_value_problems, valid_tel_uri


def render(source: str, **context) -> str:
    return Template("{% load machine %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("typed", "uri"),
    [
        ("(0549) 21010", "tel:+62-549-21010"),
        ("0812 3456 7890", "tel:+62-812-3456-7890"),
        ("+62 541 123456", "tel:+62-541-123456"),
        ("Hubungi kantor", ""),
        ("", ""),
    ],
)
def test_tel_uri(typed, uri):
    assert render("{{ phone|tel_uri }}", phone=typed) == uri
    if uri:
        assert valid_tel_uri(uri)


def test_html_datetime_is_to_the_second_in_local_time():
    moment = dt.datetime(2026, 3, 2, 1, 0, 5, 123456, tzinfo=dt.UTC)
    with translation.override("id"):
        assert render("{{ m|html_datetime }}", m=moment) == "2026-03-02T09:00:05+08:00"
        assert render("{{ d|html_datetime }}", d=dt.date(2026, 3, 2)) == "2026-03-02"
        assert render("{{ m|html_datetime }}", m=None) == ""
    assert timezone.get_current_timezone_name() == "Asia/Makassar"


@pytest.mark.django_db
class TestHome:
    def test_phone_link_is_a_valid_tel_uri_in_indonesian(self, client, units):
        profile = BodyProfile.load()
        profile.phone = "(0549) 21010"
        profile.save()
        html = client.get("/").content.decode()
        assert '<html lang="id"' in html
        assert '<a href="tel:+62-549-21010">(0549) 21010</a>' in html
        problems, checked = machine_value_problems(html)
        assert problems == []
        assert checked["tel"] == 1

    def test_text_that_is_no_phone_number_gets_no_link(self, client, units):
        profile = BodyProfile.load()
        profile.phone = "lihat situs web"
        profile.save()
        html = client.get("/").content.decode()
        assert "lihat situs web" in html
        assert 'href="tel:' not in html
