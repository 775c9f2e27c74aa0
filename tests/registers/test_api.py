import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.tokens import api_token_issue
from apps.registers import services
from apps.registers.models import InformationItem
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Token {api_token_issue(user=user)}"}


def test_list_filters_and_documents(client, units, utama, sample_pdf):
    item = InformationItemFactory(
        unit=units["dinkes"], published=True, title="Profil Kesehatan", year=2024
    )
    services.document_add(
        actor=utama,
        item=item,
        title="Profil",
        upload=SimpleUploadedFile("profil.pdf", sample_pdf),
    )
    InformationItemFactory(unit=units["bpbd"], published=True, category="serta_merta")
    InformationItemFactory(unit=units["dinkes"])  # draft
    assert client.get("/api/v1/information/").json()["count"] == 2
    for query in ["unit=dinkes", "year=2024", "category=setiap_saat", "q=kesehatan"]:
        data = client.get(f"/api/v1/information/?{query}").json()
        assert [r["id"] for r in data["results"]] == [item.pk], query
    detail = client.get(f"/api/v1/information/{item.pk}/").json()
    document = detail["documents"][0]
    assert document["page_count"] == 1
    assert document["download_url"].startswith("http://testserver/informasi/dokumen/")
    assert client.get(document["download_url"]).status_code == 200


def test_anonymous_cannot_write(client, units):
    response = client.post(
        "/api/v1/information/", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def payload(unit_slug, **extra):
    return {
        "category": "setiap_saat",
        "title": "SOP Pelayanan",
        "unit": unit_slug,
        "year": 2025,
        **extra,
    }


def test_officer_creates_and_updates_within_units(client, units, pelaksana_dinkes):
    headers = auth(pelaksana_dinkes)
    response = client.post(
        "/api/v1/information/",
        payload("dinkes"),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.json()
    item = InformationItem.objects.get()
    assert item.status == "draft"
    assert item.history.get().history_user == pelaksana_dinkes
    response = client.patch(
        f"/api/v1/information/{item.pk}/",
        {"title": "SOP Pelayanan (revisi)", "status": "published"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.title, item.status) == ("SOP Pelayanan (revisi)", "draft")


def test_officer_refused_for_other_units(client, units, pelaksana_dinkes):
    headers = auth(pelaksana_dinkes)
    response = client.post(
        "/api/v1/information/",
        payload("bpbd"),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert "unit" in response.json()
    other = InformationItemFactory(unit=units["bpbd"])
    response = client.patch(
        f"/api/v1/information/{other.pk}/",
        {"title": "Diubah"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title != "Diubah"


def test_berkala_rules_are_field_errors(client, units, utama):
    response = client.post(
        "/api/v1/information/",
        payload(
            "dinkes",
            category="berkala",
            last_refreshed_on="2025-01-01",
            refresh_due="2026-01-01",
            format_softcopy=False,
        ),
        content_type="application/json",
        **auth(utama),
    )
    assert response.status_code == 400
    assert {"refresh_due", "format_softcopy"} <= set(response.json())
