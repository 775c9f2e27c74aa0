"""Objections and disputes as the services leave them, built without rendering a
PDF: the refused request comes from factories (no notice letter is drawn) and the
objection row is written directly, with its first event. Filing itself, the receipt
and the letters are tested through the services (tests/objections/test_services.py)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from apps.core.models import EventKind
from apps.core.workdays import receipt_date
from apps.core.workflow import record_transition
from apps.info_requests.models import Status as RequestStatus
from apps.info_requests.models import WrittenNotice
from apps.objections.eligibility import grounds_for
from apps.objections.models import (
    GROUND_FIELDS,
    Dispute,
    DisputeEvent,
    DisputeStage,
    Objection,
    Status,
)
from apps.objections.services import answer_due_date
from tests.factories import UnitFactory
from tests.info_requests.factories import InformationRequestFactory


def at(year, month, day, hour=9, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


class RefusedRequestFactory(InformationRequestFactory):
    """Received Mon 2 March 2026, refused citing Pasal 17 h on Fri 13 March 2026
    (what the `refused` fixture makes through the services, minus the letter PDF)."""

    class Meta:
        skip_postgeneration_save = True

    status = RequestStatus.DECIDED
    unit = factory.SubFactory(UnitFactory)
    decided_at = factory.LazyFunction(lambda: at(2026, 3, 13, 10))
    closed_at = factory.SelfAttribute("decided_at")

    @factory.post_generation
    def notice(self, create, extracted, **kwargs):
        if not create:
            return
        fields = {
            "letter_number": f"{self.registration_number}/PT",
            "control": "held",
            "decision": "refused",
            "refusal_reason": "exempt",
            "exemption_letters": ["h"],
            "issued_at": self.decided_at,
        } | kwargs
        WrittenNotice.objects.create(request=self, **fields)


def _windows(objection):
    return grounds_for(objection.request, today=receipt_date(objection.received_at))


class ObjectionFactory(DjangoModelFactory):
    """An objection received Mon 16 March 2026 10:00 on grounds a (and `grounds`)
    about a refused request: answer due Wed 6 May 2026, like file_objection's."""

    class Meta:
        model = Objection
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"KEB-2026-{n + 1:05d}")
    request = factory.SubFactory(RefusedRequestFactory)
    unit = factory.LazyAttribute(lambda o: o.request.unit if o.request else None)
    applicant_type = factory.LazyAttribute(lambda o: o.request.applicant_type)
    name = factory.LazyAttribute(lambda o: o.request.name)
    nik = factory.LazyAttribute(lambda o: o.request.nik)
    address = factory.LazyAttribute(lambda o: o.request.address)
    phone = factory.LazyAttribute(lambda o: o.request.phone)
    email = factory.LazyAttribute(lambda o: o.request.email)
    occupation = factory.LazyAttribute(lambda o: o.request.occupation)
    purpose = factory.LazyAttribute(lambda o: o.request.purpose)
    reason = "Informasi ini bukan informasi yang dikecualikan."
    received_at = factory.LazyFunction(lambda: at(2026, 3, 16, 10))
    ground_arose_on = factory.LazyAttribute(
        lambda o: min(_windows(o)[g].arose_on for g in o.grounds)
    )
    filing_window_end = factory.LazyAttribute(
        lambda o: min(_windows(o)[g].window_end for g in o.grounds)
    )
    due_date = factory.LazyAttribute(lambda o: answer_due_date(o.received_at))
    ground_a = factory.LazyAttribute(lambda o: "a" in o.grounds)
    ground_b = factory.LazyAttribute(lambda o: "b" in o.grounds)
    ground_c = factory.LazyAttribute(lambda o: "c" in o.grounds)
    ground_d = factory.LazyAttribute(lambda o: "d" in o.grounds)
    ground_e = factory.LazyAttribute(lambda o: "e" in o.grounds)
    ground_f = factory.LazyAttribute(lambda o: "f" in o.grounds)
    ground_g = factory.LazyAttribute(lambda o: "g" in o.grounds)

    class Params:
        grounds = ("a",)
        # Answered by the Atasan PPID on Wed 1 April 2026 (no letter drawn).
        affirmed = factory.Trait(
            status=Status.ANSWERED,
            outcome="affirmed",
            decision_reasons="Uji konsekuensi telah dilakukan dengan tepat.",
            answer_number=factory.LazyAttribute(lambda o: f"{o.number}/TK"),
            decided_at=factory.LazyFunction(lambda: at(2026, 4, 1, 10)),
        )
        upheld = factory.Trait(
            status=Status.RELEASE_ORDERED,
            outcome="upheld",
            release_ordered="Salinan data lengkap",
            answer_number=factory.LazyAttribute(lambda o: f"{o.number}/TK"),
            decided_at=factory.LazyFunction(lambda: at(2026, 4, 1, 10)),
        )

    @factory.post_generation
    def first_event(self, create, extracted, **kwargs):
        """The audit row objection_submit writes."""
        if create:
            record_transition(
                self,
                from_status="",
                to_status=Status.RECEIVED,
                kind=EventKind.TRANSITION,
                message="Grounds: %(grounds)s.",
                data={
                    "grounds": [g for g, f in GROUND_FIELDS.items() if getattr(self, f)]
                },
                at=self.received_at,
            )


class DisputeFactory(DjangoModelFactory):
    """Registered with the Komisi Informasi Provinsi after an affirmed objection."""

    class Meta:
        model = Dispute

    register_number = factory.Sequence(lambda n: f"{n + 1:03d}/IV/KI-Kaltim-PS/2026")
    objection = factory.SubFactory(ObjectionFactory, affirmed=True)
    request = factory.LazyAttribute(
        lambda o: o.objection.request if o.objection else None
    )
    unit = factory.LazyAttribute(lambda o: o.objection.unit if o.objection else None)
    filed_on = dt.date(2026, 4, 10)
    registered_on = dt.date(2026, 4, 14)


class DisputeEventFactory(DjangoModelFactory):
    class Meta:
        model = DisputeEvent

    dispute = factory.SubFactory(DisputeFactory)
    kind = DisputeEvent.Kind.STAGE
    stage = DisputeStage.REGISTRATION
    date = dt.date(2026, 4, 14)
