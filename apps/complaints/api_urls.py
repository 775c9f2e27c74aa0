"""API routes of this app under /api/v1/ (included in apps/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from django.urls import path

from apps.complaints import api

router = SimpleRouter()
router.register("complaints", api.ComplaintViewSet, basename="complaint")

urlpatterns = [
    path(
        "complaints/status/",
        api.ComplaintStatusView.as_view(),
        name="complaint-status",
    ),
    *router.urls,
]
