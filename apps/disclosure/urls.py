from django.urls import path

from apps.disclosure import opendata, views

app_name = "disclosure"

urlpatterns = [
    path("jawaban/", views.answer_list, name="list"),
    path("jawaban/<int:pk>/", views.answer_detail, name="detail"),
    path("jawaban/<int:pk>/<slug:slug>/", views.answer_detail, name="detail"),
    path("jawaban/berkas/<int:pk>/", views.document_download, name="download"),
    path("jawaban/serupa/", views.similar, name="similar"),
    path("jawaban/cari.json", views.search_json, name="search_json"),
    path("data/", opendata.index, name="opendata"),
    path("data/data.json", opendata.data_json, name="data_json"),
    path("data/catalog.jsonld", opendata.catalog_jsonld, name="catalog_jsonld"),
    path("data/jawaban.csv", opendata.answers_csv, name="answers_csv"),
    path(
        "data/statistik-<int:year>.csv", opendata.statistics_csv, name="statistics_csv"
    ),
]
