"""GET /api/v1/statistics/?year=: the figures of the statistics page, as JSON."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.reports.statistics import FIRST_YEAR, LAST_YEAR, year_statistics


class YearQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )


class StatisticsView(APIView):
    """Service statistics of a year (the same selector as /statistik/)."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "year", int, description=str(_("Calendar year; default this year."))
            )
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        query = YearQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or timezone.localdate().year
        return Response(year_statistics(year))
