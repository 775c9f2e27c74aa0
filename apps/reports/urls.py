"""Public pages of statistics (/statistik/), the annual report (/laporan/) and the
satisfaction survey; mounted at the site root."""

from django.urls import path, re_path

from apps.reports import views

app_name = "reports"

urlpatterns = [
    path("statistik/", views.statistics, name="statistics"),
    re_path(
        r"^statistik/(?P<year>[0-9]{4})/(?P<key>[a-z0-9_]+)\.(?P<fmt>csv|json)$",
        views.series_download,
        name="series",
    ),
    path("statistik/survei/", views.survey_results, name="survey_results"),
    path("statistik/survei/<str:token>/", views.survey, name="survey"),
    path("laporan/", views.annual_list, name="annual_list"),
    path("laporan/<int:year>/", views.annual_detail, name="annual"),
    path("laporan/<int:year>/pdf/", views.annual_pdf, name="annual_pdf"),
    path("laporan/<int:year>/xlsx/", views.annual_xlsx, name="annual_xlsx"),
    path(
        "laporan/<int:year>/v<int:version>/pdf/",
        views.annual_pdf,
        name="annual_version_pdf",
    ),
    path(
        "laporan/<int:year>/v<int:version>/xlsx/",
        views.annual_xlsx,
        name="annual_version_xlsx",
    ),
]
