"""The public side of requests: the form, confirmation, receipt, status, documents."""

import io
import re

import pytest
from pypdf import PdfReader

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.tracking import read_status_token
from apps.info_requests import services
from apps.info_requests.models import InformationRequest

FORM_URL = "/permohonan/ajukan/"


def form_data(client, pdf, **overrides):
    html = client.get(FORM_URL).content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    data = {
        "applicant_type": "individual",
        "name": "Siti Aminah",
        "nik": "6408015203850002",
        "address": "Jl. Pendidikan No. 4, Sangatta Utara",
        "phone": "0813 4567 8901",
        "email": "siti@example.com",
        "occupation": "Guru",
        "information_requested": "Jumlah guru honorer SD per kecamatan 2025",
        "purpose": "Advokasi kesejahteraan guru",
        "access_method": "copy",
        "copy_format": "softcopy",
        "delivery_method": "email",
        "submission_key": key,
        "identity_document": SimpleUploadedFile("ktp.pdf", pdf),
    }
    data.update(overrides)
    return data


def _case_of(location):
    return read_status_token(location.rstrip("/").rsplit("/", 1)[-1], kind="request")


@pytest.mark.django_db
class TestSubmitForm:
    def test_form_page_in_both_languages(self, client):
        html = client.get(FORM_URL).content.decode()
        assert "Ajukan permohonan" in html
        assert 'name="website"' in html  # honeypot
        assert "noindex" in html
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        assert "Submit request" in client.get(FORM_URL).content.decode()

    def test_happy_path_receipt_and_status_link(
        self, client, units, sample_pdf, django_capture_on_commit_callbacks
    ):
        data = form_data(client, sample_pdf, unit="dinkes")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(FORM_URL, data)
        assert response.status_code == 302
        request = InformationRequest.objects.get()
        assert request.unit == units["dinkes"]
        assert request.channel == "web"
        page = client.get(response["Location"]).content.decode()
        assert request.registration_number in page
        token = response["Location"].rstrip("/").split("/")[-1]
        receipt = client.get(f"/permohonan/tanda-bukti/{token}/")
        assert receipt["Content-Type"] == "application/pdf"
        text = PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text()
        assert request.registration_number in text
        assert "16 Maret 2026" in text or str(request.due_date.year) in text
        assert len(mail.outbox) == 1
        link = re.search(
            r"http://127.0.0.1:8000(/permohonan/status/\S+/)", mail.outbox[0].body
        )
        assert request.registration_number in client.get(link.group(1)).content.decode()

    def test_resent_post_creates_one_request(self, client, units, sample_pdf):
        data = form_data(client, sample_pdf)
        first = client.post(FORM_URL, data)
        data["identity_document"] = SimpleUploadedFile("ktp.pdf", sample_pdf)
        second = client.post(FORM_URL, data)
        # The same case (its link is signed anew, with a timestamp).
        assert _case_of(first["Location"]) == _case_of(second["Location"])
        assert _case_of(first["Location"]) is not None
        assert InformationRequest.objects.count() == 1

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"nik": "12345"}, "nik", "16"),
            ({"nik": "9908011203850001"}, "nik", "provinsi"),
            ({"nik": ""}, "nik", "NIK"),
            ({"name": ""}, "name", "harus diisi"),
            ({"phone": "", "email": ""}, "email", "e-mail"),
            ({"phone": "telepon saya"}, "phone", "0812"),
            ({"email": "bukan-email"}, "email", "email"),
            ({"access_method": "copy", "copy_format": ""}, "copy_format", "softcopy"),
            ({"applicant_type": "legal_entity"}, "legal_entity_decree", "SK"),
            ({"applicant_type": "community_group"}, "power_of_attorney", "kuasa"),
            ({"applicant_type": "alien"}, "applicant_type", "pilihan"),
            ({"unit": "tidak-ada"}, "unit", "pilihan"),
            ({"information_requested": ""}, "information_requested", "harus diisi"),
        ],
    )
    def test_bad_input_keeps_values_and_explains(
        self, client, units, sample_pdf, overrides, field, message
    ):
        data = form_data(client, sample_pdf, **overrides)
        response = client.post(FORM_URL, data)
        assert response.status_code == 200
        form = response.context["form"]
        assert field in form.errors
        assert message.lower() in " ".join(form.errors[field]).lower()
        html = response.content.decode()
        assert "Jl. Pendidikan No. 4, Sangatta Utara" in html  # typed value kept
        assert "pilih kembali" in html  # the page says files must be chosen again
        assert InformationRequest.objects.count() == 0

    def test_identity_file_must_be_a_document(self, client, units):
        data = form_data(
            client, b"", identity_document=SimpleUploadedFile("ktp.pdf", b"#!/bin/sh")
        )
        response = client.post(FORM_URL, data)
        assert "identity_document" in response.context["form"].errors
        assert InformationRequest.objects.count() == 0

    def test_honeypot_blocks_bots(self, client, units, sample_pdf):
        data = form_data(client, sample_pdf, website="http://spam.example")
        response = client.post(FORM_URL, data)
        assert response.status_code == 200
        assert InformationRequest.objects.count() == 0

    def test_captcha_after_rate_limit(self, client, units, sample_pdf, settings):
        from captcha.models import CaptchaStore

        settings.PUBLIC_FORM_RATE = "2/h"
        for _ in range(2):
            client.post(FORM_URL, form_data(client, sample_pdf, name=""))
        response = client.post(FORM_URL, form_data(client, sample_pdf))
        assert "captcha" in response.context["form"].errors
        assert InformationRequest.objects.count() == 0
        key = CaptchaStore.generate_key()
        answer = CaptchaStore.objects.get(hashkey=key).response
        data = form_data(client, sample_pdf, captcha_0=key, captcha_1=answer)
        assert client.post(FORM_URL, data).status_code == 302
        assert InformationRequest.objects.count() == 1


@pytest.mark.django_db
class TestStatus:
    PERSONAL = [
        "Budi Santoso",
        "6408011203850001",
        "Yos Sudarso",
        "+6281234567890",
        "budi@",
    ]

    def test_lookup_by_email_or_phone_shows_no_personal_data(self, client, submit):
        request = submit()
        for contact in ["budi@example.com", "0812-3456-7890", "+62 812 3456 7890"]:
            response = client.post(
                "/permohonan/status/",
                {
                    "registration_number": request.registration_number.lower(),
                    "contact": contact,
                },
            )
            html = response.content.decode()
            assert request.registration_number in html
            assert "Diterima" in html
            for value in self.PERSONAL:
                assert value not in html

    def test_wrong_number_and_wrong_contact_answer_alike(self, client, submit):
        request = submit()
        wrong_contact = client.post(
            "/permohonan/status/",
            {"registration_number": request.registration_number, "contact": "x@y.z"},
        )
        wrong_number = client.post(
            "/permohonan/status/",
            {"registration_number": "REQ-2026-09999", "contact": "budi@example.com"},
        )
        assert wrong_contact.status_code == wrong_number.status_code == 200
        assert (
            wrong_contact.context["form"].non_field_errors()
            == wrong_number.context["form"].non_field_errors()
        )

    def test_lookups_are_throttled_per_client(self, client, submit, settings):
        settings.PUBLIC_FORM_RATE = "3/h"
        request = submit()
        guess = {"registration_number": request.registration_number, "contact": "x@y.z"}
        codes = [
            client.post("/permohonan/status/", guess).status_code for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]
        right = {
            "registration_number": request.registration_number,
            "contact": "budi@example.com",
        }
        blocked = client.post("/permohonan/status/", right)
        assert blocked.status_code == 429
        assert "status" not in blocked.context  # no status page, only the form
        assert "Linimasa" not in blocked.content.decode()

    def test_private_link_and_tampered_token(self, client, submit):
        from apps.info_requests.letters import status_url

        request = submit()
        path = status_url(request).replace("http://127.0.0.1:8000", "")
        assert client.get(path).status_code == 200
        assert client.get(path[:-3] + "xx/").status_code == 404

    def test_decided_request_shows_outcome_notice_and_documents(
        self, client, submit, utama, units, sample_pdf
    ):
        from apps.info_requests.letters import status_url

        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_decide(
            info_request=request, actor=utama, control="held", decision="granted",
            information_given="Rekap DBD",
        )  # fmt: skip
        services.information_request_add_document(
            info_request=request,
            actor=utama,
            upload=SimpleUploadedFile("dbd.pdf", sample_pdf),
        )
        page = client.get(status_url(request).replace("http://127.0.0.1:8000", ""))
        html = page.content.decode()
        assert "Dikabulkan seluruhnya" in html
        notice_url = re.search(
            r'href="(/permohonan/status/[^"]+/pemberitahuan/)"', html
        )
        assert client.get(notice_url.group(1))["Content-Type"] == "application/pdf"
        doc_url = re.search(r'href="(/permohonan/dokumen/[^"]+)"', html).group(1)
        download = client.get(doc_url)
        assert b"".join(download.streaming_content) == sample_pdf
        assert 'filename="dbd.pdf"' in download["Content-Disposition"]
        assert request.documents.get().download_count == 1

    def test_expired_document_link_is_gone(self, client, submit, utama, sample_pdf):
        import datetime as dt

        from django.core import signing

        from apps.info_requests.views import DOCUMENT_SALT

        request = submit()
        doc = services.information_request_add_document(
            info_request=request,
            actor=utama,
            upload=SimpleUploadedFile("a.pdf", sample_pdf),
            now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        )
        assert (
            client.get(
                f"/permohonan/dokumen/{signing.dumps(doc.pk, salt=DOCUMENT_SALT)}/"
            ).status_code
            == 404
        )
        assert client.get("/permohonan/dokumen/forged/").status_code == 404


@pytest.mark.django_db
class TestIdentityFiles:
    @pytest.fixture
    def with_scan(self, submit, sample_pdf, units, utama):
        request = submit(identity_document=SimpleUploadedFile("ktp.pdf", sample_pdf))
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        return request

    def test_anonymous_goes_to_login(self, client, with_scan):
        response = client.get(f"/permohonan/berkas/{with_scan.pk}/identity/")
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_unit_officer_opens_it(self, client, with_scan, pelaksana, sample_pdf):
        client.force_login(pelaksana)
        response = client.get(f"/permohonan/berkas/{with_scan.pk}/identity/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == sample_pdf
        assert "no-store" in response["Cache-Control"]

    def test_other_unit_officer_is_refused(self, client, with_scan, officer, units):
        other = officer("PPID Pelaksana", units=[units["bpbd"]])
        client.force_login(other)
        assert (
            client.get(f"/permohonan/berkas/{with_scan.pk}/identity/").status_code
            == 403
        )

    def test_atasan_without_permission_is_refused(self, client, with_scan, officer):
        client.force_login(officer("Atasan PPID"))
        assert (
            client.get(f"/permohonan/berkas/{with_scan.pk}/identity/").status_code
            == 403
        )

    def test_missing_file_is_404(self, client, with_scan, utama):
        client.force_login(utama)
        assert (
            client.get(f"/permohonan/berkas/{with_scan.pk}/attorney/").status_code
            == 404
        )
