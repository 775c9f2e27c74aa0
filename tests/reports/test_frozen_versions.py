"""A published report is a fixed document (issue 14, item 7): later data never
change it, a correction is a new version with a change note, and both stay."""

import io

import pytest
from openpyxl import load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.roles import Role
from apps.core.errors import ApplicationError
from apps.letters.models import DocumentKind, IssuedDocument
from apps.reports.models import AnnualReportVersion
from apps.reports.services import annual_report_publish, annual_report_unpublish
from tests.info_requests.factories import InformationRequestFactory
from tests.pdfs import pdf_text
from tests.reports.factories import AnnualReportFactory, at


@pytest.fixture
def published(year_2026, signatory, officer):
    actor = officer(Role.PPID_UTAMA)
    report = AnnualReportFactory(year=2026)
    return annual_report_publish(report=report, actor=actor, now=at(2027, 1, 15)), actor


@pytest.mark.django_db
class TestFrozenReport:
    def test_the_issued_pdf_is_numbered_signed_and_verifiable(self, published):
        report, _actor = published
        version = report.versions.get()
        document = version.document
        assert document.kind == DocumentKind.ANNUAL_REPORT
        text = pdf_text(document.file.read())
        assert document.number in text
        assert "Disahkan oleh" in text
        assert "Ahmad Rizali, S.Sos." in text
        assert "NIP 197502122000031004" in text
        assert "Sangatta, 15 Januari 2027" in text
        assert "Kode verifikasi" in text
        assert "Permohonan diterima 6" in text
        assert version.figures["requests"]["received"] == 6

    def test_a_backdated_request_changes_nothing_published(self, client, published):
        report, _actor = published
        before_pdf = client.get("/laporan/2026/pdf/")
        before_xlsx = client.get("/laporan/2026/xlsx/")
        assert before_pdf.status_code == 200
        pdf_bytes = b"".join(before_pdf.streaming_content)
        xlsx_bytes = b"".join(before_xlsx.streaming_content)
        InformationRequestFactory(received_at=at(2026, 6, 1))  # recorded late
        after_pdf = b"".join(client.get("/laporan/2026/pdf/").streaming_content)
        after_xlsx = b"".join(client.get("/laporan/2026/xlsx/").streaming_content)
        assert after_pdf == pdf_bytes
        assert after_xlsx == xlsx_bytes
        assert "Permohonan diterima 6" in pdf_text(after_pdf)
        sheet = load_workbook(io.BytesIO(after_xlsx)).active
        rows = {
            (r[0], r[1]): r[2] for r in sheet.iter_rows(min_row=3, values_only=True)
        }
        assert rows[("3", "Permohonan diterima")] == 6
        assert AnnualReportVersion.objects.get().figures["requests"]["received"] == 6

    def test_the_public_page_shows_the_narrative_as_published(self, client, published):
        report, _actor = published
        report.policy = "Diubah setelah terbit"
        report.save()
        page = client.get("/laporan/2026/").content.decode()
        assert "Diubah setelah terbit" not in page
        assert report.versions.get().document.number in page

    def test_a_correction_needs_a_note_and_both_versions_stay(self, client, published):
        report, actor = published
        report = annual_report_unpublish(report=report, actor=actor)
        InformationRequestFactory(received_at=at(2026, 6, 1))
        with pytest.raises(ApplicationError) as caught:
            annual_report_publish(report=report, actor=actor, now=at(2027, 2, 1))
        assert caught.value.code == "change_note_needed"
        report.change_note = "Satu permohonan Juni dicatat terlambat."
        report.save()
        annual_report_publish(report=report, actor=actor, now=at(2027, 2, 1))
        first, second = report.versions.order_by("version")
        assert first.figures["requests"]["received"] == 6
        assert second.figures["requests"]["received"] == 7
        assert second.change_note == "Satu permohonan Juni dicatat terlambat."
        assert first.document.sha256 != second.document.sha256
        assert first.document.number != second.document.number
        page = client.get("/laporan/2026/").content.decode()
        assert "Satu permohonan Juni dicatat terlambat." in page
        old = client.get(reverse("reports:annual_version_pdf", args=[2026, 1]))
        assert "Permohonan diterima 6" in pdf_text(b"".join(old.streaming_content))
        latest = client.get("/laporan/2026/pdf/")
        assert "Permohonan diterima 7" in pdf_text(b"".join(latest.streaming_content))
        report.refresh_from_db()
        assert report.change_note == ""  # the next correction says its own

    def test_the_verification_page_knows_the_published_pdf(self, client, published):
        report, _actor = published
        document = report.versions.get().document
        served = b"".join(client.get("/laporan/2026/pdf/").streaming_content)
        check = client.post(
            reverse("letters:verify", args=[document.verification_code]),
            {"file": SimpleUploadedFile("l.pdf", served, "application/pdf")},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert "Genuine" in check.content.decode()

    def test_without_a_signing_official_nothing_is_published(self, year_2026, officer):
        report = AnnualReportFactory(year=2026)
        with pytest.raises(ApplicationError) as caught:
            annual_report_publish(report=report, actor=officer(Role.PPID_UTAMA))
        assert caught.value.code == "no_signatory"
        report.refresh_from_db()
        assert not report.published
        assert not IssuedDocument.objects.exists()
        assert not AnnualReportVersion.objects.exists()

    def test_a_version_cannot_be_changed(self, published):
        from django.core.exceptions import ValidationError

        version = published[0].versions.get()
        version.change_note = "x"
        with pytest.raises(ValidationError):
            version.save()
