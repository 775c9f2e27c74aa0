"""API routes of this app under /api/v1/ (included in apps/api/urls.py)."""

urlpatterns = []
