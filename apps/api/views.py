from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.models import Unit
from apps.api.serializers import BodyProfileSerializer, UnitSerializer
from apps.core.models import BodyProfile


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """The public body and its units (OPD, kecamatan, kelurahan)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = UnitSerializer
    lookup_field = "slug"
    filterset_fields = ["kind"]
    queryset = Unit.objects.active().select_related("parent")


class BodyProfileView(APIView):
    """The profile of the public body running the portal."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=BodyProfileSerializer)
    def get(self, request):
        return Response(BodyProfileSerializer(BodyProfile.load()).data)
