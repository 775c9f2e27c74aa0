import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from apps.registers import services
from tests.registers.factories import (
    AnnouncementFactory,
    ExemptInformationFactory,
    InformationItemFactory,
)

pytestmark = pytest.mark.django_db


def add_pdf(item, actor, sample_pdf):
    return services.document_add(
        actor=actor,
        item=item,
        title="Laporan",
        upload=SimpleUploadedFile("Laporan Keuangan 2024.pdf", sample_pdf),
    )


class TestDownloads:
    def test_published_document_streams_with_its_name(
        self, client, units, utama, sample_pdf
    ):
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        document = add_pdf(item, utama, sample_pdf)
        response = client.get(document.get_download_url())
        assert response.status_code == 200
        assert response.streaming
        assert b"".join(response.streaming_content) == sample_pdf
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="Laporan Keuangan 2024.pdf"' in response["Content-Disposition"]
        document.refresh_from_db()
        assert document.download_count == 1

    @pytest.mark.parametrize("state", ["draft", "withdrawn", "exempt"])
    def test_public_never_gets_closed_files(
        self, client, units, utama, sample_pdf, state
    ):
        item = InformationItemFactory(
            unit=units["dinkes"],
            published=state == "exempt",
            withdrawn=state == "withdrawn",
        )
        if state == "exempt":
            ExemptInformationFactory(unit=units["dinkes"], item=item)
        document = add_pdf(item, utama, sample_pdf)
        assert client.get(document.get_download_url()).status_code == 404
        assert client.get(item.get_absolute_url()).status_code == 404
        assert item.title not in client.get("/informasi/").content.decode()
        api = client.get("/api/v1/information/").json()
        assert api["count"] == 0
        assert client.get(f"/api/v1/information/{item.pk}/").status_code == 404
        document.refresh_from_db()
        assert document.download_count == 0

    def test_guessed_urls_reach_nothing(self, client, units, utama, sample_pdf):
        item = InformationItemFactory(unit=units["dinkes"])
        document = add_pdf(item, utama, sample_pdf)
        for url in [
            "/informasi/dokumen/999999/unduh/",
            f"/media/{document.file.name}",
            f"/media/registers/{document.file.name}",
            f"/private_media/registers/{document.file.name}",
            f"/informasi/{item.pk}/",
        ]:
            assert client.get(url).status_code == 404, url

    def test_officer_of_the_unit_may_open_a_draft_file(
        self, client, units, utama, pelaksana_dinkes, officer, sample_pdf
    ):
        from apps.accounts.roles import Role

        item = InformationItemFactory(unit=units["dinkes"])
        document = add_pdf(item, utama, sample_pdf)
        client.force_login(pelaksana_dinkes)
        assert client.get(document.get_download_url()).status_code == 200
        client.force_login(officer(Role.PPID_PELAKSANA, units=[units["bpbd"]]))
        assert client.get(document.get_download_url()).status_code == 404

    def test_external_link_redirects(self, client, units, utama):
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        link = services.document_add(
            actor=utama, item=item, title="JDIH", external_url="https://jdih.example/a"
        )
        response = client.get(link.get_download_url())
        assert response.status_code == 302
        assert response["Location"] == "https://jdih.example/a"


class TestListAndSearch:
    def test_facets_and_newest_first(self, client, units):
        old = InformationItemFactory(
            unit=units["dinkes"], published=True, title="Profil Kesehatan", year=2023
        )
        new = InformationItemFactory(
            unit=units["bpbd"],
            published=True,
            title="Peringatan Banjir",
            category="serta_merta",
            format_recording=True,
        )
        html = client.get("/informasi/").content.decode()
        assert html.index(new.title) < html.index(old.title)
        for query, shown, hidden in [
            ("category=serta_merta", new, old),
            ("unit=dinkes", old, new),
            ("year=2023", old, new),
            ("format=recording", new, old),
        ]:
            html = client.get(f"/informasi/?{query}").content.decode()
            assert shown.title in html, query
            assert hidden.title not in html, query

    def test_search_highlights_and_escapes(self, client, units, utama):
        InformationItemFactory(
            unit=units["dinkes"],
            published=True,
            title="Anggaran <script>alert(1)</script> kesehatan",
            summary="Realisasi anggaran Dinas Kesehatan semester satu",
        )
        InformationItemFactory(unit=units["dinkes"], published=True, title="Lain")
        html = client.get("/informasi/?q=anggaran").content.decode()
        assert "<mark>Anggaran</mark>" in html
        assert "<mark>anggaran</mark>" in html
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html
        assert "Lain" not in html.split("results-title")[1]

    def test_search_finds_document_text(self, client, units, utama, docx_bytes):
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        services.document_add(
            actor=utama,
            item=item,
            title="Renja",
            upload=SimpleUploadedFile("renja.docx", docx_bytes),
        )
        html = client.get("/informasi/?q=puskesmas").content.decode()
        assert item.title in html
        assert "<mark>Puskesmas</mark>" in html

    def test_postgres_full_text_and_typos(self, client, units, utama, postgres_only):
        item = services.information_item_create(
            actor=utama,
            data={
                "category": "berkala",
                "title": "Rencana Pembangunan Jangka Menengah Daerah",
                "summary": "Dokumen RPJMD Kutai Timur",
                "unit": units["dinkes"],
                "year": 2021,
            },
        )
        services.information_item_publish(actor=utama, item=item)
        assert connection.vendor == "postgresql"
        for query in ["rpjmd", "pembangunan menengah", "Pembangunn", "rencan"]:
            html = client.get("/informasi/", {"q": query}).content.decode()
            assert item.title.split()[1] in html, query
        html = client.get("/informasi/", {"q": "rpjmd"}).content.decode()
        assert "<mark>RPJMD</mark>" in html
        assert (
            client.get("/informasi/", {"q": "zzzqqq"}).content.decode().count("<mark>")
            == 0
        )

    @pytest.mark.parametrize("query", ["", "q=informasi"])
    def test_query_count_constant(
        self, client, units, django_assert_max_num_queries, query
    ):
        InformationItemFactory.create_batch(5, unit=units["dinkes"], published=True)
        client.get("/")  # the body profile is created once and cached
        # count, page, unit choices, menu pages; PostgreSQL search adds headlines.
        with django_assert_max_num_queries(5):
            small = client.get(f"/informasi/?{query}")
        InformationItemFactory.create_batch(45, unit=units["bpbd"], published=True)
        with django_assert_max_num_queries(5):
            large = client.get(f"/informasi/?{query}")
        assert small.status_code == large.status_code == 200
        assert large.content.decode().count("publik nomor") == 20


class TestExemptList:
    def test_public_list_without_minutes(self, client, units, sample_pdf):
        entry = ExemptInformationFactory(
            unit=units["dinkes"],
            pasal17_letters="ah",
            minutes_file=SimpleUploadedFile("ba.pdf", sample_pdf),
        )
        ExemptInformationFactory(unit=units["dinkes"], status="lifted", title="Dibuka")
        html = client.get("/informasi/dikecualikan/").content.decode()
        assert entry.title in html
        assert "Dibuka" not in html
        assert "Pasal 17" in html
        assert "a, h" in html
        assert entry.minutes_file.name not in html
        api = client.get("/api/v1/exemptions/").json()
        assert api["count"] == 1
        assert api["results"][0]["pasal17_letters"] == ["a", "h"]
        assert "minutes" not in str(api)

    def test_query_count_constant(self, client, units, django_assert_max_num_queries):
        ExemptInformationFactory.create_batch(5, unit=units["dinkes"])
        client.get("/")  # the body profile is created once and cached
        with django_assert_max_num_queries(3):
            response = client.get("/informasi/dikecualikan/")
        assert response.status_code == 200
        ExemptInformationFactory.create_batch(45, unit=units["bpbd"])
        with django_assert_max_num_queries(3):
            response = client.get("/informasi/dikecualikan/")
        assert response.status_code == 200


class TestExports:
    @pytest.fixture
    def published(self, units):
        return InformationItemFactory(
            unit=units["dinkes"],
            published=True,
            title="=Laporan Keuangan",
            format_hardcopy=True,
        )

    def test_xlsx(self, client, published):
        InformationItemFactory(unit=published.unit, title="Konsep")  # draft
        response = client.get("/informasi/ekspor.xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet["A2"].value == "No"
        assert sheet["D2"].value == "Ringkasan Isi Informasi"
        assert sheet["E2"].value == "Pejabat/Unit/Satker yang Menguasai Informasi"
        assert sheet["C3"].value == "'=Laporan Keuangan"
        assert sheet["H3"].value == "Softcopy, Hardcopy"
        assert sheet.max_row == 3

    def test_csv(self, client, published):
        response = client.get("/informasi/ekspor.csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][:3] == ["No", "Jenis Informasi", "Judul Informasi"]
        assert rows[1][4] == "Dinas Kesehatan"
        assert len(rows) == 2

    def test_pdf(self, client, published):
        response = client.get("/informasi/ekspor.pdf?category=setiap_saat")
        text = "".join(
            page.extract_text()
            for page in PdfReader(io.BytesIO(response.content)).pages
        )
        text = " ".join(text.split())
        assert "DAFTAR INFORMASI PUBLIK" in text
        assert "=Laporan Keuangan" in text
        assert "Dinas Kesehatan" in text
        assert "Softcopy, Hardcopy" in text


class TestHome:
    def test_announcements_search_and_latest(self, client, units):
        announcement = AnnouncementFactory(item__unit=units["bpbd"])
        AnnouncementFactory(
            item__unit=units["bpbd"],
            message="Sudah lewat",
            ends_at=announcement.starts_at,
            starts_at=announcement.starts_at - dt.timedelta(days=2),
        )
        html = client.get("/").content.decode()
        assert "Siaga banjir" in html
        assert "Sudah lewat" not in html
        assert 'action="/informasi/"' in html
        assert announcement.item.title in html
