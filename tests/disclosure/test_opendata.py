"""Open data for CKAN harvesters: DCAT-AP JSON-LD, data.json (POD v1.1) and
CSV of the register, the disclosure log and the statistics series."""

import csv
import io

import pytest

from apps.disclosure import services
from tests.disclosure.conftest import PERSONAL
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db


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
    return services.published_answer_publish(actor=pelaksana, answer=answer)


def _rows(response) -> list[dict]:
    body = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_dcat_ap_catalogue_lists_every_dataset_with_csv(client, published, units):
    InformationItemFactory(unit=units["dinkes"], published=True)
    response = client.get("/data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    graph = document["@graph"]
    catalog = graph[0]
    assert catalog["@type"] == "dcat:Catalog"
    datasets = [node for node in graph if node["@type"] == "dcat:Dataset"]
    assert {d["@id"] for d in datasets} == {
        ref["@id"] for ref in catalog["dcat:dataset"]
    }
    ids = {d["dct:identifier"] for d in datasets}
    assert {"daftar-informasi-publik", "jawaban-permohonan-informasi"} <= ids
    assert any(i.startswith("statistik-layanan-informasi-") for i in ids)
    for dataset in datasets:
        formats = {d["dct:format"] for d in dataset["dcat:distribution"]}
        assert "CSV" in formats
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith("http://testserver/")
            assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_data_json_follows_project_open_data(client, published):
    data = client.get("/data/data.json").json()
    assert data["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    required = {
        "title",
        "description",
        "keyword",
        "modified",
        "publisher",
        "contactPoint",
        "identifier",
        "accessLevel",
    }
    for dataset in data["dataset"]:
        assert required <= set(dataset)
        assert dataset["distribution"][0]["mediaType"] == "text/csv"


def test_answers_csv_has_no_personal_data(client, published):
    response = client.get("/data/jawaban.csv")
    rows = _rows(response)
    assert [int(r["id"]) for r in rows] == [published.pk]
    assert rows[0]["url"].endswith(published.get_absolute_url())
    text = response.content.decode()
    for value in PERSONAL:
        assert value not in text


def test_statistics_csv_has_every_series(client, published):
    from django.utils import timezone

    year = timezone.localdate().year
    rows = _rows(client.get(f"/data/statistik-{year}.csv"))
    series = {r["seri"] for r in rows}
    assert "survey" in series
    assert len(series) >= 4
    assert client.get(f"/data/statistik-{year + 1}.csv").status_code == 404
