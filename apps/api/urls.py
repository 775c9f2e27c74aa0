"""/api/v1/: each app adds its routes in apps/<app>/api_urls.py (listed below)."""

from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.routers import DefaultRouter

from django.urls import include, path

from apps.api import views

app_name = "api"

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("profile/", views.BodyProfileView.as_view(), name="profile"),
    path("", include("apps.registers.api_urls")),
    path("", include("apps.info_requests.api_urls")),
    path("", include("apps.complaints.api_urls")),
    path("", include("apps.objections.api_urls")),
    path("", include("apps.reports.api_urls")),
    path("", include(router.urls)),
]
