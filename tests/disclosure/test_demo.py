"""What the demo promises for issue 16: several published answers with redacted
PDFs free of the applicants' personal data (one draft, one unpublished), a
scanned register document found by a word only in its image, and a unit page
with its figures. Loaded under a frozen day, twice (idempotent)."""

import datetime as dt
import io
import re

import pymupdf
import pytest
import time_machine

from django.core.management import call_command

from apps.disclosure import ocr
from apps.disclosure.demo import SCAN_WORD
from apps.disclosure.models import OcrJob, PublishedAnswer, PublishedDocument
from apps.disclosure.services import applicant_values

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not ocr.is_available(), reason="OCR not installed")
def test_the_demo_publishes_redacted_answers_and_finds_the_scan(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with time_machine.travel(dt.datetime(2026, 10, 10, 0, 20, tzinfo=dt.UTC)):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        assert "Disclosure log: 6 answers prepared, 4 published" in out.getvalue()
        counts = (PublishedAnswer.objects.count(), PublishedDocument.objects.count())
        again = io.StringIO()
        call_command("load_demo", stdout=again)
        assert "Disclosure log: 0 answers prepared" in again.getvalue()
        assert (
            PublishedAnswer.objects.count(),
            PublishedDocument.objects.count(),
        ) == counts

        statuses = sorted(PublishedAnswer.objects.values_list("status", flat=True))
        assert statuses.count("published") == 4
        assert {"draft", "unpublished"} <= set(statuses)
        for answer in PublishedAnswer.objects.published():
            assert answer.documents.count() == 2  # notice and document given
            secrets = [v.lower() for v in applicant_values(answer.request)]
            page = client.get(answer.get_absolute_url()).content.decode().lower()
            for document in answer.documents.all():
                response = client.get(document.get_download_url())
                body = b"".join(response.streaming_content)
                with pymupdf.open(stream=body, filetype="pdf") as pdf:
                    text = " ".join(" ".join(p.get_text() for p in pdf).split())
                assert "Data pribadi (UU 27/2022)" in text
                for secret in secrets:
                    assert secret not in text.lower(), (document, secret)
                    assert secret not in page
            assert not re.search(r"\d{16}", page)

        job = OcrJob.objects.get()
        assert job.status == OcrJob.Status.DONE
        html = client.get(f"/informasi/?q={SCAN_WORD}").content.decode()
        assert job.document.item.get_absolute_url() in html
        unit = client.get("/unit/dinkes/").content.decode()
        assert 'data-figure="requests">' in unit
        assert "/jawaban/" in unit
