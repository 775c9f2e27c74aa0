import datetime as dt

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from apps.registers.models import (
    Announcement,
    Category,
    Document,
    ExemptInformation,
    InformationItem,
)
from tests.factories import UnitFactory


class InformationItemFactory(DjangoModelFactory):
    class Meta:
        model = InformationItem

    category = Category.SETIAP_SAAT
    title = factory.Sequence(lambda n: f"Informasi publik nomor {n}")
    summary = "Ringkasan isi informasi."
    unit = factory.SubFactory(UnitFactory)
    responsible_official = "Kepala Dinas"
    production_time_place = "2025, Sangatta"
    retention_period = "5 tahun"
    year = 2025

    class Params:
        published = factory.Trait(
            status=InformationItem.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
        )
        withdrawn = factory.Trait(
            status=InformationItem.Status.WITHDRAWN,
            published_at=factory.LazyFunction(timezone.now),
            withdrawn_at=factory.LazyFunction(timezone.now),
            withdrawal_reason="Salah unggah",
        )
        berkala = factory.Trait(
            category=Category.BERKALA,
            update_cycle="semiannual",
            last_refreshed_on=dt.date(2025, 1, 1),
            refresh_due=dt.date(2025, 7, 1),
        )


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    item = factory.SubFactory(InformationItemFactory)
    title = "Dokumen"
    external_url = "https://example.go.id/dokumen.pdf"


class ExemptInformationFactory(DjangoModelFactory):
    class Meta:
        model = ExemptInformation

    title = factory.Sequence(lambda n: f"Informasi dikecualikan {n}")
    unit = factory.SubFactory(UnitFactory)
    pasal17_letters = "h"
    consequence_if_opened = "Rahasia pribadi terungkap."
    interest_if_closed = "Privasi warga."
    period_kind = ExemptInformation.PeriodKind.INDEFINITE
    test_stage = ExemptInformation.TestStage.BEFORE_REQUEST
    tested_on = dt.date(2024, 11, 20)
    decision_number = "188.45/K.121/2024"
    decision_date = dt.date(2024, 12, 2)


class AnnouncementFactory(DjangoModelFactory):
    class Meta:
        model = Announcement

    item = factory.SubFactory(
        InformationItemFactory, category=Category.SERTA_MERTA, published=True
    )
    message = "Siaga banjir"
    severity = Announcement.Severity.DANGER
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=1))
