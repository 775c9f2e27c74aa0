"""Public pages of this app (included in ppid_portal/urls.py)."""

from django.urls import path

from apps.complaints import views
from apps.complaints.notifications import TRACKING_KIND
from apps.core.status import StatusLinkView, StatusLookupView

app_name = "complaints"

urlpatterns = [
    path("ajukan/", views.submit, name="submit"),
    path("terkirim/<str:number>/", views.confirmation, name="confirmation"),
    path("terkirim/<str:number>/tanda-terima.pdf", views.receipt_pdf, name="receipt"),
    path("status/", StatusLookupView.as_view(kind=TRACKING_KIND), name="status"),
    path(
        "status/<str:token>/",
        StatusLinkView.as_view(kind=TRACKING_KIND),
        name="status_token",
    ),
    path("selesai/", views.public_list, name="public_list"),
    path("lampiran/<int:pk>/", views.attachment, name="attachment"),
]
