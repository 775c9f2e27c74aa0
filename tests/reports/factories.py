import datetime as dt

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from apps.info_requests.models import Status, WrittenNotice
from apps.reports.models import AnnualReport, SurveyResponse
from tests.info_requests.factories import InformationRequestFactory


def at(year, month, day, hour=9):
    return timezone.make_aware(dt.datetime(year, month, day, hour, 0))


def decided_request(
    *,
    received: dt.datetime,
    decided: dt.datetime,
    decision: str,
    refusal_reason: str = "",
    letters=(),
    **kwargs,
):
    """A request with its written notice, as information_request_decide leaves it."""
    request = InformationRequestFactory(
        received_at=received, status=Status.DECIDED, decided_at=decided, **kwargs
    )
    WrittenNotice.objects.create(
        request=request,
        letter_number=f"{request.registration_number}/PT",
        control="held",
        decision=decision,
        refusal_reason=refusal_reason,
        exemption_letters=list(letters),
        issued_at=decided,
    )
    return request


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport
        django_get_or_create = ["year"]

    year = 2026
    policy = "SK Bupati Kutai Timur tentang PPID dan standar layanan informasi."
    facilities = "Meja layanan informasi di Kantor Bupati, Bukit Pelangi."
    staff = "Dua petugas layanan, satu pejabat fungsional pranata humas."
    budget = "Rp 150.000.000 dari APBD, terserap 92 persen."
    dispute_notes = "Satu keberatan diselesaikan oleh Atasan PPID."
    obstacles = "Jaringan internet di kecamatan pedalaman terbatas."
    recommendations = "Menambah petugas di Sangatta Selatan."

    class Params:
        public = factory.Trait(
            published=True, published_at=factory.LazyFunction(timezone.now)
        )


class SurveyResponseFactory(DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    request = factory.SubFactory(InformationRequestFactory, status=Status.DECIDED)
    submitted_at = factory.LazyFunction(lambda: at(2026, 4, 1))
    u1 = u2 = u3 = u4 = u5 = u6 = u7 = u8 = u9 = 4
