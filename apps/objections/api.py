"""/api/v1/objections/: public filing and status; officers' list and answers."""

from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from django.utils.translation import gettext as _

from apps.core.drf.lookup import CaseStatusView, lookup_schema
from apps.core.drf.parsers import FormParser, JSONParser, MultiPartParser
from apps.core.drf.throttles import PublicSubmitThrottle
from apps.info_requests.selectors import request_for_applicant
from apps.objections import serializers as s
from apps.objections import services
from apps.objections.selectors import (
    objection_for_applicant,
    objections_visible_to,
    public_status,
)


class IsObjectionOfficer(permissions.BasePermission):
    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated) and user.has_perm(
            "objections.view_objection"
        )


class IsAtasanPPID(permissions.BasePermission):
    message = _("Only the Atasan PPID answers objections.")

    def has_permission(self, request, view):
        return request.user.has_perm("objections.decide_objection")


class CanRecordRelease(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm("objections.release_objection")


class ObjectionViewSet(viewsets.GenericViewSet):
    """File an objection (anyone); list, read and answer objections (officers)."""

    lookup_field = "number"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filterset_fields = ["status", "outcome"]

    def get_queryset(self):
        return (
            objections_visible_to(self.request.user)
            .select_related("request", "unit")
            .order_by("-received_at", "-pk")
        )

    def get_permissions(self):
        if self.action == "create":
            return [permissions.AllowAny()]
        if self.action == "decide":
            return [IsObjectionOfficer(), IsAtasanPPID()]
        if self.action == "release":
            return [IsObjectionOfficer(), CanRecordRelease()]
        return [IsObjectionOfficer()]

    def get_throttles(self):
        if self.action == "create":
            return [PublicSubmitThrottle()]
        return []

    def get_serializer_class(self):
        return {
            "create": s.ObjectionSubmitSerializer,
            "decide": s.ObjectionDecideSerializer,
            "release": s.ObjectionReleaseSerializer,
        }.get(self.action, s.OfficerObjectionSerializer)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        number = data.pop("registration_number").strip()
        contact = data.pop("contact")
        info_request = None
        if number:
            info_request = request_for_applicant(number, contact)
            if info_request is None:
                raise ValidationError(
                    {
                        "registration_number": [
                            _("No request matches this number and contact.")
                        ]
                    }
                )
            for field in ("applicant_type", "name", "nik", "address", "phone"):
                data.pop(field, None)
            for field in ("email", "occupation", "identity_document", "unit"):
                data.pop(field, None)
        objection = services.objection_submit(info_request=info_request, **data)
        return Response(
            {
                "objection_number": objection.number,
                "status": objection.status,
                "due_date": objection.due_date,
            },
            status=status.HTTP_201_CREATED,
        )

    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, number=None):
        return Response(self.get_serializer(self.get_object()).data)

    @action(detail=True, methods=["post"])
    def decide(self, request, number=None):
        objection = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        objection = services.objection_decide(
            objection=objection, actor=request.user, **serializer.validated_data
        )
        return Response(
            s.OfficerObjectionSerializer(objection, context={"request": request}).data
        )

    @action(detail=True, methods=["post"])
    def release(self, request, number=None):
        objection = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        objection = services.objection_release_complete(
            objection=objection, actor=request.user, **serializer.validated_data
        )
        return Response(
            s.OfficerObjectionSerializer(objection, context={"request": request}).data
        )


@lookup_schema("objection", answer=s.ObjectionStatusSerializer)
class ObjectionStatusView(CaseStatusView):
    """The public status of an objection: number plus the e-mail or phone on file."""

    query = s.ObjectionStatusQuerySerializer
    number_field = "objection_number"
    not_found = _("No objection with this number and contact.")

    def find(self, number, contact):
        return objection_for_applicant(number, contact)

    def payload(self, case):
        return s.ObjectionStatusSerializer(public_status(case)).data
