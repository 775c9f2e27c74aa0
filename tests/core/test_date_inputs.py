"""<input type="date"> holds an ISO date in every language: the browser drops any
other value (the Indonesian 01-01-2026) and then blocks the form."""

import datetime as dt
import importlib
import re
from pathlib import Path

import pytest
import time_machine

from django import forms
from django.utils import translation

from apps.accounts.roles import Role
from tests.html_checks import elements

TODAY = dt.datetime(2026, 3, 20, 2, 0, tzinfo=dt.UTC)  # Friday 20 March 2026, WITA
ROOT = Path(__file__).resolve().parents[2]


def date_inputs(html: str) -> dict[str, str]:
    """{name: value} of the page's <input type="date">."""
    return {
        attrs["name"]: attrs.get("value", "")
        for tag, attrs, _svg in elements(html)
        if tag == "input" and attrs.get("type") == "date"
    }


def labels(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, flags=re.S)
    ]


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("role", "path"),
    [
        (Role.PPID_UTAMA, "/admin/info_requests/informationrequest/register-book/"),
        (Role.ATASAN_PPID, "/admin/objections/objection/register/"),
    ],
)
def test_register_forms_in_indonesian_hold_iso_dates(client, officer, role, path):
    client.force_login(officer(role))
    html = client.get(path).content.decode()
    assert '<html lang="id"' in html
    assert date_inputs(html) == {"start": "2026-01-01", "end": "2026-03-20"}
    assert "Dari tanggal:" in labels(html)
    assert "Sampai tanggal:" in labels(html)
    assert "Kepada:" not in labels(html)
    # What the browser sends back from the untouched form is accepted.
    response = client.get(path, {**date_inputs(html), "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in sorted(ROOT.glob("apps/*/*forms.py")) + sorted(
        ROOT.glob("apps/*/admin.py")
    ):
        importlib.import_module(
            ".".join(module.relative_to(ROOT).with_suffix("").parts)
        )
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("apps."):
            found.append(cls)
    return found


def test_every_date_input_of_the_project_renders_iso_in_indonesian():
    from apps.core.widgets import NativeDateInput

    date_fields = [
        (form.__name__, name, field)
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if getattr(field.widget, "input_type", "") == "date"
    ]
    # the register books, the dispute steps, the calculator, the complaint form
    assert len(date_fields) >= 8
    with translation.override("id"):
        for form_name, name, field in date_fields:
            assert isinstance(field.widget, NativeDateInput), (form_name, name)
            html = field.widget.render(name, dt.date(2026, 1, 1))
            assert 'value="2026-01-01"' in html, (form_name, name, html)
