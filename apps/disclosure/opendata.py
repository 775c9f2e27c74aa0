"""Open data for harvesters (CKAN with ckanext-dcat, such as Satu Data Indonesia):
the register, the disclosure log and the statistics series as a DCAT-AP JSON-LD
catalogue and as a Project Open Data data.json (v1.1), each dataset with CSV
distributions. Metadata are Indonesian: they describe official datasets."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from apps.core.exports import csv_text, download_response
from apps.core.models import BodyProfile
from apps.disclosure.models import PublishedAnswer
from apps.registers.models import InformationItem
from apps.reports.statistics import all_series, available_years, year_statistics

CACHE_SECONDS = 15 * 60
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
CSV = "text/csv"
ANSWER_HEADERS = [
    "id",
    "judul",
    "unit",
    "keputusan",
    "diterima",
    "pemberitahuan_tertulis",
    "dipublikasikan",
    "jumlah_dokumen",
    "url",
]
SERIES_HEADERS = ["seri", "judul_seri", "satuan", "kunci", "label", "nilai"]
FIRST_OPEN_YEAR = 2000


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _modified(queryset, field: str) -> str | None:
    value = queryset.order_by(f"-{field}").values_list(field, flat=True).first()
    return value.date().isoformat() if value else None


def datasets(request) -> list[dict]:
    """The catalogue's datasets, in a neutral form both encodings are made from."""
    body = BodyProfile.load()
    publisher = body.name or "PPID"
    contact = body.email or ""
    today_year = timezone.localdate().year
    register = InformationItem.objects.published()
    found = [
        {
            "id": "daftar-informasi-publik",
            "title": f"Daftar Informasi Publik {publisher}",
            "description": (
                "Daftar Informasi Publik (UU 14/2008 Pasal 9-11; Perki 1/2021): "
                "informasi berkala, serta merta dan setiap saat."
            ),
            "keywords": ["informasi publik", "DIP", "PPID", "keterbukaan informasi"],
            "modified": _modified(register, "published_at"),
            "landing": _absolute(request, reverse("registers:list")),
            "distributions": [
                {
                    "title": "Daftar Informasi Publik (CSV)",
                    "url": _absolute(
                        request, reverse("registers:export", args=["csv"])
                    ),
                    "format": "CSV",
                    "media_type": CSV,
                },
                {
                    "title": "Daftar Informasi Publik (XLSX)",
                    "url": _absolute(
                        request, reverse("registers:export", args=["xlsx"])
                    ),
                    "format": "XLSX",
                    "media_type": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                },
            ],
        },
        {
            "id": "jawaban-permohonan-informasi",
            "title": f"Jawaban permohonan informasi yang dipublikasikan {publisher}",
            "description": (
                "Permohonan informasi yang telah dijawab dan dipublikasikan atas "
                "persetujuan pemohon, tanpa identitas pemohon."
            ),
            "keywords": ["permohonan informasi", "jawaban", "PPID"],
            "modified": _modified(PublishedAnswer.objects.published(), "published_at"),
            "landing": _absolute(request, reverse("disclosure:list")),
            "distributions": [
                {
                    "title": "Jawaban yang dipublikasikan (CSV)",
                    "url": _absolute(request, reverse("disclosure:answers_csv")),
                    "format": "CSV",
                    "media_type": CSV,
                }
            ],
        },
    ]
    for year in available_years(today_year=today_year):
        found.append(
            {
                "id": f"statistik-layanan-informasi-{year}",
                "title": f"Statistik layanan informasi publik {publisher} {year}",
                "description": (
                    "Permohonan, waktu pemberitahuan tertulis, keberatan, pengaduan "
                    f"dan survei kepuasan tahun {year} (seri bulanan dan rekap)."
                ),
                "keywords": ["statistik", "layanan informasi", str(year)],
                "modified": None,
                "temporal": (f"{year}-01-01", f"{year}-12-31"),
                "landing": _absolute(
                    request, reverse("reports:statistics") + f"?year={year}"
                ),
                "distributions": [
                    {
                        "title": f"Semua seri statistik {year} (CSV)",
                        "url": _absolute(
                            request, reverse("disclosure:statistics_csv", args=[year])
                        ),
                        "format": "CSV",
                        "media_type": CSV,
                    }
                ],
            }
        )
    for dataset in found:
        dataset["publisher"] = publisher
        dataset["contact"] = contact
    return found


@require_GET
def index(request):
    return render(request, "disclosure/opendata.html", {"datasets": datasets(request)})


@require_GET
@cache_page(CACHE_SECONDS)
def catalog_jsonld(request):
    """DCAT-AP 2 as JSON-LD (ckanext-dcat's `dcat_rdf_harvester`)."""
    catalog_uri = _absolute(request, reverse("disclosure:catalog_jsonld"))
    graph = []
    for dataset in datasets(request):
        uri = _absolute(request, reverse("disclosure:opendata")) + f"#{dataset['id']}"
        node = {
            "@id": uri,
            "@type": "dcat:Dataset",
            "dct:identifier": dataset["id"],
            "dct:title": {"@value": dataset["title"], "@language": "id"},
            "dct:description": {"@value": dataset["description"], "@language": "id"},
            "dcat:keyword": [
                {"@value": k, "@language": "id"} for k in dataset["keywords"]
            ],
            "dcat:landingPage": {"@id": dataset["landing"]},
            "dct:publisher": {
                "@type": "foaf:Organization",
                "foaf:name": dataset["publisher"],
            },
            "dct:language": {
                "@id": "http://publications.europa.eu/resource/authority/language/IND"
            },
            "dct:accessRights": {
                "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
            },
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dct:title": d["title"],
                    "dcat:accessURL": {"@id": d["url"]},
                    "dcat:downloadURL": {"@id": d["url"]},
                    "dcat:mediaType": d["media_type"],
                    "dct:format": d["format"],
                    "dct:license": {"@id": LICENSE},
                }
                for d in dataset["distributions"]
            ],
        }
        if dataset["contact"]:
            node["dcat:contactPoint"] = {
                "@type": "vcard:Organization",
                "vcard:fn": dataset["publisher"],
                "vcard:hasEmail": {"@id": f"mailto:{dataset['contact']}"},
            }
        if dataset.get("modified"):
            node["dct:modified"] = {"@value": dataset["modified"], "@type": "xsd:date"}
        if dataset.get("temporal"):
            start, end = dataset["temporal"]
            node["dct:temporal"] = {
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": {"@value": start, "@type": "xsd:date"},
                "dcat:endDate": {"@value": end, "@type": "xsd:date"},
            }
        graph.append(node)
    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": [
            {
                "@id": catalog_uri,
                "@type": "dcat:Catalog",
                "dct:title": {
                    "@value": f"Katalog data {BodyProfile.load().name}",
                    "@language": "id",
                },
                "dct:description": {"@value": "Data terbuka PPID.", "@language": "id"},
                "dcat:dataset": [{"@id": node["@id"]} for node in graph],
            },
            *graph,
        ],
    }
    return JsonResponse(
        document, content_type="application/ld+json", json_dumps_params={"indent": 1}
    )


@require_GET
@cache_page(CACHE_SECONDS)
def data_json(request):
    """Project Open Data metadata schema v1.1 (ckanext-datajson, data.gov style)."""
    entries = []
    for dataset in datasets(request):
        entry = {
            "@type": "dcat:Dataset",
            "identifier": dataset["id"],
            "title": dataset["title"],
            "description": dataset["description"],
            "keyword": dataset["keywords"],
            "modified": dataset.get("modified") or timezone.localdate().isoformat(),
            "publisher": {"@type": "org:Organization", "name": dataset["publisher"]},
            "contactPoint": {
                "@type": "vcard:Contact",
                "fn": dataset["publisher"],
                "hasEmail": f"mailto:{dataset['contact']}"
                if dataset["contact"]
                else "",
            },
            "accessLevel": "public",
            "license": LICENSE,
            "language": ["id"],
            "landingPage": dataset["landing"],
            "distribution": [
                {
                    "@type": "dcat:Distribution",
                    "title": d["title"],
                    "downloadURL": d["url"],
                    "mediaType": d["media_type"],
                    "format": d["format"],
                }
                for d in dataset["distributions"]
            ],
        }
        if dataset.get("temporal"):
            entry["temporal"] = "/".join(dataset["temporal"])
        entries.append(entry)
    return JsonResponse(
        {
            "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
            "dataset": entries,
        },
        json_dumps_params={"indent": 1},
    )


@require_GET
def answers_csv(request):
    rows = [
        (
            answer.pk,
            answer.title,
            answer.unit.name if answer.unit else "",
            answer.get_decision_display(),
            answer.received_on.isoformat(),
            answer.decided_on.isoformat(),
            timezone.localtime(answer.published_at).date().isoformat(),
            answer.document_count,
            _absolute(request, answer.get_absolute_url()),
        )
        for answer in _answers()
    ]
    return download_response(
        "\ufeff" + csv_text(headers=ANSWER_HEADERS, rows=rows),
        filename="jawaban-permohonan-informasi.csv",
        content_type="text/csv; charset=utf-8",
    )


def _answers():
    from apps.disclosure.selectors import public_answers

    return public_answers()


@require_GET
@cache_page(CACHE_SECONDS)
def statistics_csv(request, year: int):
    from django.http import Http404

    if not FIRST_OPEN_YEAR <= year <= timezone.localdate().year:
        raise Http404
    rows = []
    for key, series in all_series(year_statistics(year)).items():
        for row in series["rows"]:
            rows.append(
                (
                    key,
                    series["title"],
                    series.get("unit", ""),
                    row["key"],
                    row["label"],
                    row["value"],
                )
            )
    return download_response(
        "\ufeff" + csv_text(headers=SERIES_HEADERS, rows=rows),
        filename=f"statistik-{year}.csv",
        content_type="text/csv; charset=utf-8",
    )
