"""Public pages of the disclosure log: list, search, answer, redacted files,
sitemap, the register hook, the unit page; the consent at filing; and, as a
crawler would see them, no personal data anywhere."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pymupdf
import pytest
from rest_framework.test import APIClient

from apps.disclosure import services
from apps.disclosure.models import PublishedAnswer
from apps.info_requests.models import InformationRequest
from tests.disclosure.conftest import ADDRESS, EMAIL, NAME, PERSONAL, PHONE
from tests.info_requests.test_views import FORM_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    for source, _label in services.sources_of(answer):
        services.published_document_redact(
            actor=pelaksana,
            answer=answer,
            source=source,
            marks=services.suggested_marks(answer, source),
        )
    services.refresh_search(answer.pk)
    return services.published_answer_publish(actor=pelaksana, answer=answer)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _crawl(client, start: list[str], limit: int = 60) -> dict[str, str]:
    """Every page and file reachable from `start` on this site (the way a search
    engine would follow links), as text: {path: text}."""
    seen, queue, texts = set(), list(start), {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            continue
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else (response.content)
        )
        if body.startswith(b"%PDF"):
            with pymupdf.open(stream=body, filetype="pdf") as document:
                texts[path] = "\n".join(page.get_text() for page in document)
            continue
        text = body.decode(errors="replace")
        texts[path] = text
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(text)
        for href in parser.links:
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith(("/jawaban/", "/data/")):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return texts


def test_a_crawler_finds_the_answer_but_no_personal_data(client, published):
    texts = _crawl(
        client,
        ["/jawaban/", published.get_absolute_url(), "/sitemap.xml", "/data/"],
    )
    assert published.get_absolute_url() in texts
    documents = [path for path in texts if "/jawaban/berkas/" in path]
    assert len(documents) == 2  # the notice letter and the document given
    assert any("123 kasus" in texts[path] for path in documents)
    phone_digits = re.sub(r"\D", "", PHONE)
    for path, text in texts.items():
        flat = " ".join(text.split())
        for value in [*PERSONAL, ADDRESS.split(",")[0]]:
            assert value not in flat, (path, value)
        assert phone_digits not in re.sub(r"\D", "", flat), path
        assert published.request.registration_number not in flat, path


def test_list_search_and_unit_filter(client, published, units):
    html = client.get("/jawaban/").content.decode()
    assert published.title[:30] in html
    found = client.get("/jawaban/?q=berdarah").content.decode()
    assert published.get_absolute_url() in found
    assert "<mark>berdarah</mark>" in found
    # A word only in the redacted document's text is found too.
    assert (
        published.get_absolute_url()
        in client.get("/jawaban/?q=Swarga").content.decode()
    )
    assert (
        published.get_absolute_url()
        not in client.get("/jawaban/?q=banjir").content.decode()
    )
    assert (
        published.get_absolute_url()
        not in client.get(f"/jawaban/?unit={units['bpbd'].slug}").content.decode()
    )


def test_the_register_search_shows_matching_answers(client, published):
    html = client.get("/informasi/?q=berdarah").content.decode()
    assert 'id="register-answers"' in html
    assert 'data-answers-url="/jawaban/cari.json?q=berdarah"' in html
    assert "/jawaban/?q=berdarah" in html
    assert 'id="register-answers"' not in client.get("/informasi/").content.decode()
    rows = client.get("/jawaban/cari.json", {"q": "berdarah"}).json()["answers"]
    assert [row["url"] for row in rows] == [published.get_absolute_url()]
    assert client.get("/jawaban/cari.json", {"q": "zzzz"}).json()["answers"] == []
    assert client.get("/jawaban/cari.json").json()["answers"] == []


def test_drafts_unpublished_answers_and_their_files_are_not_public(
    client, published, pelaksana
):
    document = published.documents.first()
    assert client.get(document.get_download_url()).status_code == 200
    services.published_answer_unpublish(
        actor=pelaksana, answer=published, reason="Ditinjau ulang."
    )
    assert client.get(published.get_absolute_url()).status_code == 404
    assert client.get(document.get_download_url()).status_code == 404
    assert (
        published.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    )
    assert client.get("/jawaban/berkas/999999/").status_code == 404


def test_the_sitemap_lists_published_answers(client, published):
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert "/jawaban/</loc>" in xml


def test_the_unit_page_shows_items_answers_officials_and_figures(
    client, make_decided, units, pelaksana
):
    import datetime as dt

    import time_machine

    from django.utils import timezone

    with time_machine.travel(dt.datetime(2026, 6, 12, 10, tzinfo=dt.UTC), tick=False):
        # Received Monday 8 June, noticed Friday 12 June: 4 working days.
        info_request = make_decided(
            received_at=timezone.make_aware(dt.datetime(2026, 6, 8, 9))
        )
        answer = services.published_answer_prepare(
            actor=pelaksana, info_request=info_request
        )
        for source, _label in services.sources_of(answer):
            services.published_document_redact(
                actor=pelaksana,
                answer=answer,
                source=source,
                marks=services.suggested_marks(answer, source),
            )
        services.published_answer_publish(actor=pelaksana, answer=answer)
        html = client.get(f"/unit/{units['dinkes'].slug}/").content.decode()
    assert answer.get_absolute_url() in html
    assert "Sari Wulandari" in html
    assert "Kepala Subbagian Umum" in html
    assert 'data-figure="requests">1<' in html
    assert 'data-figure="median">4<' in html
    assert 'data-figure="in-time">100%<' in html
    assert 'data-figure="objections">0<' in html
    for value in PERSONAL:
        assert value not in html
    other = client.get(f"/unit/{units['bpbd'].slug}/").content.decode()
    assert 'data-figure="requests">0<' in other
    assert answer.get_absolute_url() not in other


def test_the_form_and_the_api_record_the_consent(client, units, sample_pdf):
    html = client.get(FORM_URL).content.decode()
    assert 'name="publication_consent"' in html
    assert 'id="similar-requests"' in html
    client.post(FORM_URL, form_data(client, sample_pdf, publication_consent="on"))
    assert InformationRequest.objects.get(name="Siti Aminah").publication_consent
    client.post(FORM_URL, form_data(client, sample_pdf, name="Tanpa Izin"))
    assert not InformationRequest.objects.get(name="Tanpa Izin").publication_consent
    api = APIClient()
    payload = {
        "applicant_type": "legal_entity",
        "name": "PT Data Terbuka",
        "legal_entity_decree": "AHU-1",
        "address": "Sangatta",
        "email": "pt@example.com",
        "information_requested": "Data",
        "purpose": "Riset",
        "access_method": "view",
        "publication_consent": True,
    }
    assert api.post("/api/v1/requests/", payload, format="json").status_code == 201
    assert InformationRequest.objects.get(name="PT Data Terbuka").publication_consent


def test_answer_pages_answer_within_a_query_budget(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get("/jawaban/?q=berdarah").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(published.get_absolute_url()).status_code == 200


def test_every_published_answer_hides_the_applicant(client, published):
    answer = PublishedAnswer.objects.get(pk=published.pk)
    html = client.get(answer.get_absolute_url()).content.decode()
    assert "Published with the applicant" in html or "persetujuan pemohon" in html
    for value in (NAME, EMAIL, answer.request.nik):
        assert value not in html


def test_the_statistics_page_counts_published_answers(client, published):
    year = published.decided_on.year
    html = client.get(f"/statistik/?year={year}").content.decode()
    assert 'data-figure="published-answers"><a href="/jawaban/">1</a>' in html
