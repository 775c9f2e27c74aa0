"""Public pages of this app (included in ppid_portal/urls.py)."""

from django.urls import path

from apps.complaints import views

app_name = "complaints"

urlpatterns = [
    path("ajukan/", views.submit, name="submit"),
    path("terkirim/<str:number>/", views.confirmation, name="confirmation"),
    path("terkirim/<str:number>/tanda-terima.pdf", views.receipt_pdf, name="receipt"),
    path("status/", views.status, name="status"),
    path("status/<str:token>/", views.status_by_token, name="status_token"),
    path("selesai/", views.public_list, name="public_list"),
    path("lampiran/<int:pk>/", views.attachment, name="attachment"),
]
