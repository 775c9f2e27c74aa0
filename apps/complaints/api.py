"""/api/v1/complaints/: public submission and status; officers' workflow steps."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from django.utils.translation import gettext as _

from apps.complaints import serializers as s
from apps.complaints import services
from apps.complaints.permissions import can_take_step
from apps.complaints.selectors import complaints_visible_to, find_for_status
from apps.core.client import bound_submission_key
from apps.core.drf.lookup import CaseStatusView, lookup_schema
from apps.core.drf.parsers import FormParser, JSONParser, MultiPartParser
from apps.core.drf.throttles import PublicSubmitThrottle


class IsComplaintOfficer(permissions.BasePermission):
    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated) and user.has_perm(
            "complaints.view_complaint"
        )


class ComplaintViewSet(viewsets.GenericViewSet):
    """Submit a complaint (anyone); list, read and handle complaints (officers)."""

    lookup_field = "number"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filterset_fields = ["status", "classification", "channel", "is_confidential"]

    def get_queryset(self):
        return (
            complaints_visible_to(self.request.user)
            .select_related("unit")
            .order_by("-received_at", "-pk")
        )

    def get_permissions(self):
        if self.action == "create":
            return [permissions.AllowAny()]
        return [IsComplaintOfficer()]

    def get_throttles(self):
        if self.action == "create":
            return [PublicSubmitThrottle()]
        return []

    def get_serializer_class(self):
        return {
            "create": s.ComplaintSubmitSerializer,
            "reject": s.RejectSerializer,
            "forward": s.ForwardSerializer,
            "verify": s.NoteSerializer,
            "follow_up": s.FollowUpSerializer,
            "resolve": s.ResolveSerializer,
            "reopen": s.ReopenSerializer,
            "lapor": s.LaporSerializer,
        }.get(self.action, s.OfficerComplaintSerializer)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                description="Send the same key again and no second complaint is made.",
            )
        ]
    )
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        user = request.user
        officer = user.is_authenticated and user.has_perm("complaints.add_complaint")
        key = request.headers.get("Idempotency-Key", "").strip()[:64]
        result = services.complaint_submit(
            **data,
            actor=user if officer else None,
            # Bound to this client: another client's same key is a new complaint.
            submission_key=f"api:{bound_submission_key(request, key)}" if key else None,
        )
        complaint = result.complaint
        body = {"tracking_number": complaint.number, "status": complaint.status}
        if result.secret_code:
            body["secret_code"] = result.secret_code
        if not result.created:
            body["duplicate"] = True
        return Response(
            body,
            status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
        )

    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, number=None):
        return Response(self.get_serializer(self.get_object()).data)

    def _step(self, request, step, service, **mapping):
        complaint = self.get_object()
        if not can_take_step(request.user, step, complaint):
            return Response(
                {"detail": _("You may not take this step on this complaint.")},
                status=status.HTTP_403_FORBIDDEN,
            )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = {mapping.get(k, k): v for k, v in serializer.validated_data.items()}
        complaint = service(complaint=complaint, actor=request.user, **kwargs)
        return Response(
            s.OfficerComplaintSerializer(complaint, context={"request": request}).data
        )

    @action(detail=True, methods=["post"])
    def verify(self, request, number=None):
        return self._step(request, "verify", services.complaint_verify)

    @action(detail=True, methods=["post"])
    def reject(self, request, number=None):
        return self._step(request, "reject", services.complaint_reject)

    @action(detail=True, methods=["post"])
    def forward(self, request, number=None):
        return self._step(request, "forward", services.complaint_forward)

    @action(detail=True, methods=["post"], url_path="follow-up")
    def follow_up(self, request, number=None):
        return self._step(request, "follow_up", services.complaint_follow_up)

    @action(detail=True, methods=["post"])
    def resolve(self, request, number=None):
        return self._step(request, "resolve", services.complaint_resolve)

    @action(detail=True, methods=["post"])
    def reopen(self, request, number=None):
        return self._step(request, "reopen", services.complaint_reopen)

    @action(detail=True, methods=["post"])
    def lapor(self, request, number=None):
        return self._step(request, "lapor", services.complaint_record_lapor, url="url")


@lookup_schema("complaint", answer=s.ComplaintStatusSerializer)
class ComplaintStatusView(CaseStatusView):
    """The public status of a complaint: number plus e-mail, phone or secret code."""

    query = s.ComplaintStatusQuerySerializer
    number_field = "tracking_number"
    not_found = _("No complaint with this number and contact.")

    def find(self, number, contact):
        return find_for_status(number, contact)

    def payload(self, case):
        return s.ComplaintStatusSerializer(case).data
