"""API routes of this app under /api/v1/ (included in apps/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from apps.registers import api

router = SimpleRouter()
router.register("information", api.InformationItemViewSet, basename="information")
router.register("exemptions", api.ExemptInformationViewSet, basename="exemption")

urlpatterns = router.urls
