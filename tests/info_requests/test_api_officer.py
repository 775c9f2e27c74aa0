"""Officer API of requests: list, detail, assign, extend, decide, letter; per role."""

import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader
from rest_framework.test import APIClient

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.accounts.tokens import api_token_issue
from apps.info_requests.models import Channel, InformationRequest, Status
from apps.info_requests.services import information_request_decide
from tests.info_requests.factories import InformationRequestFactory

# A working day after the factory's receipt (Monday 2 March 2026) and before its due
# date: extensions and decisions are allowed.
WORKING_DAY = dt.datetime(2026, 3, 5, 10, 0, tzinfo=dt.UTC)


def token_client(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    token = api_token_issue(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def url(case_or_number, action: str = "") -> str:
    number = getattr(case_or_number, "registration_number", case_or_number)
    return f"/api/v1/requests/{number}/" + (f"{action}/" if action else "")


@pytest.fixture
def at_dinkes(units):
    return InformationRequestFactory(in_process=True, unit=units["dinkes"])


@pytest.fixture
def pelaksana(officer, units):
    return officer("PPID Pelaksana", units=[units["dinkes"]])


@pytest.fixture
def travel():
    with time_machine.travel(WORKING_DAY, tick=False):
        yield


GRANT = {
    "control": "held",
    "decision": "granted",
    "information_given": "Laporan realisasi anggaran 2025",
    "form_given": "softcopy",
    "delivery_method": "email",
    "cost": "0",
}


@pytest.mark.django_db
@pytest.mark.usefixtures("travel")
class TestExtend:
    def test_pelaksana_extends_once(self, at_dinkes, pelaksana):
        response = token_client(pelaksana).post(
            url(at_dinkes, "extend"), {"reason": "Dokumen di tiga bidang."}
        )
        assert response.status_code == 200, response.content
        at_dinkes.refresh_from_db()
        body = response.json()
        assert body["status"] == Status.EXTENDED == at_dinkes.status
        assert body["due_date"] == at_dinkes.extended_due_date.isoformat()
        assert body["original_due_date"] == at_dinkes.due_date.isoformat()
        again = token_client(pelaksana).post(
            url(at_dinkes, "extend"), {"reason": "Lagi."}
        )
        assert again.status_code == 400
        assert again.json()["code"] == "already_extended"

    def test_a_pelaksana_of_a_parent_unit_may_extend(self, units, officer):
        case = InformationRequestFactory(in_process=True, unit=units["rsud"])
        parent = officer("PPID Pelaksana", units=[units["dinkes"]])
        response = token_client(parent).post(url(case, "extend"), {"reason": "x"})
        assert response.status_code == 200

    def test_missing_reason(self, at_dinkes, pelaksana):
        response = token_client(pelaksana).post(url(at_dinkes, "extend"), {})
        assert response.status_code == 400
        assert "reason" in response.json()
        blank = token_client(pelaksana).post(url(at_dinkes, "extend"), {"reason": " "})
        assert blank.status_code == 400
        assert "reason" in blank.json()

    def test_wrong_status(self, units, pelaksana):
        received = InformationRequestFactory(unit=units["dinkes"])
        response = token_client(pelaksana).post(
            url(received, "extend"), {"reason": "x"}
        )
        assert response.status_code == 400
        assert response.json()["code"] == "transition_not_allowed"
        received.refresh_from_db()
        assert received.extended_due_date is None

    def test_due_date_passed(self, at_dinkes, pelaksana):
        late = timezone.make_aware(
            dt.datetime.combine(at_dinkes.due_date + dt.timedelta(days=1), dt.time(9))
        )
        with time_machine.travel(late, tick=False):
            response = token_client(pelaksana).post(
                url(at_dinkes, "extend"), {"reason": "x"}
            )
        assert response.status_code == 400
        assert response.json()["code"] == "due_date_passed"

    @pytest.mark.parametrize(
        ("role", "unit_code", "expected"),
        [
            ("PPID Utama", None, 200),
            ("PPID Pelaksana", "bpbd", 403),
            ("Atasan PPID", None, 403),
            ("Petugas Layanan", None, 403),
            ("Administrator", None, 403),
        ],
    )
    def test_permission_per_role(
        self, at_dinkes, officer, units, role, unit_code, expected
    ):
        user = officer(role, units=[units[unit_code]] if unit_code else [])
        response = token_client(user).post(url(at_dinkes, "extend"), {"reason": "x"})
        assert response.status_code == expected
        at_dinkes.refresh_from_db()
        assert (at_dinkes.status == Status.EXTENDED) == (expected == 200)

    def test_pelaksana_may_not_act_on_an_unrouted_request(self, units, pelaksana):
        unrouted = InformationRequestFactory(in_process=True, unit=None)
        response = token_client(pelaksana).post(
            url(unrouted, "extend"), {"reason": "x"}
        )
        assert response.status_code == 403

    def test_unknown_number_and_anonymous(self, at_dinkes, pelaksana):
        missing = token_client(pelaksana).post(
            url("PPID-KUTIM-2026-99999", "extend"), {"reason": "x"}
        )
        assert missing.status_code == 404
        anonymous = APIClient().post(url(at_dinkes, "extend"), {"reason": "x"})
        assert anonymous.status_code == 401


@pytest.mark.django_db
@pytest.mark.usefixtures("travel")
class TestDecide:
    def test_grant_records_the_notice_sends_the_email_and_serves_the_letter(
        self, at_dinkes, pelaksana, django_capture_on_commit_callbacks
    ):
        client = token_client(pelaksana)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url(at_dinkes, "decide"), GRANT, format="json")
        assert response.status_code == 201, response.content
        body = response.json()
        at_dinkes.refresh_from_db()
        assert body["status"] == Status.DECIDED == at_dinkes.status
        assert body["decision"] == "granted"
        assert body["letter_number"] == at_dinkes.notice.letter_number
        assert body["form_given"] == "softcopy"
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [at_dinkes.email]

        letter = client.get(body["letter_url"])
        assert letter.status_code == 200
        assert letter["Content-Type"] == "application/pdf"
        pdf = PdfReader(io.BytesIO(b"".join(letter.streaming_content)))
        text = "".join(page.extract_text() for page in pdf.pages)
        assert at_dinkes.registration_number in text

    def test_refusal_as_exempt(self, at_dinkes, pelaksana):
        response = token_client(pelaksana).post(
            url(at_dinkes, "decide"),
            {
                "control": "held",
                "decision": "refused",
                "refusal_reason": "exempt",
                "exemption_letters": ["B"],
                "exemption_reference": "DIK No. 3/2026",
            },
            format="json",
        )
        assert response.status_code == 201, response.content
        assert response.json()["exemption_letters"] == ["b"]

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"decision": "granted"}, "control"),
            ({"control": "held"}, "decision"),
            ({"control": "held", "decision": "maybe"}, "decision"),
            ({"control": "held", "decision": "refused"}, "refusal_reason"),
            (
                {"control": "held", "decision": "refused", "refusal_reason": "exempt"},
                "exemption_letters",
            ),
            (
                {
                    "control": "held",
                    "decision": "refused",
                    "refusal_reason": "exempt",
                    "exemption_letters": "b",
                },
                "exemption_letters",
            ),
            (
                {
                    "control": "held",
                    "decision": "refused",
                    "refusal_reason": "exempt",
                    "exemption_letters": ["z"],
                },
                "exemption_letters",
            ),
            ({"control": "held", "decision": "forwarded"}, "holding_body"),
            ({"control": "held", "decision": "granted"}, "information_given"),
            (
                {**GRANT, "decision": "granted_in_part"},
                "redactions",
            ),
            ({**GRANT, "control": "not_held"}, "decision"),
            ({**GRANT, "cost": "-5"}, "cost"),
            ({**GRANT, "cost": "lots"}, "cost"),
            ({**GRANT, "form_given": "papyrus"}, "form_given"),
        ],
    )
    def test_bad_notice_is_a_400_per_field(self, at_dinkes, pelaksana, body, field):
        response = token_client(pelaksana).post(
            url(at_dinkes, "decide"), body, format="json"
        )
        assert response.status_code == 400
        assert field in response.json(), response.json()
        at_dinkes.refresh_from_db()
        assert at_dinkes.status == Status.IN_PROCESS
        assert not hasattr(at_dinkes, "notice")

    def test_already_decided(self, at_dinkes, pelaksana):
        information_request_decide(info_request=at_dinkes, actor=pelaksana, **GRANT)
        response = token_client(pelaksana).post(
            url(at_dinkes, "decide"), GRANT, format="json"
        )
        assert response.status_code == 400
        assert response.json()["code"] == "transition_not_allowed"

    @pytest.mark.parametrize(
        ("role", "unit_code", "expected"),
        [
            ("PPID Utama", None, 201),
            ("PPID Pelaksana", "dinkes", 201),
            ("PPID Pelaksana", "bpbd", 403),
            ("Atasan PPID", None, 403),
            ("Petugas Layanan", None, 403),
        ],
    )
    def test_permission_per_role(
        self, at_dinkes, officer, units, role, unit_code, expected
    ):
        user = officer(role, units=[units[unit_code]] if unit_code else [])
        response = token_client(user).post(
            url(at_dinkes, "decide"), GRANT, format="json"
        )
        assert response.status_code == expected
        assert InformationRequest.objects.get().status == (
            Status.DECIDED if expected == 201 else Status.IN_PROCESS
        )

    def test_unknown_number(self, pelaksana):
        response = token_client(pelaksana).post(
            url("NOPE-1", "decide"), GRANT, format="json"
        )
        assert response.status_code == 404

    def test_letter_before_a_decision_and_outside_the_units(
        self, at_dinkes, pelaksana, officer, units
    ):
        assert token_client(pelaksana).get(url(at_dinkes, "letter")).status_code == 404
        information_request_decide(info_request=at_dinkes, actor=pelaksana, **GRANT)
        other = officer("PPID Pelaksana", units=[units["bpbd"]])
        assert token_client(other).get(url(at_dinkes, "letter")).status_code == 403


@pytest.mark.django_db
class TestAssign:
    def test_utama_routes_a_received_request(self, units, officer):
        case = InformationRequestFactory(unit=None)
        response = token_client(officer("PPID Utama")).post(
            url(case, "assign"), {"unit": "rsud", "note": "Data pasien."}
        )
        assert response.status_code == 200, response.content
        assert response.json()["status"] == Status.IN_PROCESS
        assert response.json()["unit"] == "rsud"

    def test_refusals(self, units, officer, pelaksana):
        case = InformationRequestFactory(unit=units["dinkes"])
        refused = token_client(pelaksana).post(url(case, "assign"), {"unit": "rsud"})
        assert refused.status_code == 403
        utama = token_client(officer("PPID Utama"))
        unknown = utama.post(url(case, "assign"), {"unit": "atlantis"})
        assert unknown.status_code == 400
        assert "atlantis" in unknown.json()["unit"][0]
        assert utama.post(url(case, "assign"), {}).status_code == 400
        case.refresh_from_db()
        assert case.status == Status.RECEIVED


@pytest.mark.django_db
class TestListAndDetail:
    @pytest.fixture
    def cases(self, units):
        InformationRequestFactory(unit=units["dinkes"], channel=Channel.WEB)
        InformationRequestFactory(
            in_process=True, unit=units["rsud"], channel=Channel.WHATSAPP
        )
        InformationRequestFactory(in_process=True, unit=units["bpbd"])
        InformationRequestFactory(unit=None, channel=Channel.LETTER)

    def numbers(self, response) -> int:
        assert response.status_code == 200, response.content
        return response.json()["count"]

    def test_scope_per_role(self, cases, officer, pelaksana):
        assert (
            self.numbers(token_client(officer("PPID Utama")).get("/api/v1/requests/"))
            == 4
        )
        assert self.numbers(token_client(pelaksana).get("/api/v1/requests/")) == 2
        assert (
            token_client(officer("Administrator")).get("/api/v1/requests/").status_code
            == 403
        )
        assert APIClient().get("/api/v1/requests/").status_code == 401

    def test_filters(self, cases, officer):
        client = token_client(officer("PPID Utama"))
        assert (
            self.numbers(client.get("/api/v1/requests/", {"status": "in_process"})) == 2
        )
        assert self.numbers(client.get("/api/v1/requests/", {"channel": "letter"})) == 1
        assert self.numbers(client.get("/api/v1/requests/", {"unit": "rsud"})) == 1
        with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
            assert (
                self.numbers(client.get("/api/v1/requests/", {"overdue": "true"})) == 4
            )
        assert self.numbers(client.get("/api/v1/requests/", {"overdue": "false"})) == 0
        bad = client.get("/api/v1/requests/", {"status": "lost", "unit": "atlantis"})
        assert bad.status_code == 400
        assert {"status", "unit"} <= set(bad.json())

    def test_rows_carry_no_personal_data(self, cases, officer):
        body = token_client(officer("PPID Utama")).get("/api/v1/requests/").json()
        row = body["results"][0]
        assert {"name", "nik", "address", "phone", "email"}.isdisjoint(row)
        assert "Budi Santoso" not in str(body)

    def test_constant_queries(self, units, officer):
        client = token_client(officer("PPID Pelaksana", units=[units["dinkes"]]))

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/api/v1/requests/").status_code == 200
            return len(queries)

        InformationRequestFactory.create_batch(2, unit=units["rsud"])
        few = count()
        InformationRequestFactory.create_batch(18, unit=units["dinkes"])
        assert count() == few
        assert few <= 8

    def test_detail_shows_personal_data_only_with_the_permission(
        self, at_dinkes, pelaksana, officer
    ):
        full = token_client(pelaksana).get(url(at_dinkes))
        assert full.status_code == 200
        assert full.json()["applicant"]["nik"] == at_dinkes.nik
        assert full.json()["applicant"]["has_identity_document"] is False
        atasan = token_client(officer("Atasan PPID")).get(url(at_dinkes))
        assert atasan.status_code == 200
        assert atasan.json()["applicant"] is None
        assert at_dinkes.nik not in atasan.content.decode()

    def test_detail_outside_the_units_and_unknown(
        self, at_dinkes, officer, units, pelaksana
    ):
        other = token_client(officer("PPID Pelaksana", units=[units["bpbd"]]))
        assert other.get(url(at_dinkes)).status_code == 403
        assert token_client(pelaksana).get(url("NOPE-1")).status_code == 404
