import pytest

from django.test import RequestFactory

from apps.core.antispam import HONEYPOT_FIELD, SpamProtectedForm, over_limit
from apps.core.tracking import make_status_token, read_status_token


class NameForm(SpamProtectedForm):
    from django import forms

    name = forms.CharField()


def test_honeypot_filled_is_refused():
    form = NameForm({"name": "Budi", HONEYPOT_FIELD: "http://spam.example"})
    assert not form.is_valid()
    assert HONEYPOT_FIELD in form.errors


def test_honeypot_empty_passes_without_captcha():
    form = NameForm({"name": "Budi"})
    assert form.is_valid(), form.errors
    assert "captcha" not in form.fields


@pytest.mark.django_db
def test_captcha_required_when_asked():
    from captcha.models import CaptchaStore

    form = NameForm({"name": "Budi"}, require_captcha=True)
    assert not form.is_valid()
    assert "captcha" in form.errors
    wrong = NameForm(
        {"name": "Budi", "captcha_0": CaptchaStore.generate_key(), "captcha_1": "x"},
        require_captcha=True,
    )
    assert not wrong.is_valid()
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    right = NameForm(
        {"name": "Budi", "captcha_0": key, "captcha_1": answer}, require_captcha=True
    )
    assert right.is_valid(), right.errors


def test_rate_limit_per_ip(settings):
    settings.PUBLIC_FORM_RATE = "3/h"
    factory = RequestFactory()
    first_ip = factory.post("/", REMOTE_ADDR="10.1.1.1")
    other_ip = factory.post("/", REMOTE_ADDR="10.1.1.2")
    results = [over_limit(first_ip, group="t", increment=True) for _ in range(4)]
    assert results == [False, False, False, True]
    assert not over_limit(other_ip, group="t", increment=True)
    assert over_limit(first_ip, group="t", increment=False)


def test_status_token_round_trip_and_tamper():
    token = make_status_token("request", "REQ-2026-00001")
    assert read_status_token(token, kind="request") == "REQ-2026-00001"
    assert read_status_token(token, kind="complaint") is None
    assert read_status_token(token[:-2] + "xx", kind="request") is None
    assert read_status_token("garbage", kind="request") is None
