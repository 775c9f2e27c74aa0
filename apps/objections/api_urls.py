"""API routes of this app under /api/v1/ (included in apps/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from django.urls import path

from apps.objections import api

router = SimpleRouter()
router.register("objections", api.ObjectionViewSet, basename="objection")

urlpatterns = [
    path(
        "objections/status/",
        api.ObjectionStatusView.as_view(),
        name="objection-status",
    ),
    *router.urls,
]
