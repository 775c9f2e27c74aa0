"""The public pages: find the request, file (with and without a request), bad
input, double submit, status lookup and its privacy, the request's status page."""

import re

import pytest
import time_machine

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.tracking import make_status_token, read_status_token
from apps.objections.models import Objection
from tests.info_requests.factories import VALID_NIK

FIND_URL = "/keberatan/ajukan/"
PERIODIC_URL = "/keberatan/ajukan/informasi-berkala/"
STATUS_URL = "/keberatan/status/"


def in_window():
    return time_machine.travel("2026-03-17 10:00 +0800", tick=False)


@pytest.fixture
def window_open():
    with in_window():
        yield


def request_form_url(request):
    token = make_status_token("request", request.registration_number)
    return f"/keberatan/ajukan/permohonan/{token}/"


def form_requests(text):
    """Numbers of the requests whose objection-form links are in `text` (the links
    carry a timestamped signature, so they are compared by the case they name)."""
    tokens = re.findall(r"/keberatan/ajukan/permohonan/([^/\s\"']+)/", text)
    return {read_status_token(token, kind="request") for token in tokens}


def key_of(html):
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


@pytest.mark.django_db
class TestFindRequest:
    def test_page_and_links(self, client):
        html = client.get(FIND_URL).content.decode()
        assert 'name="number"' in html
        assert PERIODIC_URL in html
        assert "noindex" in html

    def test_found_redirects_to_the_request_form(self, client, refused):
        response = client.post(
            FIND_URL,
            {
                "number": refused.registration_number.lower(),
                "contact": "0812-3456-7890",
            },
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/keberatan/ajukan/permohonan/")
        assert form_requests(response["Location"]) == {refused.registration_number}

    @pytest.mark.parametrize("mistake", ["number", "contact"])
    def test_same_not_found_for_either_mistake(self, client, refused, mistake):
        data = {"number": refused.registration_number, "contact": "budi@example.com"}
        data[mistake] = "REQ-2026-09999" if mistake == "number" else "x@example.com"
        html = client.post(FIND_URL, data).content.decode()
        assert "No request matches this number and contact" in html
        assert data["contact"] in html  # typed values are kept

    def test_empty_fields(self, client):
        html = client.post(FIND_URL, {}).content.decode()
        assert html.count("invalid-feedback") == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("window_open")
class TestFileAboutARequest:
    def test_only_applicable_grounds_offered_with_window(self, client, refused):
        html = client.get(request_form_url(refused)).content.decode()
        for letter in "ade":
            assert f'value="{letter}"' in html
        for letter in "bcfg":
            assert f'value="{letter}"' not in html
        assert "5 Mei 2026" in html or "5 May 2026" in html

    def test_happy_path_receipt_status_and_email(
        self, client, refused, django_capture_on_commit_callbacks
    ):
        url = request_form_url(refused)
        key = key_of(client.get(url).content.decode())
        data = {
            "grounds": ["a", "e"],
            "reason": "Bukan informasi rahasia.",
            "submission_key": key,
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302
        objection = Objection.objects.get()
        assert objection.grounds == ["a", "e"]
        assert objection.request == refused
        page = client.get(response["Location"]).content.decode()
        assert objection.number in page
        token = response["Location"].rstrip("/").split("/")[-1]
        receipt = client.get(f"/keberatan/tanda-bukti/{token}/")
        assert receipt["Content-Type"] == "application/pdf"
        assert mail.outbox
        assert mail.outbox[0].to == ["budi@example.com"]
        # a second POST of the same form creates nothing more
        again = client.post(url, data)
        assert (
            read_status_token(
                again["Location"].rstrip("/").split("/")[-1], kind="objection"
            )
            == objection.number
        )
        assert Objection.objects.count() == 1

    def test_bad_input_is_shown_and_kept(self, client, refused):
        url = request_form_url(refused)
        key = key_of(client.get(url).content.decode())
        html = client.post(
            url,
            {
                "grounds": ["f"],
                "reason": "",
                "purpose": "Untuk penelitian saya",
                "representative_name": "Sutrisno",
                "submission_key": key,
            },
        ).content.decode()
        assert "Select a valid choice. f is not one" in html  # the invalid ground
        assert html.count("invalid-feedback d-block") >= 3  # grounds, reason, attorney
        assert "Untuk penelitian saya" in html
        assert "Sutrisno" in html
        assert not Objection.objects.exists()

    def test_no_ground_chosen(self, client, refused):
        url = request_form_url(refused)
        key = key_of(client.get(url).content.decode())
        html = client.post(url, {"reason": "x", "submission_key": key}).content.decode()
        assert "Choose at least one ground" in html or "Pilih setidaknya" in html

    def test_pending_objection_message(self, client, refused, file_objection):
        first = file_objection(refused)
        url = request_form_url(refused)
        key = key_of(client.get(url).content.decode())
        html = client.post(
            url, {"grounds": ["d"], "reason": "Lagi", "submission_key": key}
        ).content.decode()
        assert first.number in html
        assert Objection.objects.count() == 1

    def test_honeypot(self, client, refused):
        url = request_form_url(refused)
        key = key_of(client.get(url).content.decode())
        client.post(
            url,
            {"grounds": ["a"], "reason": "x", "submission_key": key, "website": "spam"},
        )
        assert not Objection.objects.exists()

    def test_bad_token_is_404(self, client):
        assert client.get("/keberatan/ajukan/permohonan/forged/").status_code == 404


@pytest.mark.django_db
def test_window_closed_shows_why(client, refused):
    with time_machine.travel("2026-05-06 10:00 +0800", tick=False):
        html = client.get(request_form_url(refused)).content.decode()
    assert 'type="checkbox"' not in html
    assert "2026" in html
    assert "closed" in html or "ditutup" in html


@pytest.mark.django_db
class TestPeriodic:
    def test_happy_path(self, client, units, sample_pdf):
        key = key_of(client.get(PERIODIC_URL).content.decode())
        response = client.post(
            PERIODIC_URL,
            {
                "applicant_type": "individual",
                "name": "Siti Aminah",
                "nik": VALID_NIK,
                "address": "Jl. Pendidikan 4",
                "email": "siti@example.com",
                "identity_document": SimpleUploadedFile("ktp.pdf", sample_pdf),
                "unit": "dinkes",
                "grounds": ["b"],
                "reason": "LKPD belum diumumkan.",
                "submission_key": key,
            },
        )
        assert response.status_code == 302
        objection = Objection.objects.get()
        assert objection.grounds == ["b"]
        assert objection.request is None
        assert objection.unit == units["dinkes"]

    def test_every_bad_input(self, client, units, sample_png):
        key = key_of(client.get(PERIODIC_URL).content.decode())
        html = client.post(
            PERIODIC_URL,
            {
                "applicant_type": "individual",
                "name": "Siti Aminah",
                "nik": "1234567890123456",
                "address": "",
                "phone": "",
                "email": "not-an-email",
                "grounds": ["a"],
                "reason": "",
                "submission_key": key,
            },
        ).content.decode()
        for field in [
            "nik",
            "address",
            "email",
            "identity_document",
            "grounds",
            "reason",
        ]:
            assert f'id="field-{field}"' in html or field == "grounds"
        assert html.count("invalid-feedback d-block") >= 6
        assert "Siti Aminah" in html
        assert not Objection.objects.exists()


@pytest.fixture
def answered(refused, file_objection, atasan):
    from apps.objections import services
    from tests.objections.conftest import at

    objection = file_objection(refused)
    return services.objection_decide(
        objection=objection,
        actor=atasan,
        outcome="affirmed",
        reasons="Uji konsekuensi sudah tepat.",
        now=at(2026, 3, 18, 10),
    )


PERSONAL = [
    "Budi Santoso",
    VALID_NIK,
    "budi@example.com",
    "+6281234567890",
    "Yos Sudarso",
]


@pytest.mark.django_db
class TestStatus:
    def test_lookup_shows_status_without_personal_data(self, client, answered):
        html = client.post(
            STATUS_URL, {"number": answered.number, "contact": "budi@example.com"}
        ).content.decode()
        assert answered.number in html
        assert "Uji konsekuensi sudah tepat." in html
        assert "Komisi Informasi" in html
        for value in PERSONAL:
            assert value not in html
        token = make_status_token("objection", answered.number)
        letter = client.get(f"/keberatan/status/{token}/tanggapan/")
        assert letter.status_code == 200

    @pytest.mark.parametrize("mistake", ["number", "contact"])
    def test_same_not_found(self, client, mistake):
        from tests.objections.factories import ObjectionFactory

        objection = ObjectionFactory(affirmed=True)
        data = {"number": objection.number, "contact": "0812 3456 7890"}
        data[mistake] = "OBJ-2026-09999" if mistake == "number" else "0899 0000 0000"
        html = client.post(STATUS_URL, data).content.decode()
        assert "No objection matches this number and contact" in html

    def test_request_status_page_shows_window_and_link(self, client, refused):
        token = make_status_token("request", refused.registration_number)
        with in_window():
            html = client.get(f"/permohonan/status/{token}/").content.decode()
        assert form_requests(html) == {refused.registration_number}
        assert "2026" in html
        assert "objection-heading" in html
        with time_machine.travel("2026-05-06 10:00 +0800", tick=False):
            html = client.get(f"/permohonan/status/{token}/").content.decode()
        assert form_requests(html) == set()

    def test_request_status_page_lists_objection_and_dispute_date(
        self, client, answered
    ):
        token = make_status_token("request", answered.request.registration_number)
        with in_window():
            html = client.get(f"/permohonan/status/{token}/").content.decode()
        assert answered.number in html
        assert "Komisi Informasi" in html
