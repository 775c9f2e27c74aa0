import datetime as dt

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from apps.core.applicants import ApplicantType
from apps.info_requests.models import (
    AccessMethod,
    Channel,
    InformationRequest,
    Status,
)
from apps.info_requests.services import compute_due_dates

VALID_NIK = "6408011203850001"


class InformationRequestFactory(DjangoModelFactory):
    """A request as the submit service leaves it; traits set later statuses directly
    (for fixtures only: the workflow itself is tested through the services)."""

    class Meta:
        model = InformationRequest

    registration_number = factory.Sequence(lambda n: f"REQ-2026-{n + 1:05d}")
    status = Status.RECEIVED
    applicant_type = ApplicantType.INDIVIDUAL
    name = "Budi Santoso"
    nik = VALID_NIK
    address = "Jl. Yos Sudarso No. 1, Sangatta Utara"
    phone = "+6281234567890"
    email = "budi@example.com"
    occupation = "Wiraswasta"
    information_requested = "Dokumen RKA Dinas Kesehatan tahun 2026"
    purpose = "Penelitian anggaran kesehatan"
    access_method = AccessMethod.COPY
    copy_format = "softcopy"
    delivery_method = "email"
    channel = Channel.WEB
    received_at = factory.LazyFunction(
        lambda: timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0))
    )
    due_date = factory.LazyAttribute(
        lambda o: compute_due_dates(received_at=o.received_at, extended=False)[0]
    )

    class Params:
        in_process = factory.Trait(status=Status.IN_PROCESS)
        extended = factory.Trait(
            status=Status.EXTENDED,
            extended_due_date=factory.LazyAttribute(
                lambda o: compute_due_dates(received_at=o.received_at, extended=True)[1]
            ),
            extension_reason="Dokumen tersebar di beberapa bidang",
        )
