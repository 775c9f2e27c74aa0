import datetime as dt
import hashlib

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.registers import services
from apps.registers.models import ExemptInformation, InformationItem
from tests.registers.factories import ExemptInformationFactory, InformationItemFactory

pytestmark = pytest.mark.django_db


def item_data(unit, **extra):
    return {
        "category": "setiap_saat",
        "title": "SOP Pelayanan Puskesmas",
        "summary": "Standar operasional prosedur",
        "unit": unit,
        "year": 2025,
        **extra,
    }


class TestItemWorkflow:
    def test_create_is_draft_with_history_user(self, units, pelaksana_dinkes):
        item = services.information_item_create(
            actor=pelaksana_dinkes, data=item_data(units["dinkes"])
        )
        assert item.status == InformationItem.Status.DRAFT
        assert item.history.get().history_user == pelaksana_dinkes

    def test_berkala_gets_a_refresh_date_from_its_cycle(self, units, utama):
        item = services.information_item_create(
            actor=utama,
            data=item_data(
                units["dinkes"], category="berkala", update_cycle="quarterly"
            ),
            today=dt.date(2025, 1, 31),
        )
        assert item.refresh_due == dt.date(2025, 4, 30)
        refreshed = services.information_item_mark_refreshed(
            actor=utama, item=item, today=dt.date(2025, 5, 1)
        )
        assert refreshed.refresh_due == dt.date(2025, 8, 1)

    def test_pelaksana_cannot_create_for_another_unit(self, units, pelaksana_dinkes):
        with pytest.raises(ApplicationError):
            services.information_item_create(
                actor=pelaksana_dinkes, data=item_data(units["bpbd"])
            )
        assert not InformationItem.objects.exists()

    def test_pelaksana_may_act_on_child_unit(self, units, pelaksana_dinkes):
        item = services.information_item_create(
            actor=pelaksana_dinkes, data=item_data(units["rsud"])
        )
        assert item.unit == units["rsud"]

    def test_pelaksana_cannot_update_or_move_items(self, units, pelaksana_dinkes):
        other = InformationItemFactory(unit=units["bpbd"])
        with pytest.raises(ApplicationError):
            services.information_item_update(
                actor=pelaksana_dinkes, item=other, data={"title": "Diubah"}
            )
        own = InformationItemFactory(unit=units["dinkes"])
        with pytest.raises(ApplicationError):
            services.information_item_update(
                actor=pelaksana_dinkes, item=own, data={"unit": units["bpbd"]}
            )
        own.refresh_from_db()
        other.refresh_from_db()
        assert own.unit == units["dinkes"]
        assert other.title != "Diubah"

    def test_publish_needs_ppid_utama(self, units, pelaksana_dinkes, utama):
        item = InformationItemFactory(unit=units["dinkes"])
        with pytest.raises(ApplicationError, match="PPID Utama"):
            services.information_item_publish(actor=pelaksana_dinkes, item=item)
        now = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)
        published = services.information_item_publish(actor=utama, item=item, now=now)
        assert published.status == "published"
        assert published.published_by == utama
        assert published.published_at == now
        change = StatusChange.objects.for_object(item).get()
        assert (change.from_status, change.to_status) == ("draft", "published")

    def test_setting_allows_pelaksana_to_publish(
        self, settings, units, pelaksana_dinkes
    ):
        settings.REGISTERS_PELAKSANA_MAY_PUBLISH = True
        item = InformationItemFactory(unit=units["dinkes"])
        services.information_item_publish(actor=pelaksana_dinkes, item=item)
        other = InformationItemFactory(unit=units["bpbd"])
        with pytest.raises(ApplicationError):
            services.information_item_publish(actor=pelaksana_dinkes, item=other)

    def test_withdraw_then_draft_then_publish(self, units, utama):
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        with pytest.raises(ApplicationError):
            services.information_item_withdraw(actor=utama, item=item, reason=" ")
        item = services.information_item_withdraw(
            actor=utama, item=item, reason="Data keliru"
        )
        assert (item.status, item.withdrawn_by, item.withdrawal_reason) == (
            "withdrawn",
            utama,
            "Data keliru",
        )
        item = services.information_item_return_to_draft(actor=utama, item=item)
        assert item.status == "draft"
        item = services.information_item_publish(actor=utama, item=item)
        assert item.status == "published"
        assert item.withdrawn_at is None
        statuses = list(
            StatusChange.objects.for_object(item).values_list("to_status", flat=True)
        )
        assert statuses == ["withdrawn", "draft", "published"]
        assert item.history.count() == 4

    @pytest.mark.parametrize(
        ("status", "service"),
        [
            ("published", "information_item_publish"),
            ("draft", "information_item_withdraw"),
            ("draft", "information_item_return_to_draft"),
            ("published", "information_item_return_to_draft"),
        ],
    )
    def test_refused_transitions(self, units, utama, status, service):
        item = InformationItemFactory(
            unit=units["dinkes"], published=status == "published"
        )
        kwargs = {"reason": "x"} if service.endswith("withdraw") else {}
        with pytest.raises(TransitionNotAllowed):
            getattr(services, service)(actor=utama, item=item, **kwargs)


class TestDocuments:
    def test_pdf_upload_is_measured_and_indexed(self, units, utama, sample_pdf):
        item = InformationItemFactory(unit=units["dinkes"])
        upload = SimpleUploadedFile("laporan.pdf", sample_pdf, "application/pdf")
        document = services.document_add(
            actor=utama, item=item, title="Laporan", upload=upload
        )
        assert document.content_type == "application/pdf"
        assert document.size == len(sample_pdf)
        assert document.sha256 == hashlib.sha256(sample_pdf).hexdigest()
        assert document.page_count == 1
        assert document.original_filename == "laporan.pdf"
        assert "Dokumen contoh PPID" in document.extracted_text
        item.refresh_from_db()
        assert "Dokumen contoh PPID" in item.document_text
        # Stored privately, under a random name.
        assert "laporan" not in document.file.name
        with pytest.raises(ValueError, match="no URL"):
            document.file.url  # noqa: B018

    def test_docx_and_xlsx_text_extracted(
        self, units, utama, docx_bytes, xlsx_bytes_sample
    ):
        item = InformationItemFactory(unit=units["dinkes"])
        docx_doc = services.document_add(
            actor=utama,
            item=item,
            title="Renja",
            upload=SimpleUploadedFile("renja.docx", docx_bytes),
        )
        xlsx_doc = services.document_add(
            actor=utama,
            item=item,
            title="Data",
            upload=SimpleUploadedFile("data.xlsx", xlsx_bytes_sample),
        )
        assert "Puskesmas Sangatta" in docx_doc.extracted_text
        assert "Bengalon 31245" in xlsx_doc.extracted_text
        item.refresh_from_db()
        assert "Bengalon" in item.document_text
        assert "Puskesmas" in item.document_text
        services.document_remove(actor=utama, document=xlsx_doc)
        item.refresh_from_db()
        assert "Bengalon" not in item.document_text

    def test_bad_type_and_size_refused(self, settings, units, utama, sample_pdf):
        item = InformationItemFactory(unit=units["dinkes"])
        fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf" * 10)
        with pytest.raises(ValidationError) as error:
            services.document_add(actor=utama, item=item, title="x", upload=fake)
        assert error.value.code == "file_type"
        settings.REGISTERS_MAX_DOCUMENT_MB = 1
        big = SimpleUploadedFile("big.pdf", sample_pdf + b"\n%" * 600_000)
        with pytest.raises(ValidationError) as error:
            services.document_add(actor=utama, item=item, title="x", upload=big)
        assert error.value.code == "file_too_large"
        assert not item.documents.exists()

    def test_link_or_file_and_unit_boundary(self, units, pelaksana_dinkes, sample_pdf):
        item = InformationItemFactory(unit=units["bpbd"])
        with pytest.raises(ApplicationError):
            services.document_add(
                actor=pelaksana_dinkes,
                item=item,
                title="Link",
                external_url="https://jdih.kutaitimurkab.go.id/perda.pdf",
            )
        own = InformationItemFactory(unit=units["dinkes"])
        with pytest.raises(ValidationError):
            services.document_add(actor=pelaksana_dinkes, item=own, title="Kosong")
        link = services.document_add(
            actor=pelaksana_dinkes,
            item=own,
            title="Link",
            external_url="https://jdih.kutaitimurkab.go.id/perda.pdf",
        )
        assert link.is_link


class TestExemptions:
    def data(self, unit, **extra):
        return {
            "title": "Rekam medis pasien",
            "unit": unit,
            "pasal17_letters": "h",
            "consequence_if_opened": "Rahasia kesehatan terungkap",
            "interest_if_closed": "Privasi pasien",
            "period_kind": "indefinite",
            "test_stage": "before_request",
            "tested_on": dt.date(2024, 11, 20),
            "decision_number": "188/1/2024",
            "decision_date": dt.date(2024, 12, 1),
            **extra,
        }

    def test_save_with_minutes_and_boundary(self, units, pelaksana_dinkes, sample_pdf):
        entry = services.exemption_save(
            actor=pelaksana_dinkes,
            data=self.data(units["dinkes"]),
            minutes=SimpleUploadedFile("ba.pdf", sample_pdf),
        )
        assert entry.minutes_file
        assert entry.minutes_filename == "ba.pdf"
        with pytest.raises(ApplicationError):
            services.exemption_save(
                actor=pelaksana_dinkes, data=self.data(units["bpbd"])
            )

    def test_review_and_lift(self, units, utama):
        entry = ExemptInformationFactory(
            unit=units["dinkes"],
            period_kind="until_date",
            period_until=dt.date(2024, 1, 1),
        )
        with pytest.raises(ApplicationError):
            services.exemption_mark_reviewed(
                actor=utama,
                exemption=entry,
                until=dt.date(2024, 6, 1),
                today=dt.date(2025, 1, 1),
            )
        entry = services.exemption_mark_reviewed(
            actor=utama,
            exemption=entry,
            until=dt.date(2027, 1, 1),
            today=dt.date(2025, 1, 1),
        )
        assert entry.reviewed_on == dt.date(2025, 1, 1)
        assert not entry.needs_review(dt.date(2025, 1, 2))
        entry = services.exemption_lift(actor=utama, exemption=entry)
        assert entry.status == ExemptInformation.Status.LIFTED
        with pytest.raises(ApplicationError):
            services.exemption_lift(actor=utama, exemption=entry)


def test_lifting_an_exemption_validates_it_and_leaves_an_audit_row(units, utama):
    entry = ExemptInformationFactory(unit=units["dinkes"])
    # An entry the database holds but the model refuses: its item is another unit's.
    elsewhere = InformationItemFactory(unit=units["bpbd"])
    ExemptInformation.objects.filter(pk=entry.pk).update(item=elsewhere)
    with pytest.raises(ValidationError) as error:
        services.exemption_lift(actor=utama, exemption=entry)
    assert "item" in error.value.message_dict
    entry.refresh_from_db()
    assert entry.status == ExemptInformation.Status.ACTIVE
    assert not StatusChange.objects.for_object(entry).exists()
    ExemptInformation.objects.filter(pk=entry.pk).update(item=None)
    lifted = services.exemption_lift(actor=utama, exemption=entry)
    assert lifted.lifted_at is not None
    (row,) = StatusChange.objects.for_object(entry)
    assert (row.from_status, row.to_status, row.actor) == ("active", "lifted", utama)


def test_announcement_only_for_serta_merta(units, utama):
    item = InformationItemFactory(unit=units["bpbd"], published=True)
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(ValidationError) as error:
        services.announcement_save(
            actor=utama,
            data={
                "item": item,
                "message": "Banjir",
                "severity": "danger",
                "starts_at": now,
                "ends_at": now - dt.timedelta(hours=1),
            },
        )
    assert {"item", "ends_at"} <= set(error.value.message_dict)
