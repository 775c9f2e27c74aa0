"""/api/v1/: each app adds its routes in apps/<app>/api_urls.py (listed below)."""

from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework import permissions, routers

from django.urls import include, path

from apps.api import views

app_name = "api"


class PublicAPIRootView(routers.APIRootView):
    """The browsable index of /api/v1/: public, like the endpoints it lists."""

    permission_classes = [permissions.AllowAny]


class Router(routers.DefaultRouter):
    APIRootView = PublicAPIRootView


router = Router()
router.register("units", views.UnitViewSet, basename="unit")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file (no inline script).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("profile/", views.BodyProfileView.as_view(), name="profile"),
    path("", include("apps.registers.api_urls")),
    path("", include("apps.info_requests.api_urls")),
    path("", include("apps.complaints.api_urls")),
    path("", include("apps.objections.api_urls")),
    path("", include("apps.reports.api_urls")),
    path("", include(router.urls)),
]
