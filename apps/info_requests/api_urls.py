"""API routes of this app under /api/v1/ (included in apps/api/urls.py)."""

from django.urls import path

from apps.info_requests import api_views

urlpatterns = [
    path("requests/", api_views.RequestListCreateView.as_view(), name="request-list"),
    path(
        "requests/status/",
        api_views.RequestStatusView.as_view(),
        name="request-status",
    ),
    path(
        "requests/<str:registration_number>/",
        api_views.RequestDetailView.as_view(),
        name="request-detail",
    ),
    path(
        "requests/<str:registration_number>/assign/",
        api_views.RequestAssignView.as_view(),
        name="request-assign",
    ),
    path(
        "requests/<str:registration_number>/extend/",
        api_views.RequestExtendView.as_view(),
        name="request-extend",
    ),
    path(
        "requests/<str:registration_number>/decide/",
        api_views.RequestDecideView.as_view(),
        name="request-decide",
    ),
    path(
        "requests/<str:registration_number>/letter/",
        api_views.RequestLetterView.as_view(),
        name="request-letter",
    ),
]
