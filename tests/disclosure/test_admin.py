"""The officers' path through the back office: prepare from a request, redact
with the suggestions, publish, unpublish with a reason; possible duplicates on
the request's page; another unit's officer stays out."""

import pymupdf
import pytest

from apps.disclosure.models import PublishedAnswer, Redaction
from tests.disclosure.conftest import EMAIL, NAME, PERSONAL
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db

BASE = "/admin/disclosure/publishedanswer/"


def test_prepare_redact_publish_unpublish(client, decided, pelaksana):
    client.force_login(pelaksana)
    add = client.get(f"{BASE}add/?request={decided.pk}")
    assert add.status_code == 200
    assert list(add.context["adminform"].form.fields["request"].queryset) == [decided]
    response = client.post(f"{BASE}add/", {"request": decided.pk})
    assert response.status_code == 302, response.content
    answer = PublishedAnswer.objects.get()
    assert NAME not in answer.question

    # The redaction page suggests the personal data of the chosen file.
    redact = f"{BASE}{answer.pk}/redact/"
    document = decided.documents.get()
    page = client.get(f"{redact}?source=document:{document.pk}")
    marks = page.context["form"].initial["marks"]
    assert f"pdp | {VALID_NIK}" in marks
    assert f"pdp | {NAME}" in marks
    response = client.post(
        redact, {"source": f"document:{document.pk}", "marks": marks, "title": ""}
    )
    assert response.status_code == 302
    notice_marks = (
        client.get(f"{redact}?source=notice").context["form"].initial["marks"]
    )
    client.post(redact, {"source": "notice", "marks": notice_marks})
    assert answer.documents.count() == 2
    assert Redaction.objects.filter(actor=pelaksana).count() == 2
    # A bad mark is a form error, not a 500.
    bad = client.post(redact, {"source": "notice", "marks": "x | Budi"})
    assert bad.status_code == 200
    assert bad.context["form"].errors["marks"]
    # The officer previews the redacted copy: none of the personal data left.
    copy = answer.documents.get(source="document")
    response = client.get(f"{redact}?file={copy.pk}")
    with pymupdf.open(stream=b"".join(response.streaming_content)) as pdf:
        text = " ".join(" ".join(page.get_text() for page in pdf).split())
    for value in PERSONAL:
        assert value not in text

    assert client.get(f"{BASE}{answer.pk}/publish/").status_code == 200
    response = client.post(f"{BASE}{answer.pk}/publish/")
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.status == PublishedAnswer.Status.PUBLISHED
    assert client.get(answer.get_absolute_url()).status_code == 200

    unpublish = f"{BASE}{answer.pk}/unpublish/"
    assert client.post(unpublish, {"reason": ""}).status_code == 200
    client.post(unpublish, {"reason": "Permintaan pemohon."})
    answer.refresh_from_db()
    assert answer.status == PublishedAnswer.Status.UNPUBLISHED
    assert answer.unpublish_reason == "Permintaan pemohon."
    change = client.get(f"{BASE}{answer.pk}/change/").content.decode()
    assert "Permintaan pemohon." in change


def test_publishing_with_personal_data_left_is_refused_with_a_message(
    client, decided, pelaksana
):
    client.force_login(pelaksana)
    client.post(f"{BASE}add/", {"request": decided.pk})
    answer = PublishedAnswer.objects.get()
    client.post(
        f"{BASE}{answer.pk}/redact/", {"source": "notice", "marks": "h | PEMBERITAHUAN"}
    )
    page = client.get(f"{BASE}{answer.pk}/publish/").content.decode()
    assert "still in" in page or "masih" in page
    response = client.post(f"{BASE}{answer.pk}/publish/", follow=True)
    answer.refresh_from_db()
    assert answer.status == PublishedAnswer.Status.DRAFT
    assert any(
        "personal" in str(m).lower() or "pribadi" in str(m).lower()
        for m in (response.context["messages"])
    )


def test_another_units_officer_stays_out(client, decided, pelaksana, other_pelaksana):
    client.force_login(pelaksana)
    client.post(f"{BASE}add/", {"request": decided.pk})
    answer = PublishedAnswer.objects.get()
    client.force_login(other_pelaksana)
    assert (
        decided
        not in client.get(f"{BASE}add/")
        .context["adminform"]
        .form.fields["request"]
        .queryset
    )
    for suffix in ("change/", "redact/", "publish/", "unpublish/"):
        assert client.get(f"{BASE}{answer.pk}/{suffix}").status_code in (302, 403, 404)
    client.post(f"{BASE}{answer.pk}/publish/")
    answer.refresh_from_db()
    assert answer.status == PublishedAnswer.Status.DRAFT


def test_the_request_page_shows_consent_and_possible_duplicates(
    client, make_decided, submit_open, pelaksana
):
    first = make_decided(document=False)
    client.force_login(pelaksana)
    html = client.get(
        f"/admin/info_requests/informationrequest/{submit_open.pk}/change/"
    ).content.decode()
    assert "Possible duplicates" in html or "Kemungkinan duplikat" in html
    assert first.registration_number in html
    html = client.get(
        f"/admin/info_requests/informationrequest/{first.pk}/change/"
    ).content.decode()
    assert f"{BASE}add/?request={first.pk}" in html
    assert EMAIL not in html.split("Possible duplicates")[-1][:0]
