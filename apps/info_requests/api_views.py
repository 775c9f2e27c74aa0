"""REST API of requests (/api/v1/requests/): parse, check permission, call a service.

Anonymous callers may submit and look up a status (both throttled per IP with
PUBLIC_FORM_RATE); officers authenticate with a token and act within their units.
"""

import uuid

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.accounts.personal_data import may_see
from apps.accounts.roles import can_act_on_unit, scope_to_user
from apps.core.client import bound_submission_uuid
from apps.core.drf.lookup import CaseStatusView
from apps.core.drf.throttles import PublicSubmitThrottle
from apps.core.files import private_file_response
from apps.core.tracking import make_status_token
from apps.info_requests import serializers as s
from apps.info_requests.letters import TRACKING_KIND, status_url
from apps.info_requests.models import Channel, InformationRequest, Status
from apps.info_requests.selectors import public_status, request_for_applicant
from apps.info_requests.services import (
    information_request_assign,
    information_request_decide,
    information_request_extend,
    information_request_submit,
)

PERM_ADD = "info_requests.add_informationrequest"
PERM_VIEW = "info_requests.view_informationrequest"
PERM_DECIDE = "info_requests.decide_informationrequest"
PERM_ROUTE = "info_requests.route_informationrequest"
PERM_NOTICE = "info_requests.view_writtennotice"

NOT_FOUND = _(
    "No request matches this number and contact. Check both against your receipt."
)

NUMBER_PARAMETER = OpenApiParameter(
    "registration_number",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Registration number, e.g. PPID-KUTIM-2026-00012.",
)
ERROR_400 = OpenApiResponse(
    description="Bad input: {field: [messages]}, or {detail, code} for a step the "
    "workflow does not allow."
)
ERROR_403 = OpenApiResponse(
    description="No permission, or the request is outside your units."
)
ERROR_404 = OpenApiResponse(description="No request has this number.")


class RequestSubmitThrottle(PublicSubmitThrottle):
    """PublicSubmitThrottle reading PUBLIC_FORM_RATE when it runs (tests change it)."""

    def get_rate(self):
        return settings.PUBLIC_FORM_RATE


def _officer_case(request, number: str, permission: str) -> InformationRequest:
    """The request an officer acts on: 403 without `permission` or outside their
    units, 404 for an unknown number."""
    if not request.user.has_perm(permission):
        raise PermissionDenied(_("You may not do this with requests."))
    case = (
        InformationRequest.objects.select_related("unit")
        .filter(registration_number=number.strip().upper())
        .first()
    )
    if case is None:
        raise NotFound(_("No request has this registration number."))
    if not can_act_on_unit(request.user, case.unit_id):
        raise PermissionDenied(_("This request is outside your units."))
    return case


def _submitted_payload(created: InformationRequest) -> dict:
    token = make_status_token(TRACKING_KIND, created.registration_number)
    return s.SubmittedSerializer(
        {
            "registration_number": created.registration_number,
            "status": created.status,
            "get_status_display": created.get_status_display(),
            "channel": created.channel,
            "received_at": created.received_at,
            "due_date": created.due_date,
            "status_url": status_url(created),
            "receipt_url": settings.SITE_URL
            + reverse("info_requests:receipt", args=[token]),
        }
    ).data


def _idempotency_key(request) -> uuid.UUID | None:
    raw = request.headers.get("Idempotency-Key", "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ValidationError(
            {"Idempotency-Key": [_("The Idempotency-Key header must be a UUID.")]}
        ) from None


class RequestFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    unit = django_filters.ModelChoiceFilter(
        queryset=Unit.objects.all(), to_field_name="slug", field_name="unit"
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label="overdue (open and past the due date)"
    )

    class Meta:
        model = InformationRequest
        fields = ["status", "channel", "unit", "overdue"]

    def filter_overdue(self, queryset, name, value):
        late = InformationRequest.objects.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


SUBMIT_EXAMPLE = OpenApiExample(
    "Individual asking for a copy by e-mail",
    request_only=True,
    value={
        "applicant_type": "individual",
        "name": "Budi Santoso",
        "nik": "6408011203850001",
        "address": "Jl. Yos Sudarso No. 1, Sangatta Utara",
        "phone": "0812 3456 7890",
        "email": "budi@example.com",
        "occupation": "Wiraswasta",
        "information_requested": "RKA Dinas Kesehatan 2026",
        "purpose": "Penelitian anggaran kesehatan",
        "access_method": "copy",
        "copy_format": "softcopy",
        "delivery_method": "email",
        "unit": "dinkes",
    },
)
SUBMITTED_EXAMPLE = OpenApiExample(
    "Registered",
    response_only=True,
    status_codes=["201"],
    value={
        "registration_number": "PPID-KUTIM-2026-00012",
        "status": "received",
        "status_display": "Received",
        "channel": "web",
        "received_at": "2026-03-02T09:00:00+08:00",
        "due_date": "2026-03-16",
        "status_url": "https://ppid.example.go.id/permohonan/status/…/",
        "receipt_url": "https://ppid.example.go.id/permohonan/tanda-bukti/…/",
    },
)


class RequestListCreateView(generics.GenericAPIView):
    """POST: submit a request (anyone). GET: the officer's work list."""

    serializer_class = s.RequestListSerializer
    filterset_class = RequestFilter

    def get_permissions(self):
        if self.request.method == "GET":
            return [IsAuthenticated()]
        return [AllowAny()]

    def get_throttles(self):
        if self.request.method == "POST":
            return [RequestSubmitThrottle()]
        return []

    def get_queryset(self):
        queryset = InformationRequest.objects.select_related("unit").order_by(
            "-received_at", "-pk"
        )
        return scope_to_user(queryset, self.request.user)

    @extend_schema(
        summary="Officer work list",
        description="Requests of the officer's units (all units for the PPID "
        "Utama), newest first. Needs view_informationrequest. No personal data.",
        responses={200: s.RequestListSerializer(many=True), 403: ERROR_403},
    )
    def get(self, request):
        if not request.user.has_perm(PERM_VIEW):
            raise PermissionDenied(_("You may not see requests."))
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        context = {**self.get_serializer_context(), "today": timezone.localdate()}
        data = s.RequestListSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Submit an information request",
        description="Anyone may submit (anonymous callers are throttled per IP). "
        "Officers with add_informationrequest may also send `channel` and "
        "`received_at` when they record a walk-in, letter, phone or social-media "
        "request. Send an `Idempotency-Key` header (UUID) to make a resent POST "
        "return the request it created instead of a second one.",
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                OpenApiTypes.UUID,
                OpenApiParameter.HEADER,
                required=False,
                description="A UUID chosen by the client, the same on every resend.",
            )
        ],
        request={
            "application/json": s.RequestSubmitSerializer,
            "multipart/form-data": s.RequestSubmitSerializer,
        },
        responses={
            201: s.SubmittedSerializer,
            400: ERROR_400,
            429: OpenApiResponse(description="Too many submissions from this IP."),
        },
        examples=[SUBMIT_EXAMPLE, SUBMITTED_EXAMPLE],
    )
    def post(self, request):
        user = request.user
        may_record = user.is_authenticated and user.has_perm(PERM_ADD)
        key = _idempotency_key(request)
        if key:
            # Bound to this client: another client's same key is a new request.
            key = bound_submission_uuid(request, key)
            existing = InformationRequest.objects.filter(submission_key=key).first()
            if existing:
                return Response(_submitted_payload(existing), status=201)
        serializer = s.RequestSubmitSerializer(data=request.data, may_record=may_record)
        serializer.is_valid(raise_exception=True)
        created = information_request_submit(
            **serializer.validated_data,
            recorded_by=user if may_record else None,
            submission_key=key,
        )
        return Response(_submitted_payload(created), status=status.HTTP_201_CREATED)


STATUS_PARAMETERS = [
    OpenApiParameter("registration_number", OpenApiTypes.STR, required=True),
    OpenApiParameter(
        "contact",
        OpenApiTypes.STR,
        required=True,
        description="The e-mail or phone number given with the request.",
    ),
]


class RequestStatusView(CaseStatusView):
    """The public status of a request: needs its number and the contact on file."""

    query = s.StatusQuerySerializer
    not_found = NOT_FOUND

    def find(self, number, contact):
        return request_for_applicant(number, contact)

    def payload(self, case):
        return s.PublicStatusSerializer(public_status(case)).data

    @extend_schema(
        summary="Public status of a request (deprecated: use POST)",
        description="Status, dates, outcome and timeline; never personal data. A "
        "wrong number and a wrong contact give the same 404. The contact in the "
        "query string ends up in logs: POST it instead.",
        parameters=STATUS_PARAMETERS,
        deprecated=True,
        responses={
            200: s.PublicStatusSerializer,
            400: ERROR_400,
            404: OpenApiResponse(description="No request matches number and contact."),
            429: OpenApiResponse(description="Too many lookups from this IP."),
        },
    )
    def get(self, request):
        return super().get(request)

    @extend_schema(
        summary="Public status of a request (contact kept out of the URL)",
        request=s.StatusQuerySerializer,
        responses={
            200: s.PublicStatusSerializer,
            400: ERROR_400,
            404: OpenApiResponse(description="No request matches number and contact."),
            429: OpenApiResponse(description="Too many lookups from this IP."),
        },
    )
    def post(self, request):
        return super().post(request)


class RequestDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="One request (officer)",
        description="Needs view_informationrequest and the request in your units. "
        "`applicant` (personal data) is filled only with "
        "view_identity_informationrequest.",
        parameters=[NUMBER_PARAMETER],
        responses={200: s.RequestDetailSerializer, 403: ERROR_403, 404: ERROR_404},
    )
    def get(self, request, registration_number):
        case = _officer_case(request, registration_number, PERM_VIEW)
        context = {
            "request": request,
            "today": timezone.localdate(),
            "show_personal_data": may_see(request.user, case),
        }
        return Response(s.RequestDetailSerializer(case, context=context).data)


class RequestExtendView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Extend the period once by 7 working days",
        description="Needs decide_informationrequest and the request in your units. "
        "Refused (400) when already extended, past the due date, not in process, "
        "or without a reason.",
        parameters=[NUMBER_PARAMETER],
        request=s.ExtendSerializer,
        responses={
            200: s.ExtendedSerializer,
            400: ERROR_400,
            403: ERROR_403,
            404: ERROR_404,
        },
        examples=[
            OpenApiExample(
                "Reason",
                request_only=True,
                value={"reason": "The documents are kept by three divisions."},
            )
        ],
    )
    def post(self, request, registration_number):
        case = _officer_case(request, registration_number, PERM_DECIDE)
        body = s.ExtendSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        extended = information_request_extend(
            info_request=case, actor=request.user, reason=body.validated_data["reason"]
        )
        return Response(s.ExtendedSerializer(extended).data)


class RequestDecideView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Issue the written notice (pemberitahuan tertulis)",
        description="Needs decide_informationrequest and the request in your units. "
        "Records the notice, closes the request, makes the letter (PDF) and "
        "e-mails the applicant. `letter_url` downloads the letter with your token.",
        parameters=[NUMBER_PARAMETER],
        request=s.DecideSerializer,
        responses={
            201: s.NoticeSerializer,
            400: ERROR_400,
            403: ERROR_403,
            404: ERROR_404,
        },
        examples=[
            OpenApiExample(
                "Granted in part",
                request_only=True,
                value={
                    "control": "held",
                    "decision": "granted_in_part",
                    "information_given": "RKA 2026, chapters 1-3",
                    "form_given": "softcopy",
                    "delivery_method": "email",
                    "cost": 0,
                    "redactions": "Staff home addresses blacked out (Pasal 17 h).",
                },
            ),
            OpenApiExample(
                "Refused as exempt",
                request_only=True,
                value={
                    "control": "held",
                    "decision": "refused",
                    "refusal_reason": "exempt",
                    "exemption_letters": ["b"],
                    "exemption_reference": "DIK No. 3/2026",
                },
            ),
        ],
    )
    def post(self, request, registration_number):
        case = _officer_case(request, registration_number, PERM_DECIDE)
        body = s.DecideSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        notice = information_request_decide(
            info_request=case, actor=request.user, **body.validated_data
        )
        data = s.NoticeSerializer(notice, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)


class RequestAssignView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Route a request to a unit (PPID Utama)",
        description="Needs route_informationrequest. Puts the request in process at "
        "the unit, or moves it to another unit.",
        parameters=[NUMBER_PARAMETER],
        request=s.AssignSerializer,
        responses={
            200: s.RequestListSerializer,
            400: ERROR_400,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def post(self, request, registration_number):
        case = _officer_case(request, registration_number, PERM_ROUTE)
        body = s.AssignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assigned = information_request_assign(
            info_request=case, actor=request.user, **body.validated_data
        )
        context = {"request": request, "today": timezone.localdate()}
        return Response(s.RequestListSerializer(assigned, context=context).data)


class RequestLetterView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The written notice letter (PDF)",
        parameters=[NUMBER_PARAMETER],
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def get(self, request, registration_number):
        case = _officer_case(request, registration_number, PERM_NOTICE)
        if not may_see(request.user, case):
            # The letter is addressed to the applicant (apps.accounts.personal_data).
            raise PermissionDenied
        notice = getattr(case, "notice", None)
        if notice is None or not notice.letter:
            raise NotFound(_("This request has no written notice yet."))
        return private_file_response(
            notice.letter,
            filename=f"pemberitahuan-tertulis-{case.registration_number}.pdf",
            as_attachment=True,
        )
