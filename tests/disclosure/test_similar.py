"""'Mungkin sudah tersedia': register items and published answers similar to
what the applicant types (PostgreSQL full text and trigrams, SQLite words), and
possible duplicates of a new request for officers."""

import pytest

from apps.disclosure import selectors, services
from tests.disclosure.conftest import NAME
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db

URL = "/jawaban/serupa/"


@pytest.fixture
def published(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    for source, _label in services.sources_of(answer):
        services.published_document_redact(
            actor=pelaksana,
            answer=answer,
            source=source,
            marks=services.suggested_marks(answer, source),
        )
    services.refresh_search(answer.pk)
    return services.published_answer_publish(actor=pelaksana, answer=answer)


@pytest.fixture
def item(units):
    from apps.registers.services import refresh_search_vector

    item = InformationItemFactory(
        unit=units["dinkes"],
        published=True,
        title="Jumlah kasus demam berdarah dengue 2025",
        summary="Rekap per puskesmas.",
    )
    refresh_search_vector(item.pk)
    return item


def test_typing_shows_items_and_answers(client, published, item):
    response = client.get(URL, {"q": "saya minta data kasus demam berdarah tahun lalu"})
    assert response.status_code == 200
    data = response.json()
    assert [row["url"] for row in data["items"]] == [item.get_absolute_url()]
    assert [row["url"] for row in data["answers"]] == [published.get_absolute_url()]
    assert data["title"]
    assert NAME not in response.content.decode()


def test_short_or_unrelated_text_finds_nothing(client, published, item):
    assert client.get(URL, {"q": "data"}).json()["items"] == []
    assert client.get(URL, {"q": "jadwal kapal feri"}).json() == {
        "title": client.get(URL, {"q": "jadwal kapal feri"}).json()["title"],
        "items": [],
        "answers": [],
    }
    assert client.get(URL, {"q": "x" * 5000}).status_code == 200


def test_drafts_are_never_suggested(client, decided, pelaksana):
    services.published_answer_prepare(actor=pelaksana, info_request=decided)
    data = client.get(URL, {"q": "kasus demam berdarah kelurahan"}).json()
    assert data["answers"] == []


def test_the_hint_answers_within_a_query_budget(
    client, published, item, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get(URL, {"q": "kasus demam berdarah"})


def test_possible_duplicates_same_applicant_and_similar_text(
    make_decided, submit_open, submit
):
    earlier = make_decided(document=False)
    found = selectors.possible_duplicates(submit_open)
    assert earlier in found["same_applicant"]
    stranger = submit(
        name="Orang Lain",
        nik="6408015203850002",
        email="lain@example.com",
        phone="0813 1111 2222",
        information_requested=earlier.information_requested,
    )
    found = selectors.possible_duplicates(stranger)
    assert found["same_applicant"] == []
    assert earlier in found["similar_text"]
    unrelated = submit(
        name="Orang Ketiga",
        nik="6408015203850002",
        email="tiga@example.com",
        phone="0813 3333 4444",
        information_requested="Jadwal kapal feri Sangatta",
    )
    assert selectors.possible_duplicates(unrelated)["similar_text"] == []
