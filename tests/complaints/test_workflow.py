"""The complaint workflow answers which steps are open, as the admin shows them."""

import pytest

from django.contrib import admin
from django.test import RequestFactory

from apps.complaints.models import Complaint, ComplaintSettings
from apps.complaints.workflow import COMPLAINT_WORKFLOW
from tests.complaints.factories import ComplaintFactory

TRAITS = [{}, {"verified": True}, {"forwarded": True}, {"followed_up": True}]


@pytest.mark.django_db
@pytest.mark.parametrize("trait", [*TRAITS, {"resolved": True}], ids=str)
@pytest.mark.parametrize("who", ["lead", "unit_officer", "desk"])
def test_workflow_steps_match_the_admins(trait, who, request, units):
    user = request.getfixturevalue(who)
    complaint = ComplaintFactory(unit=units["dinkes"], **trait)
    from_workflow = [
        s.name for s in COMPLAINT_WORKFLOW.available_steps(complaint, user)
    ]
    http_request = RequestFactory().get("/admin/")
    http_request.user = user
    complaint_admin = admin.site._registry[Complaint]
    from_admin = [
        s.name
        for s in complaint_admin.open_steps(http_request, complaint)
        if s.name != "lapor"
    ]
    assert from_workflow == from_admin


@pytest.mark.django_db
def test_a_step_a_guard_refuses_is_not_offered(lead, units):
    settings_row = ComplaintSettings.load()
    settings_row.reopen_window_days = 3
    settings_row.save()
    complaint = ComplaintFactory(unit=units["dinkes"], resolved=True, reopen_count=1)
    assert "reopen" not in [
        s.name for s in COMPLAINT_WORKFLOW.available_steps(complaint, lead)
    ]
    complaint.reopen_count = 0
    assert "reopen" in [
        s.name for s in COMPLAINT_WORKFLOW.available_steps(complaint, lead)
    ]
