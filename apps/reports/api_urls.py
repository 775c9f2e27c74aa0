from django.urls import path

from apps.reports.api import StatisticsView

urlpatterns = [
    path("statistics/", StatisticsView.as_view(), name="statistics"),
]
