"""Public pages of this app (included in ppid_portal/urls.py under /informasi/)."""

from django.urls import path

from apps.registers import views

app_name = "registers"

urlpatterns = [
    path("", views.item_list, name="list"),
    path("<int:pk>/", views.item_detail, name="item_short"),
    path("<int:pk>/<slug:slug>/", views.item_detail, name="item"),
    path("dokumen/<int:pk>/unduh/", views.document_download, name="download"),
    path("dikecualikan/", views.exemption_list, name="exemptions"),
    path(
        "ekspor.<str:fmt>",
        views.register_export,
        name="export",
    ),
]
