import io

import pytest
from openpyxl import Workbook, load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.registers import spreadsheet
from apps.registers.models import InformationItem
from tests.registers.factories import ExemptInformationFactory, InformationItemFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/registers/informationitem/"


def item_post(unit, **extra):
    return {
        "category": "setiap_saat",
        "title": "SOP Rujukan",
        "summary": "Prosedur",
        "unit": unit.pk,
        "year": 2025,
        "format_softcopy": "on",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        **extra,
    }


class TestPelaksanaBoundary:
    def test_sees_and_edits_only_own_units(self, client, units, pelaksana_dinkes):
        own = InformationItemFactory(unit=units["dinkes"], title="Milik Dinkes")
        other = InformationItemFactory(unit=units["bpbd"], title="Milik BPBD")
        client.force_login(pelaksana_dinkes)
        html = client.get(CHANGELIST).content.decode()
        assert own.title in html
        assert other.title not in html
        response = client.get(f"{CHANGELIST}{other.pk}/change/")
        assert response.status_code == 302
        client.post(f"{CHANGELIST}{other.pk}/change/", item_post(units["bpbd"]))
        other.refresh_from_db()
        assert other.title == "Milik BPBD"

    def test_unit_choices_limited(self, client, units, pelaksana_dinkes):
        client.force_login(pelaksana_dinkes)
        form = client.get(f"{CHANGELIST}add/").context["adminform"].form
        assert set(form.fields["unit"].queryset) == {units["dinkes"], units["rsud"]}
        response = client.post(f"{CHANGELIST}add/", item_post(units["bpbd"]))
        assert response.status_code == 200
        assert "unit" in response.context["adminform"].form.errors
        assert not InformationItem.objects.exists()

    def test_create_with_document_keeps_history(
        self, client, units, pelaksana_dinkes, sample_pdf
    ):
        client.force_login(pelaksana_dinkes)
        data = item_post(
            units["dinkes"],
            **{
                "documents-TOTAL_FORMS": "1",
                "documents-0-title": "SOP (PDF)",
                "documents-0-file": SimpleUploadedFile("sop.pdf", sample_pdf),
            },
        )
        response = client.post(f"{CHANGELIST}add/", data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        item = InformationItem.objects.get()
        assert item.status == "draft"
        assert item.documents.get().page_count == 1
        assert item.history.get().history_user == pelaksana_dinkes

    def test_bad_upload_is_a_field_error(self, client, units, pelaksana_dinkes):
        client.force_login(pelaksana_dinkes)
        data = item_post(
            units["dinkes"],
            **{
                "documents-TOTAL_FORMS": "1",
                "documents-0-title": "Palsu",
                "documents-0-file": SimpleUploadedFile("x.pdf", b"just text" * 20),
            },
        )
        response = client.post(f"{CHANGELIST}add/", data)
        assert response.status_code == 200
        assert "not accepted" in response.content.decode() or "tidak diterima" in (
            response.content.decode()
        )
        assert not InformationItem.objects.exists()

    def test_publish_action_refused_for_pelaksana(
        self, client, units, pelaksana_dinkes
    ):
        item = InformationItemFactory(unit=units["dinkes"])
        client.force_login(pelaksana_dinkes)
        client.post(
            CHANGELIST, {"action": "publish_items", "_selected_action": [item.pk]}
        )
        item.refresh_from_db()
        assert item.status == "draft"


class TestUtamaActions:
    def test_bulk_publish_and_withdraw_leave_history(self, client, units, utama):
        items = InformationItemFactory.create_batch(2, unit=units["dinkes"])
        client.force_login(utama)
        selected = [i.pk for i in items]
        client.post(
            CHANGELIST, {"action": "publish_items", "_selected_action": selected}
        )
        assert set(InformationItem.objects.values_list("status", flat=True)) == {
            "published"
        }
        response = client.post(
            CHANGELIST, {"action": "withdraw_items", "_selected_action": selected}
        )
        assert response.status_code == 200  # asks for the reason first
        client.post(
            CHANGELIST,
            {
                "action": "withdraw_items",
                "_selected_action": selected,
                "apply": "1",
                "reason": "Diganti versi baru",
            },
        )
        for item in items:
            item.refresh_from_db()
            assert item.status == "withdrawn"
            assert item.withdrawal_reason == "Diganti versi baru"
            assert item.history.count() == 3

    def test_stale_filter(self, client, units, utama):
        stale = InformationItemFactory(
            unit=units["dinkes"], berkala=True, published=True
        )
        fresh = InformationItemFactory(unit=units["dinkes"], published=True)
        client.force_login(utama)
        html = client.get(f"{CHANGELIST}?refresh=overdue").content.decode()
        assert stale.title in html
        assert fresh.title not in html


class TestMinutes:
    def test_minutes_only_for_officers_of_the_unit(
        self, client, units, utama, pelaksana_dinkes, officer, sample_pdf
    ):
        from apps.accounts.roles import Role

        entry = ExemptInformationFactory(
            unit=units["dinkes"], minutes_file=SimpleUploadedFile("ba.pdf", sample_pdf)
        )
        url = reverse("admin:registers_exemptinformation_minutes", args=[entry.pk])
        assert client.get(url).status_code == 302  # to the login page
        client.force_login(officer(Role.PPID_PELAKSANA, units=[units["bpbd"]]))
        assert client.get(url).status_code == 404
        client.force_login(pelaksana_dinkes)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == sample_pdf


def workbook_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Daftar Informasi Publik"])
    sheet.append(spreadsheet.OFFICER_HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = [
    1,
    "Berkala",
    "LKPD 2024",
    "Laporan keuangan",
    "",
    "Kepala BPKAD",
    "2025, Sangatta",
    "Softcopy, Hardcopy",
    "Permanen",
    "Website",
    2025,
    "UU 15/2004",
    "188/1/2025",
    "2025-01-15",
    "keuangan",
    "Semesteran",
    "2025-01-01",
    "2025-07-01",
    "DINKES",
    None,
]


class TestImport:
    url = "/admin/registers/informationitem/import/"

    def post(self, client, data, dry_run):
        payload = {"workbook": SimpleUploadedFile("dip.xlsx", data)}
        if dry_run:
            payload["dry_run"] = "on"
        return client.post(self.url, payload)

    def test_bad_rows_reported_and_nothing_saved(self, client, units, pelaksana_dinkes):
        bad_category = [*GOOD[:1], "Rahasia", *GOOD[2:]]
        bad_year = [*GOOD[:10], "dua ribu", *GOOD[11:]]
        other_unit = [*GOOD[:18], "BPBD", None]
        bad_format = [*GOOD[:7], "Disket", *GOOD[8:]]
        client.force_login(pelaksana_dinkes)
        data = workbook_bytes([GOOD, bad_category, bad_year, other_unit, bad_format])
        for dry_run in (True, False):
            response = self.post(client, data, dry_run)
            result = response.context["result"]
            errors = {row.number: set(row.errors) for row in result.rows}
            assert errors == {
                3: set(),
                4: {"category"},
                5: {"year"},
                6: {"unit_code"},
                7: {"formats"},
            }
            assert not result.applied
            assert "Rahasia" in response.content.decode()
        assert not InformationItem.objects.exists()

    def test_not_a_workbook(self, client, units, utama, sample_pdf):
        client.force_login(utama)
        result = self.post(client, sample_pdf, True).context["result"]
        assert result.file_errors
        assert not result.rows

    def test_round_trip_loses_nothing(self, client, units, utama):
        client.force_login(utama)
        response = self.post(client, workbook_bytes([GOOD]), dry_run=False)
        assert response.context["result"].applied
        item = InformationItem.objects.get()
        assert (item.category, item.unit, item.format_hardcopy) == (
            "berkala",
            units["dinkes"],
            True,
        )
        first = client.get("/admin/registers/informationitem/export/").content
        # Re-importing the export updates the same item (ID column): no duplicates.
        response = self.post(client, first, dry_run=False)
        assert response.context["result"].applied
        assert InformationItem.objects.count() == 1
        second = client.get("/admin/registers/informationitem/export/").content

        def cells(data):
            sheet = load_workbook(io.BytesIO(data)).active
            return [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]

        assert cells(first) == cells(second)
        assert cells(first)[1][2:5] == [
            "LKPD 2024",
            "Laporan keuangan",
            "Dinas Kesehatan",
        ]
        assert cells(first)[1][-2:] == ["DINKES", item.pk]
