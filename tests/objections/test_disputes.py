"""Disputes before the Komisi Informasi: record, stages, hearings, outcome, and the
bundle for the Komisi as one PDF."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.objections import services
from apps.objections.letters import render_dispute_bundle
from apps.objections.models import DEFAULT_COMMISSION, DisputeEvent
from tests.objections.conftest import at
from tests.objections.factories import ObjectionFactory

REASONS = "Pengecualian Pasal 17 huruf h dikuatkan."


@pytest.fixture
def answered(units):
    """Affirmed on 1 April 2026, built without its letters (the bundle test files
    and answers through the services)."""
    return ObjectionFactory(
        affirmed=True, decision_reasons=REASONS, request__unit=units["dinkes"]
    )


@pytest.fixture
def answered_with_letters(refused, file_objection, atasan):
    """Filed and answered through the services: the bundle holds every letter."""
    objection = file_objection(refused, grounds=["a"])
    return services.objection_decide(
        objection=objection,
        actor=atasan,
        outcome="affirmed",
        reasons="Pengecualian Pasal 17 huruf h dikuatkan.",
        now=at(2026, 4, 1, 10),
    )


def record(objection, actor):
    return services.dispute_record(
        register_number="002/IV/KI-Kaltim-PS/2026",
        filed_on=dt.date(2026, 4, 10),
        registered_on=dt.date(2026, 4, 14),
        objection=objection,
        actor=actor,
    )


@pytest.fixture
def dispute(answered, utama):
    return record(answered, utama)


@pytest.mark.django_db
class TestDispute:
    def test_recorded_with_defaults_and_links(self, dispute, answered):
        assert dispute.commission_name == DEFAULT_COMMISSION
        assert dispute.commission_level == "provincial"
        assert dispute.request == answered.request
        assert dispute.unit == answered.unit
        assert dispute.stage == "registration"

    def test_needs_a_linked_case(self, utama):
        with pytest.raises(ValidationError):
            services.dispute_record(
                register_number="1/KI", filed_on=dt.date(2026, 4, 1), actor=utama
            )

    def test_stages_hearings_and_outcome(self, dispute, utama):
        dispute = services.dispute_advance(
            dispute=dispute, stage="mediation", on=dt.date(2026, 4, 28), actor=utama
        )
        services.dispute_add_hearing(
            dispute=dispute, on=dt.date(2026, 5, 5), actor=utama, note="Mediasi I"
        )
        dispute = services.dispute_advance(
            dispute=dispute, stage="adjudication", on=dt.date(2026, 5, 20), actor=utama
        )
        dispute = services.dispute_advance(
            dispute=dispute, stage="decision", on=dt.date(2026, 6, 10), actor=utama
        )
        services.dispute_record_outcome(
            dispute=dispute,
            outcome="rejected",
            on=dt.date(2026, 6, 10),
            actor=utama,
            summary="Permohonan ditolak.",
        )
        dispute = services.dispute_advance(
            dispute=dispute, stage="court_appeal", on=dt.date(2026, 6, 25), actor=utama
        )
        dispute.refresh_from_db()
        assert dispute.stage == "court_appeal"
        assert dispute.outcome == "rejected"
        kinds = list(dispute.events.values_list("kind", "stage"))
        assert ("hearing", "mediation") in kinds
        assert [s for k, s in kinds if k == "stage"] == [
            "registration",
            "mediation",
            "adjudication",
            "decision",
            "court_appeal",
        ]

    def test_an_outcome_only_at_its_stage(self, dispute, utama):
        with pytest.raises(ApplicationError) as error:
            services.dispute_record_outcome(
                dispute=dispute, outcome="granted", on=dt.date(2026, 4, 20), actor=utama
            )
        assert error.value.code == "outcome_not_at_this_stage"
        dispute.refresh_from_db()
        assert dispute.outcome == ""
        dispute = services.dispute_advance(
            dispute=dispute, stage="mediation", on=dt.date(2026, 4, 28), actor=utama
        )
        with pytest.raises(ApplicationError):
            services.dispute_record_outcome(
                dispute=dispute, outcome="rejected", on=dt.date(2026, 5, 5), actor=utama
            )
        services.dispute_record_outcome(
            dispute=dispute,
            outcome="mediation_agreement",
            on=dt.date(2026, 5, 5),
            actor=utama,
        )
        dispute.refresh_from_db()
        assert dispute.outcome == "mediation_agreement"
        event = StatusChange.objects.for_object(dispute).last()
        assert event.kind == "outcome"

    def test_refused_steps(self, dispute, utama):
        with pytest.raises(TransitionNotAllowed):
            services.dispute_advance(
                dispute=dispute, stage="cassation", on=dt.date(2026, 5, 1), actor=utama
            )
        with pytest.raises(ValidationError):
            services.dispute_advance(
                dispute=dispute, stage="mediation", on=dt.date(2026, 4, 1), actor=utama
            )
        final = services.dispute_advance(
            dispute=dispute, stage="final", on=dt.date(2026, 5, 1), actor=utama
        )
        from apps.core.errors import ApplicationError

        with pytest.raises(ApplicationError):
            services.dispute_add_hearing(
                dispute=final, on=dt.date(2026, 5, 2), actor=utama
            )
        assert DisputeEvent.objects.filter(kind="hearing").count() == 0

    def test_bundle_is_one_pdf_with_every_document(self, answered_with_letters, utama):
        answered = answered_with_letters
        dispute = record(answered, utama)
        content = render_dispute_bundle(dispute)
        reader = PdfReader(io.BytesIO(content))
        pages = [page.extract_text() for page in reader.pages]
        request = answered.request
        assert len(pages) >= 5
        assert dispute.register_number in pages[0]
        text = "\n".join(pages)
        # request receipt, written notice, objection receipt, answer letter
        assert request.registration_number in pages[1]
        assert request.notice.letter_number in text
        assert answered.number in text
        assert "Pengecualian Pasal 17 huruf h dikuatkan." in pages[-1]
        order = [
            next(i for i, p in enumerate(pages) if needle in p)
            for needle in [
                request.information_requested,
                request.notice.letter_number,
                answered.reason,
                "Pengecualian Pasal 17 huruf h dikuatkan.",
            ]
        ]
        assert order == sorted(order)
