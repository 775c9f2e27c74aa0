"""Official letters: numbering rules, signing officials, issued documents and their
public verification (issue 14, items 2, 3 and 4)."""

import datetime as dt
import threading

import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.errors import ApplicationError
from apps.core.models import BodyProfile
from apps.letters.documents import issue_disposition
from apps.letters.models import (
    DocumentKind,
    IssuedDocument,
    NumberingRule,
    Signatory,
    SignerRole,
    validate_pattern,
)
from apps.letters.numbering import next_letter_number
from apps.letters.services import issue_document, normalise_code
from tests.info_requests.factories import InformationRequestFactory
from tests.pdfs import pdf_text

WITA = dt.timezone(dt.timedelta(hours=8))


def at(*args):
    return dt.datetime(*args, tzinfo=WITA)


@pytest.fixture
def signatories(db, units):
    BodyProfile.objects.update_or_create(pk=1, defaults={"city": "Sangatta"})
    return {
        "utama": Signatory.objects.create(
            role=SignerRole.PPID_UTAMA,
            position="Kepala Dinas Kominfo selaku PPID Utama",
            name="Ahmad Rizali, S.Sos.",
            rank="Pembina Utama Muda (IV/c)",
            nip="197502122000031004",
        ),
        "dinkes": Signatory.objects.create(
            role=SignerRole.PPID_PELAKSANA,
            unit=units["dinkes"],
            position="Sekretaris Dinas Kesehatan selaku PPID Pelaksana",
            name="dr. Yusuf Pratama",
            rank="Pembina (IV/a)",
            nip="198103152006041007",
        ),
        "atasan": Signatory.objects.create(
            role=SignerRole.ATASAN_PPID,
            position="Sekretaris Daerah selaku Atasan PPID",
            name="Rizali Hadi",
            nip="196808101994031012",
        ),
    }


class TestNumbering:
    def test_pattern_parts_and_roman_month(self, units):
        NumberingRule.objects.create(
            kind=DocumentKind.WRITTEN_NOTICE,
            classification_code="045.2",
            unit_code="PPID",
        )
        first = next_letter_number(DocumentKind.WRITTEN_NOTICE, when=at(2026, 11, 3, 9))
        second = next_letter_number(
            DocumentKind.WRITTEN_NOTICE, when=at(2026, 11, 4, 9)
        )
        assert first == "045.2/001/PPID/XI/2026"
        assert second == "045.2/002/PPID/XI/2026"

    def test_sequence_per_kind_and_year(self, units):
        when = at(2026, 12, 30, 9)
        assert next_letter_number(DocumentKind.DISPOSITION, when=when).startswith(
            "001/"
        )
        assert next_letter_number(DocumentKind.WRITTEN_NOTICE, when=when).startswith(
            "001/"
        )
        assert next_letter_number(DocumentKind.DISPOSITION, when=when).startswith(
            "002/"
        )
        january = next_letter_number(DocumentKind.DISPOSITION, when=at(2027, 1, 4, 9))
        assert january.startswith("001/")
        assert january.endswith("/I/2027")

    def test_a_unit_rule_wins_over_the_body_rule(self, units):
        NumberingRule.objects.create(kind=DocumentKind.WRITTEN_NOTICE, unit_code="X")
        NumberingRule.objects.create(
            kind=DocumentKind.WRITTEN_NOTICE,
            unit=units["dinkes"],
            pattern="{code}/{seq}/{unit}/{year}",
            classification_code="440",
            sequence_digits=4,
        )
        when = at(2026, 5, 4, 9)
        assert (
            next_letter_number(
                DocumentKind.WRITTEN_NOTICE, unit=units["dinkes"], when=when
            )
            == "440/0001/DINKES/2026"
        )
        assert (
            next_letter_number(
                DocumentKind.WRITTEN_NOTICE, unit=units["bpbd"], when=when
            )
            == "001/X/V/2026"
        )

    def test_a_rolled_back_letter_gives_its_number_back(self, units):
        when = at(2026, 5, 4, 9)

        def issue_then_fail():
            with transaction.atomic():
                next_letter_number(DocumentKind.HANDOVER, when=when)
                raise RuntimeError

        with pytest.raises(RuntimeError):
            issue_then_fail()
        assert next_letter_number(DocumentKind.HANDOVER, when=when).startswith("001/")

    @pytest.mark.parametrize(
        ("pattern", "code"),
        [
            ("{code}/{unit}/{year}", "no_sequence"),
            ("{seq}/{seq}", "no_sequence"),
            ("{seq}/{agenda}", "unknown_placeholder"),
            ("{seq}<script>", "pattern_text"),
        ],
    )
    def test_bad_patterns_are_refused_with_a_reason(self, pattern, code):
        with pytest.raises(ValidationError) as caught:
            validate_pattern(pattern)
        assert caught.value.code == code

    def test_one_body_rule_per_kind(self, units):
        NumberingRule.objects.create(kind=DocumentKind.HANDOVER)
        with pytest.raises(IntegrityError), transaction.atomic():
            NumberingRule.objects.create(kind=DocumentKind.HANDOVER)

    @pytest.mark.django_db(transaction=True)
    def test_twenty_concurrent_letters_get_unique_numbers(self, postgres_only):
        NumberingRule.objects.create(kind=DocumentKind.FEE_RECEIPT, unit_code="P")
        numbers, errors = [], []
        barrier = threading.Barrier(20)
        when = at(2026, 3, 2, 9)

        def issue():
            try:
                barrier.wait(timeout=10)
                with transaction.atomic():
                    numbers.append(
                        next_letter_number(DocumentKind.FEE_RECEIPT, when=when)
                    )
            except Exception as exc:  # surfaced by the assertion below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=issue) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(numbers) == [f"{n:03d}/P/III/2026" for n in range(1, 21)]


class TestSignatories:
    def test_nip_has_eighteen_digits(self, units):
        official = Signatory(
            role=SignerRole.PPID_UTAMA, position="PPID Utama", name="A", nip="1975 02"
        )
        with pytest.raises(ValidationError) as caught:
            official.full_clean()
        assert "nip" in caught.value.message_dict

    def test_a_pelaksana_signs_for_a_unit(self, units):
        with pytest.raises(IntegrityError), transaction.atomic():
            Signatory.objects.create(
                role=SignerRole.PPID_PELAKSANA, position="PPID Pelaksana", name="B"
            )


def _simple_render(letter):
    from apps.core.pdf import render_pdf

    return render_pdf(
        "pdf/letters/letter.html",
        {"letter": letter, "subject": "Uji", "addressee": "Budi", "body": "Isi surat."},
    )


class TestIssuing:
    def test_the_pdf_carries_number_place_signer_and_verification(
        self, signatories, units
    ):
        info_request = InformationRequestFactory(unit=units["dinkes"])
        with time_machine.travel(at(2026, 3, 10, 9), tick=False):
            document = issue_disposition(
                info_request=info_request, unit=units["dinkes"], note="Segera."
            )
        text = pdf_text(document.file.read())
        assert document.number in text
        assert "Sangatta, 10 Maret 2026" in text
        assert "Ahmad Rizali, S.Sos." in text  # the PPID Utama routes
        assert "NIP 197502122000031004" in text
        assert "Pembina Utama Muda (IV/c)" in text
        assert "Lembar disposisi" in text or "LEMBAR DISPOSISI" in text
        code = "-".join(document.verification_code[i : i + 4] for i in range(0, 16, 4))
        assert code in text
        assert info_request.registration_number in text
        assert IssuedDocument.objects.for_object(info_request).get() == document

    def test_an_issued_document_is_fixed(self, signatories):
        document = issue_document(
            kind=DocumentKind.OTHER, subject="Uji", render=_simple_render
        )
        document.subject = "Lain"
        with pytest.raises(ValidationError):
            document.save()
        with pytest.raises(ValidationError):
            document.delete()
        assert IssuedDocument.objects.get().subject == "Uji"

    def test_the_signer_is_copied_when_issued(self, signatories):
        document = issue_document(
            kind=DocumentKind.OTHER, subject="Uji", render=_simple_render
        )
        Signatory.objects.filter(pk=signatories["utama"].pk).update(name="Pengganti")
        document.refresh_from_db()
        assert document.signer_name == "Ahmad Rizali, S.Sos."

    def test_an_official_of_another_unit_may_not_sign(self, signatories, units):
        with pytest.raises(ApplicationError) as caught:
            issue_document(
                kind=DocumentKind.WRITTEN_NOTICE,
                subject="Uji",
                render=_simple_render,
                unit=units["bpbd"],
                signatory=signatories["dinkes"],
            )
        assert caught.value.code == "signer_not_allowed"
        assert not IssuedDocument.objects.exists()

    def test_without_any_signing_official_the_reason_is_given(self, db):
        with pytest.raises(ApplicationError) as caught:
            issue_document(
                kind=DocumentKind.OTHER, subject="Uji", render=_simple_render
            )
        assert caught.value.code == "no_signatory"

    def test_the_atasan_signs_an_objection_answer_and_a_unit_its_notice(
        self, signatories, units
    ):
        answer = issue_document(
            kind=DocumentKind.OBJECTION_ANSWER,
            subject="Tanggapan",
            render=_simple_render,
        )
        notice = issue_document(
            kind=DocumentKind.WRITTEN_NOTICE,
            subject="Pemberitahuan",
            render=_simple_render,
            unit=units["dinkes"],
        )
        assert answer.signatory == signatories["atasan"]
        assert notice.signatory == signatories["dinkes"]


class TestVerification:
    @pytest.fixture
    def document(self, signatories):
        return issue_document(
            kind=DocumentKind.OTHER,
            subject="Surat uji",
            render=_simple_render,
            when=timezone.now(),
        )

    def test_the_page_shows_what_was_issued(self, client, document):
        url = reverse("letters:verify", args=[document.verification_code])
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
        html = page.content.decode()
        assert page.status_code == 200
        assert document.number in html
        assert document.sha256 in html
        assert "Ahmad Rizali, S.Sos." in html
        assert "Budi" not in html  # the addressee is not published

    def test_a_genuine_pdf_is_recognised_and_an_altered_one_refused(
        self, client, document
    ):
        url = reverse("letters:verify", args=[document.verification_code])
        original = document.file.read()
        genuine = client.post(
            url,
            {"file": SimpleUploadedFile("a.pdf", original, "application/pdf")},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert "Genuine" in genuine.content.decode()
        # An incremental update appended to the file, as a PDF editor saves one.
        altered = original + b"\n1 0 obj\n<< /Producer (edited) >>\nendobj\n%%EOF\n"
        refused = client.post(
            url,
            {"file": SimpleUploadedFile("a.pdf", altered, "application/pdf")},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert "Not genuine" in refused.content.decode()
        assert "Genuine:" not in refused.content.decode()

    def test_a_check_without_a_file_keeps_the_page_and_says_why(self, client, document):
        url = reverse("letters:verify", args=[document.verification_code])
        page = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="id")
        assert page.status_code == 200
        assert "wajib" in page.content.decode().lower()

    def test_codes_are_read_with_dashes_and_any_case(self, client, document):
        typed = "-".join(
            document.verification_code[i : i + 4].lower() for i in range(0, 16, 4)
        )
        assert normalise_code(typed) == document.verification_code
        found = client.get(reverse("letters:lookup"), {"code": typed})
        assert found.status_code == 302
        assert found["Location"] == reverse(
            "letters:verify", args=[document.verification_code]
        )

    def test_an_unknown_code_is_not_found(self, client, db):
        assert client.get(reverse("letters:verify", args=["AAAA"])).status_code == 404
        page = client.get(reverse("letters:lookup"), {"code": "AAAA-BBBB"})
        assert page.status_code == 200
        assert "form" in page.content.decode()
