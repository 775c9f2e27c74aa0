import io

import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.complaints import notifications, services
from apps.complaints.models import Complaint, ComplaintSettings, Status

from .conftest import IDENTITY_VALUES
from .factories import ComplaintFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "form_token": "token-1",
        "identity": "identified",
        "reporter_name": "Budi Santoso",
        "reporter_nik": "6408011201900003",
        "reporter_phone": "0812 5400 1234",
        "reporter_email": "budi.santoso@example.com",
        "classification": "complaint",
        "unit": "",
        "title": "Antrean terlalu lama",
        "description": "Loket buka terlambat setiap pagi.",
        "event_date": "2026-03-10",
        "event_place": "RSUD Kudungga",
        "latitude": "0.5123",
        "longitude": "117.5012",
    }
    data.update(overrides)
    return data


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


class TestSubmitForm:
    def test_form_explains_anonymous_and_confidential(self, client):
        html = client.get("/pengaduan/ajukan/").content.decode()
        assert 'name="form_token"' in html
        assert "PPID Utama" in html
        assert 'name="is_confidential"' in html

    def test_submit_confirmation_and_receipt(self, client, units):
        response = client.post(
            "/pengaduan/ajukan/", form_data(unit=units["dinkes"].pk), follow=True
        )
        complaint = Complaint.objects.get()
        assert (
            response.redirect_chain[-1][0] == f"/pengaduan/terkirim/{complaint.number}/"
        )
        assert complaint.number in response.content.decode()
        assert complaint.channel == "web"
        assert complaint.reporter_phone == "+6281254001234"
        pdf = client.get(f"/pengaduan/terkirim/{complaint.number}/tanda-terima.pdf")
        assert pdf["Content-Type"] == "application/pdf"
        assert complaint.number in pdf_text(pdf.content)

    def test_double_submission_creates_one(self, client):
        first = client.post("/pengaduan/ajukan/", form_data())
        second = client.post("/pengaduan/ajukan/", form_data())
        assert Complaint.objects.count() == 1
        assert first["Location"] == second["Location"]

    def test_anonymous_code_shown_once_and_in_receipt(self, client):
        client.post("/pengaduan/ajukan/", form_data(identity="anonymous"))
        complaint = Complaint.objects.get()
        assert complaint.is_anonymous
        assert complaint.reporter_name == ""
        page = client.get(f"/pengaduan/terkirim/{complaint.number}/").content.decode()
        code = page.split('font-monospace mb-2">')[1].split("<")[0]
        assert len(code) == 14
        again = client.get(f"/pengaduan/terkirim/{complaint.number}/").content.decode()
        assert code not in again
        pdf = client.get(f"/pengaduan/terkirim/{complaint.number}/tanda-terima.pdf")
        assert code in pdf_text(pdf.content)
        # The code opens the status page; nobody else's session sees the receipt.
        status = client.post(
            "/pengaduan/status/",
            {"tracking_number": complaint.number, "contact": code},
        )
        assert complaint.title in status.content.decode()

    def test_confirmation_is_only_for_the_submitting_session(self, client):
        complaint = ComplaintFactory()
        assert client.get(f"/pengaduan/terkirim/{complaint.number}/").status_code == 404
        assert (
            client.get(
                f"/pengaduan/terkirim/{complaint.number}/tanda-terima.pdf"
            ).status_code
            == 404
        )

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"reporter_nik": "12345"}, "reporter_nik"),
            ({"reporter_phone": "abc"}, "reporter_phone"),
            ({"reporter_email": "not-an-email"}, "reporter_email"),
            ({"reporter_name": ""}, "reporter_name"),
            ({"reporter_phone": "", "reporter_email": ""}, "reporter_email"),
            ({"title": ""}, "title"),
            ({"description": ""}, "description"),
            ({"classification": "gossip"}, "classification"),
            ({"unit": "999999"}, "unit"),
            ({"event_date": "31-31-2026"}, "event_date"),
            ({"event_date": "2099-01-01"}, "event_date"),
            ({"latitude": "91"}, "latitude"),
            ({"longitude": "abc"}, "longitude"),
            ({"latitude": ""}, "latitude"),
            ({"website": "http://spam.example"}, "website"),
        ],
    )
    def test_bad_input_keeps_values_and_shows_field_error(
        self, client, overrides, field
    ):
        response = client.post("/pengaduan/ajukan/", form_data(**overrides))
        assert response.status_code == 200
        assert Complaint.objects.count() == 0
        form = response.context["form"]
        assert field in form.errors
        html = response.content.decode()
        assert 'value="Antrean terlalu lama"' in html or overrides.get("title") == ""
        assert "Loket buka terlambat setiap pagi." in html or not overrides.get(
            "description", True
        )

    def test_bad_attachment_refused(self, client):
        fake = SimpleUploadedFile("foto.jpg", b"#!/bin/sh\necho nope\n")
        response = client.post(
            "/pengaduan/ajukan/", {**form_data(), "attachments": fake}
        )
        assert "attachments" in response.context["form"].errors
        assert Complaint.objects.count() == 0

    def test_captcha_when_over_rate_limit(self, client, settings):
        settings.PUBLIC_FORM_RATE = "2/h"
        for token in ("a", "b"):
            client.post("/pengaduan/ajukan/", form_data(form_token=token))
        response = client.post("/pengaduan/ajukan/", form_data(form_token="c"))
        assert "captcha" in response.context["form"].errors
        assert Complaint.objects.count() == 2


class TestStatus:
    def test_same_not_found_for_wrong_number_and_wrong_contact(self, client):
        complaint = ComplaintFactory()
        wrong_number = client.post(
            "/pengaduan/status/",
            {"tracking_number": "CMP-2026-99999", "contact": complaint.reporter_email},
        )
        wrong_contact = client.post(
            "/pengaduan/status/",
            {"tracking_number": complaint.number, "contact": "x@example.com"},
        )
        assert (
            wrong_number.context["form"].non_field_errors()
            == wrong_contact.context["form"].non_field_errors()
        )
        assert complaint.title not in wrong_contact.content.decode()

    @pytest.mark.parametrize("contact", ["budi.santoso@example.com", "0812-5400-1234"])
    def test_status_shows_no_identity(self, client, contact):
        complaint = ComplaintFactory(forwarded=True)
        html = client.post(
            "/pengaduan/status/",
            {"tracking_number": complaint.number, "contact": contact},
        ).content.decode()
        assert complaint.get_status_display() in html
        for value in IDENTITY_VALUES:
            assert value not in html

    def test_status_link_token(self, client, units):
        result = services.complaint_submit(
            title="Lampu padam",
            description="Sudah sebulan.",
            reporter_name="Budi Santoso",
            reporter_email="budi.santoso@example.com",
        )
        link = notifications.status_link(result.complaint)
        html = client.get(link.split("8000", 1)[1]).content.decode()
        assert result.complaint.number in html
        assert "Budi" not in html
        assert client.get("/pengaduan/status/forged-token/").status_code == 404


class TestPublicListing:
    def test_off_by_default(self, client):
        assert client.get("/pengaduan/selesai/").status_code == 404

    def test_lists_resolved_non_confidential_without_identity(
        self, client, django_assert_max_num_queries
    ):
        ComplaintSettings.objects.update_or_create(
            pk=1, defaults={"public_listing": True}
        )
        shown = ComplaintFactory.create_batch(25, resolved=True)
        secret = ComplaintFactory(resolved=True, confidential=True, title="Rahasia")
        ComplaintFactory(title="Masih terbuka")
        with django_assert_max_num_queries(10):
            html = client.get("/pengaduan/selesai/").content.decode()
        assert shown[0].title in html
        assert secret.title not in html
        assert "Masih terbuka" not in html
        for value in IDENTITY_VALUES:
            assert value not in html
        assert client.get("/pengaduan/selesai/?page=2").status_code == 200


class TestAttachmentDownload:
    def _complaint_with_file(self, sample_pdf, **kwargs):
        return services.complaint_submit(
            title="Bukti",
            description="Ada foto.",
            reporter_name="Budi Santoso",
            reporter_email="budi.santoso@example.com",
            attachments=[SimpleUploadedFile("bukti.pdf", sample_pdf)],
            **kwargs,
        ).complaint

    def test_public_cannot_download(self, client, sample_pdf, units):
        complaint = self._complaint_with_file(sample_pdf, unit=units["dinkes"])
        url = f"/pengaduan/lampiran/{complaint.attachments.get().pk}/"
        assert client.get(url).status_code == 302  # to the login page

    def test_scope_and_confidentiality(
        self, client, sample_pdf, units, lead, unit_officer, officer
    ):
        complaint = self._complaint_with_file(
            sample_pdf, unit=units["dinkes"], is_confidential=True
        )
        url = f"/pengaduan/lampiran/{complaint.attachments.get().pk}/"
        client.force_login(unit_officer)
        assert client.get(url).status_code == 403
        client.force_login(lead)
        response = client.get(url)
        assert response.status_code == 200
        served = b"".join(response.streaming_content)
        # A confidential reporter's PDF is stored without its document info.
        with complaint.attachments.get().file.open("rb") as handle:
            assert served == handle.read()
        assert pdf_text(served) == pdf_text(sample_pdf)
        other = officer("PPID Pelaksana", units=[units["bpbd"]])
        open_one = self._complaint_with_file(sample_pdf, unit=units["dinkes"])
        client.force_login(other)
        assert (
            client.get(
                f"/pengaduan/lampiran/{open_one.attachments.get().pk}/"
            ).status_code
            == 403
        )
        client.force_login(unit_officer)
        assert (
            client.get(
                f"/pengaduan/lampiran/{open_one.attachments.get().pk}/"
            ).status_code
            == 200
        )


def test_status_page_shows_timeline_labels(client, lead):
    result = services.complaint_submit(
        title="Lampu padam", description="x", is_anonymous=True
    )
    services.complaint_verify(complaint=result.complaint, actor=lead)
    html = client.post(
        "/pengaduan/status/",
        {"tracking_number": result.complaint.number, "contact": result.secret_code},
    ).content.decode()
    assert str(Status.VERIFIED.label) in html or "Terverifikasi" in html
