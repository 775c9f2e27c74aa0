import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from apps.accounts.roles import Role
from apps.core.errors import ApplicationError
from apps.core.models import StatusChange
from apps.reports.annual import render_report_pdf, render_report_xlsx
from apps.reports.models import AnnualReport
from apps.reports.services import annual_report_publish, annual_report_unpublish
from tests.db_constraints import covers, violates
from tests.reports.factories import AnnualReportFactory


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.django_db
class TestDocuments:
    def test_pdf_opens_and_shows_the_numbers(self, year_2026):
        text = _pdf_text(render_report_pdf(AnnualReportFactory(year=2026)))
        assert "Laporan Layanan Informasi Publik 2026" in text
        for section in ["1.", "2.", "3.", "4.", "5.", "6."]:
            assert section in text
        assert "Rp 150.000.000 dari APBD" in text  # the officers' narrative
        assert "Permohonan diterima 6" in text
        assert "Pemberitahuan tertulis diterbitkan 4" in text
        assert "Ditolak 2" in text
        assert "Median hari kerja sampai pemberitahuan tertulis 6" in text
        assert "Persentil ke-90 hari kerja 12" in text
        assert "75" in text
        assert "86,11" in text

    def test_xlsx_round_trip(self, year_2026):
        content = render_report_xlsx(AnnualReportFactory(year=2026))
        sheet = load_workbook(io.BytesIO(content)).active
        rows = {
            (row[0], row[1]): row[2]
            for row in sheet.iter_rows(min_row=3, values_only=True)
        }
        assert rows[("3", "Permohonan diterima")] == 6
        assert rows[("3", "Ditolak")] == 2
        assert rows[("3", "Persentil ke-90 hari kerja")] == 12
        assert rows[("3", "Dijawab dalam 10 hari kerja (%)")] == 75.0
        assert rows[("5", "Kendala internal dan eksternal")].startswith("Jaringan")


@pytest.mark.django_db
class TestPublishing:
    def test_publish_and_withdraw(self, officer, signatory):
        actor = officer(Role.PPID_UTAMA)
        report = AnnualReportFactory()
        published = annual_report_publish(report=report, actor=actor)
        assert published.published
        assert published.published_at
        assert published.published_by == actor
        with pytest.raises(ApplicationError):
            annual_report_publish(report=report, actor=actor)
        withdrawn = annual_report_unpublish(report=report)
        assert not withdrawn.published
        assert withdrawn.published_at is None
        with pytest.raises(ApplicationError):
            annual_report_unpublish(report=report)

    def test_publishing_and_withdrawing_leave_audit_rows(self, officer, signatory):
        actor = officer(Role.PPID_UTAMA)
        report = AnnualReportFactory()
        annual_report_publish(report=report, actor=actor)
        with pytest.raises(ApplicationError):
            annual_report_publish(report=report, actor=actor)
        annual_report_unpublish(report=report, actor=actor)
        rows = list(StatusChange.objects.for_object(report))
        assert [(r.from_status, r.to_status, r.actor) for r in rows] == [
            ("draft", "published", actor),
            ("published", "draft", actor),
        ]

    def test_draft_is_404_for_the_public(self, client):
        AnnualReportFactory(year=2025)
        assert client.get("/laporan/2025/").status_code == 404
        assert client.get("/laporan/2025/pdf/").status_code == 404
        assert client.get("/laporan/2025/xlsx/").status_code == 404
        assert "2025" not in client.get("/laporan/").content.decode()

    def test_published_report_is_public(self, client, year_2026):
        AnnualReportFactory(year=2026, public=True)
        assert "/laporan/2026/pdf/" in client.get("/laporan/").content.decode()
        assert client.get("/laporan/2026/").status_code == 200
        pdf = client.get("/laporan/2026/pdf/")
        assert pdf["Content-Type"] == "application/pdf"
        assert "Permohonan diterima 6" in _pdf_text(pdf.content)
        xlsx = client.get("/laporan/2026/xlsx/")
        assert load_workbook(io.BytesIO(xlsx.content)).active["A1"].value

    @covers("reports.AnnualReport.year")
    def test_one_report_per_year(self):
        AnnualReport.objects.create(year=2024)
        with violates("reports.AnnualReport.year"):
            AnnualReport.objects.create(year=2024)

    @covers("report_published_has_date")
    def test_published_needs_a_date(self):
        with violates("report_published_has_date"):
            AnnualReport.objects.create(year=2023, published=True)


@pytest.mark.django_db
class TestAdmin:
    def test_utama_types_previews_and_publishes(
        self, client, officer, year_2026, signatory
    ):
        client.force_login(officer(Role.PPID_UTAMA))
        response = client.post(
            "/admin/reports/annualreport/add/",
            {"year": 2026, "policy": "Kebijakan layanan", "obstacles": "Sinyal"},
        )
        assert response.status_code == 302
        report = AnnualReport.objects.get(year=2026)
        preview = client.get(f"/admin/reports/annualreport/{report.pk}/download/pdf/")
        assert "Kebijakan layanan" in _pdf_text(preview.content)
        client.post(
            "/admin/reports/annualreport/",
            {"action": "publish", "_selected_action": [report.pk]},
        )
        report.refresh_from_db()
        assert report.published

    def test_pelaksana_can_neither_edit_nor_publish(self, client, officer, units):
        report = AnnualReportFactory()
        client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
        change = client.post(
            f"/admin/reports/annualreport/{report.pk}/change/", {"year": 2026}
        )
        assert change.status_code == 403
        client.post(
            "/admin/reports/annualreport/",
            {"action": "publish", "_selected_action": [report.pk]},
        )
        report.refresh_from_db()
        assert not report.published
