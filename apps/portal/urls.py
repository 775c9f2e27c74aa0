from django.urls import path

from apps.portal import display, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("unit/<slug:slug>/", views.unit_detail, name="unit"),
    path("tampilan/", display.display_settings, name="display"),
]
