"""A complaint that is really an information request becomes one (issue: complaints)."""

import datetime as dt

import pytest

from apps.complaints.models import Status
from apps.complaints.services import complaint_convert_to_request
from apps.core.errors import TransitionNotAllowed
from apps.core.models import StatusChange
from apps.info_requests.models import InformationRequest
from tests.complaints.factories import ComplaintFactory

REQUEST_FIELDS = {
    "applicant_type": "individual",
    "name": "Budi Santoso",
    "nik": "6408011201900003",
    "address": "Jl. Yos Sudarso, Sangatta",
    "phone": "+6281254001234",
    "information_requested": "Anggaran perbaikan Jl. Yos Sudarso 2026",
    "purpose": "Pengawasan warga",
    "access_method": "view",
}


@pytest.mark.django_db
class TestConversion:
    def test_keeps_channel_and_received_at_and_links_both(self, lead, units):
        complaint = ComplaintFactory(channel="whatsapp", unit=units["bpbd"])
        request = complaint_convert_to_request(
            complaint=complaint, actor=lead, unit=units["bpbd"], **REQUEST_FIELDS
        )
        complaint.refresh_from_db()
        assert complaint.status == Status.CONVERTED
        assert complaint.converted_request == request
        assert request.source_complaint == complaint
        assert request.channel == "whatsapp"
        assert request.received_at == complaint.received_at
        # Deadline counted from the complaint's receipt (Mon 16 March 2026).
        assert request.due_date == dt.date(2026, 4, 7)
        note = StatusChange.objects.for_object(complaint).last().text
        assert request.registration_number in note

    def test_verified_complaint_can_be_converted(self, lead, units):
        complaint = ComplaintFactory(verified=True)
        complaint_convert_to_request(complaint=complaint, actor=lead, **REQUEST_FIELDS)
        complaint.refresh_from_db()
        assert complaint.status == Status.CONVERTED

    @pytest.mark.parametrize("trait", ["forwarded", "resolved"])
    def test_later_statuses_refuse(self, lead, trait):
        complaint = ComplaintFactory(**{trait: True})
        with pytest.raises(TransitionNotAllowed):
            complaint_convert_to_request(
                complaint=complaint, actor=lead, **REQUEST_FIELDS
            )
        assert InformationRequest.objects.count() == 0

    def test_bad_request_fields_leave_the_complaint_untouched(self, lead):
        from django.core.exceptions import ValidationError

        complaint = ComplaintFactory()
        with pytest.raises(ValidationError):
            complaint_convert_to_request(
                complaint=complaint, actor=lead, **{**REQUEST_FIELDS, "nik": "123"}
            )
        complaint.refresh_from_db()
        assert complaint.status == Status.RECEIVED
        assert InformationRequest.objects.count() == 0

    def test_desk_officer_may_not_convert(self, desk):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            complaint_convert_to_request(
                complaint=ComplaintFactory(), actor=desk, **REQUEST_FIELDS
            )

    def test_admin_step_prefills_and_converts(self, client, lead, units):
        complaint = ComplaintFactory(unit=units["dinkes"])
        client.force_login(lead)
        url = f"/admin/complaints/complaint/{complaint.pk}/step/convert/"
        form = client.get(url).context["form"]
        assert form.initial["name"] == "Budi Santoso"
        assert "Jalan berlubang" in form.initial["information_requested"]
        data = {**REQUEST_FIELDS, "unit": units["dinkes"].pk, "copy_format": ""}
        response = client.post(url, data)
        assert response.status_code == 302
        assert InformationRequest.objects.get().unit == units["dinkes"]

    def test_confidential_identity_not_prefilled_for_others(self, officer, units):
        from apps.complaints.admin import convert_initial

        complaint = ComplaintFactory(confidential=True)
        other = officer("PPID Pelaksana", units=[units["dinkes"]])
        assert "name" not in convert_initial(other, complaint)
