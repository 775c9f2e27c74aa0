"""Public pages of objections under /keberatan/."""

from django.urls import path

from apps.core.status import StatusLinkView, StatusLookupView
from apps.objections import views
from apps.objections.letters import TRACKING_KIND

app_name = "objections"

urlpatterns = [
    path("ajukan/", views.submit, name="submit"),
    path(
        "ajukan/permohonan/<str:token>/",
        views.submit_for_request,
        name="submit_for_request",
    ),
    path("ajukan/informasi-berkala/", views.submit_periodic, name="submit_periodic"),
    path("ajukan/terkirim/<str:token>/", views.submitted, name="submitted"),
    path("tanda-bukti/<str:token>/", views.receipt_pdf, name="receipt"),
    path("status/", StatusLookupView.as_view(kind=TRACKING_KIND), name="status"),
    path(
        "status/<str:token>/",
        StatusLinkView.as_view(kind=TRACKING_KIND),
        name="status_link",
    ),
    path("status/<str:token>/tanggapan/", views.answer_pdf, name="answer"),
]
