import datetime as dt

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from apps.complaints.models import Complaint, Status


class ComplaintFactory(DjangoModelFactory):
    """A complaint row as a given status leaves it (no audit trail: use services
    for workflow tests)."""

    class Meta:
        model = Complaint

    number = factory.Sequence(lambda n: f"CMP-2026-{n + 1:05d}")
    title = "Jalan berlubang di depan sekolah"
    description = "Lubang besar di Jl. Yos Sudarso membahayakan murid."
    reporter_name = "Budi Santoso"
    reporter_nik = "6408011201900003"
    reporter_phone = "+6281254001234"
    reporter_email = "budi.santoso@example.com"
    received_at = factory.LazyFunction(
        lambda: timezone.make_aware(dt.datetime(2026, 3, 16, 10, 0))
    )
    verification_due = dt.date(2026, 3, 26)
    due_date = dt.date(2026, 3, 26)

    class Params:
        anonymous = factory.Trait(
            is_anonymous=True,
            reporter_name="",
            reporter_nik="",
            reporter_phone="",
            reporter_email="",
        )
        confidential = factory.Trait(is_confidential=True)
        verified = factory.Trait(
            status=Status.VERIFIED,
            verified_at=factory.LazyFunction(timezone.now),
        )
        forwarded = factory.Trait(
            status=Status.FORWARDED,
            forwarded_at=factory.LazyFunction(timezone.now),
            follow_up_due=dt.date(2026, 3, 31),
            due_date=dt.date(2026, 3, 31),
        )
        followed_up = factory.Trait(
            status=Status.FOLLOWED_UP,
            follow_up="Lubang sudah ditambal.",
            due_date=None,
        )
        resolved = factory.Trait(
            status=Status.RESOLVED,
            follow_up="Lubang sudah ditambal.",
            resolved_at=factory.LazyFunction(timezone.now),
            due_date=None,
        )
