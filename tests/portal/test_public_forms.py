"""Issue 19 item 5, server side: one field template and one error summary for the
public forms of request, objection and complaint."""

import re

import pytest

from tests.html_checks import elements

FORMS = [
    "/permohonan/ajukan/",
    "/keberatan/ajukan/",
    "/keberatan/ajukan/informasi-berkala/",
    "/pengaduan/ajukan/",
]


def _ids(html: str) -> set[str]:
    return {a["id"] for _, a, _ in elements(html) if a.get("id")}


def _described_by(html: str) -> list[str]:
    return [
        ref
        for _, a, _ in elements(html)
        for ref in (a.get("aria-describedby") or "").split()
    ]


def _controls(html: str) -> list[dict]:
    return [
        a
        for tag, a, _ in elements(html)
        if tag in ("input", "select", "textarea")
        and a.get("type") not in ("hidden", "radio", "checkbox")
        and a.get("name") not in ("website", "csrfmiddlewaretoken")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", FORMS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_described_by_id_exists(client, units, url, method):
    response = getattr(client, method)(url, {"name": "", "website": ""})
    html = response.content.decode()
    assert response.status_code == 200
    refs = _described_by(html)
    assert refs, url
    assert set(refs) <= _ids(html), url
    assert not re.search(r'id="id_\w+_help"', html)  # the old, unreferenced ids


@pytest.mark.django_db
def test_help_texts_of_the_request_form_are_read(client, units):
    html = client.get("/permohonan/ajukan/").content.decode()
    helps = re.findall(r'id="(id_\w+_helptext)"', html)
    assert len(helps) >= 10
    refs = set(_described_by(html))
    assert set(helps) <= refs  # each help text is named by its control or group


@pytest.mark.django_db
@pytest.mark.parametrize("url", FORMS)
def test_every_form_is_styled_alike(client, units, url):
    html = client.get(url).content.decode()
    assert "data-public-form" in html
    assert 'id="form-errors"' in html  # the summary, hidden until needed
    for control in _controls(html):
        assert re.search(r"\bform-(control|select)\b", control.get("class", "")), (
            url,
            control,
        )


@pytest.mark.django_db
def test_objection_start_form_is_styled(client):
    html = client.get("/keberatan/ajukan/").content.decode()
    inputs = [a for a in _controls(html) if a.get("name") in ("number", "contact")]
    assert len(inputs) == 2
    assert all("form-control" in a["class"] for a in inputs)
    assert 'class="public-form form-section mb-5"' in html


@pytest.mark.django_db
def test_error_summary_lists_each_error_with_a_link(client, units):
    html = client.post(
        "/pengaduan/ajukan/",
        {"identity": "identified", "reporter_email": "bukan-email", "title": ""},
    ).content.decode()
    summary = html[
        html.index('id="form-errors"') : html.index(
            "</div>", html.index('id="form-errors"')
        )
    ]
    assert " hidden" not in summary[: summary.index(">")]
    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary)
    targets = {target for target, _ in links}
    assert {"id_reporter_email", "id_title", "id_description"} <= targets
    assert targets <= _ids(html)
    assert re.search(r"Ada \d+ masalah pada formulir", summary)
    # Beside the field: the message, named by the field.
    assert 'id="id_title_error"' in html
    title = next(a for tag, a, _ in elements(html) if a.get("id") == "id_title")
    assert title["aria-describedby"] == "id_title_error"
    assert title["aria-invalid"] == "true"
    assert "is-invalid" in title["class"]


@pytest.mark.django_db
def test_radio_group_errors_link_to_the_first_option(client, units):
    html = client.post("/pengaduan/ajukan/", {"identity": ""}).content.decode()
    assert 'href="#id_identity_0"' in html
    assert re.search(
        r'<fieldset aria-describedby="id_identity_helptext id_identity_error"', html
    )


@pytest.mark.django_db
def test_anonymous_switch_and_identity_group_are_marked(client, units):
    html = client.get("/pengaduan/ajukan/").content.decode()
    assert 'data-anonymous-value="anonymous"' in html
    group = html[html.index("data-identity-fields") :]
    group = group[: group.index("</fieldset>")]
    for name in ["reporter_name", "reporter_nik", "reporter_phone", "reporter_email"]:
        assert f'name="{name}"' in group
    assert 'name="identity"' not in group


@pytest.mark.django_db
def test_optional_parts_of_the_request_form_are_folded(client, units):
    html = client.get("/permohonan/ajukan/").content.decode()
    details = html[html.index("<details") : html.index("</details>")]
    assert " open" not in details[: details.index(">")]
    assert 'name="representative_name"' in details
    # Unfolded when it holds a value the applicant typed.
    html = client.post(
        "/permohonan/ajukan/", {"representative_name": "Sutrisno"}
    ).content.decode()
    opening = html[html.index("<details") :]
    assert " open" in opening[: opening.index(">")]
