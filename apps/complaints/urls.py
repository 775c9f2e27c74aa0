"""Public pages of this app (included in ppid_portal/urls.py)."""

app_name = "complaints"

urlpatterns = []
