"""Public verification of official documents under /verifikasi/."""

from django.urls import path

from apps.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("<str:code>/", views.verify, name="verify"),
]
