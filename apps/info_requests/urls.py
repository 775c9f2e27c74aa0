"""Public pages of requests under /permohonan/."""

from django.urls import path

from apps.core.status import StatusLinkView, StatusLookupView
from apps.info_requests import views
from apps.info_requests.letters import TRACKING_KIND

app_name = "info_requests"

urlpatterns = [
    path("ajukan/", views.submit, name="submit"),
    path("ajukan/terkirim/<str:token>/", views.submitted, name="submitted"),
    path("tanda-bukti/<str:token>/", views.receipt_pdf, name="receipt"),
    path("status/", StatusLookupView.as_view(kind=TRACKING_KIND), name="status"),
    path(
        "status/<str:token>/",
        StatusLinkView.as_view(kind=TRACKING_KIND),
        name="status_link",
    ),
    path("status/<str:token>/pemberitahuan/", views.notice_pdf, name="notice"),
    path("dokumen/<str:signed>/", views.document, name="document"),
    path("berkas/<int:pk>/<str:which>/", views.identity_file, name="identity_file"),
]
