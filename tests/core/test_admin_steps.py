"""The one admin steps framework (apps/core/admin_steps.py) every case admin runs on:
which steps open (the workflow's answer), the one page and its buttons, one way of
running a step and of saying how it went."""

import pytest

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from apps.accounts.roles import Role
from apps.complaints.models import Complaint
from apps.complaints.workflow import COMPLAINT_WORKFLOW
from apps.core.admin_steps import AdminStep, StepsAdminMixin
from apps.core.errors import ApplicationError
from apps.info_requests import services
from apps.info_requests.models import InformationRequest, Status
from apps.info_requests.workflow import REQUEST_WORKFLOW
from apps.objections.models import Dispute, Objection
from tests.complaints.factories import ComplaintFactory
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/info_requests/informationrequest/"
CASE_ADMINS = [InformationRequest, Objection, Dispute, Complaint]


def step_url(obj, name):
    return f"{CHANGELIST}{obj.pk}/step/{name}/"


@pytest.fixture
def utama(officer):
    return officer(Role.PPID_UTAMA, username="utama")


@pytest.fixture
def pelaksana(officer, units):
    return officer(Role.PPID_PELAKSANA, units=[units["dinkes"]], username="dinkes")


@pytest.fixture
def case(units, utama):
    """A request in process at Dinkes (received now, so it may still be extended)."""
    info_request = services.information_request_submit(
        applicant_type="individual",
        name="Budi Santoso",
        nik=VALID_NIK,
        address="Jl. Yos Sudarso No. 1, Sangatta",
        phone="0812 3456 7890",
        email="budi@example.com",
        occupation="Wiraswasta",
        information_requested="Data kasus DBD per kelurahan 2025",
        purpose="Penelitian",
        access_method="copy",
        copy_format="softcopy",
        delivery_method="email",
    )
    return services.information_request_assign(
        info_request=info_request, unit=units["dinkes"], actor=utama
    )


@pytest.fixture
def request_admin():
    return admin.site._registry[InformationRequest]


class NoteRequired(forms.Form):
    note = forms.CharField()


@pytest.fixture
def probe(request_admin, monkeypatch):
    """A step of our own on the request admin; `calls` lists what its service got,
    `outcome` makes it refuse (an ApplicationError or a ValidationError)."""
    state = {"calls": [], "outcome": None}

    def service(*, info_request, actor, note):
        state["calls"].append((info_request.pk, actor.username, note))
        if state["outcome"] is not None:
            raise state["outcome"]
        return info_request

    step = AdminStep(
        "probe",
        NoteRequired,
        service,
        label="Probe the case",
        confirmation="Nothing happens to the case.",
        submit_label="Probe it now",
        available=lambda user, obj: obj.status == Status.IN_PROCESS,
    )
    monkeypatch.setattr(
        request_admin, "admin_steps", [*request_admin.admin_steps, step]
    )
    return state


@pytest.mark.parametrize("model", CASE_ADMINS, ids=lambda m: m._meta.label_lower)
def test_every_case_admin_runs_on_the_framework(model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, StepsAdminMixin)
    assert model_admin.admin_steps
    assert model_admin.step_case_kwarg
    names = [step.name for step in model_admin.admin_steps]
    assert len(names) == len(set(names))
    workflow = model_admin.step_workflow
    for step in model_admin.admin_steps:
        # A step is the workflow's own, or says itself when it is open.
        assert step.available is not None or (
            workflow is not None and step.name in workflow.steps
        ), step.name


def test_open_steps_are_the_workflows_answer(rf, pelaksana, case, request_admin):
    request = rf.get("/")
    request.user = pelaksana
    opened = [s.name for s in request_admin.open_steps(request, case)]
    from_workflow = [s.name for s in REQUEST_WORKFLOW.available_steps(case, pelaksana)]
    assert [n for n in opened if n != "document"] == from_workflow
    assert opened == ["ask_completion", "extend", "decide", "withdraw", "document"]


def test_complaint_steps_follow_the_status(rf, officer, units):
    lead = officer(Role.PPID_UTAMA)
    request = rf.get("/")
    request.user = lead
    complaint_admin = admin.site._registry[Complaint]
    received = ComplaintFactory(unit=units["dinkes"])
    assert [s.name for s in complaint_admin.open_steps(request, received)] == [
        "verify",
        "reject",
        "lapor",
        "convert",
    ]
    opened = {s.name for s in complaint_admin.open_steps(request, received)}
    assert opened - {"lapor"} == {
        s.name for s in COMPLAINT_WORKFLOW.available_steps(received, lead)
    }


def test_change_form_shows_the_open_steps_as_buttons(client, pelaksana, case):
    client.force_login(pelaksana)
    page = client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    assert f'href="{step_url(case, "decide")}" class="default"' in page  # primary
    assert f'href="{step_url(case, "extend")}"' in page
    assert f'href="{step_url(case, "assign")}"' not in page  # the PPID Utama's


def test_step_not_open_in_this_status_is_refused_and_not_shown(client, pelaksana, case):
    client.force_login(pelaksana)
    assert client.get(step_url(case, "complete")).status_code == 403
    page = client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    assert "/step/complete/" not in page


def test_step_not_open_to_this_officer_is_refused(client, officer, case):
    client.force_login(officer(Role.ATASAN_PPID))
    page = client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    assert "/step/" not in page
    for name in ("decide", "withdraw", "document"):
        assert client.post(step_url(case, name), {}).status_code == 403
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS


def test_unknown_step_and_case_outside_the_queryset_are_404(
    client, officer, units, case
):
    other = officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], username="bpbd")
    client.force_login(other)
    assert client.get(step_url(case, "decide")).status_code == 404
    client.force_login(officer(Role.PPID_UTAMA))
    assert client.get(step_url(case, "no-such-step")).status_code == 404


def test_get_shows_the_one_template_with_confirmation(client, pelaksana, case, probe):
    client.force_login(pelaksana)
    response = client.get(step_url(case, "probe"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "admin/case_step.html"
    html = response.content.decode()
    assert "Nothing happens to the case." in html
    assert 'value="Probe it now"' in html
    assert probe["calls"] == []


def test_post_runs_the_service_only_once_the_form_is_valid(
    client, pelaksana, case, probe
):
    client.force_login(pelaksana)
    invalid = client.post(step_url(case, "probe"), {"note": ""})
    assert invalid.status_code == 200
    assert "note" in invalid.context["form"].errors
    assert probe["calls"] == []
    done = client.post(step_url(case, "probe"), {"note": "checked"}, follow=True)
    assert done.redirect_chain == [(f"{CHANGELIST}{case.pk}/change/", 302)]
    assert probe["calls"] == [(case.pk, "dinkes", "checked")]
    assert [str(m) for m in done.context["messages"]] == ["Selesai: Probe the case."]


def test_refused_service_keeps_the_form_and_says_why(client, pelaksana, case, probe):
    probe["outcome"] = ApplicationError("The case is locked by the Komisi.")
    client.force_login(pelaksana)
    response = client.post(step_url(case, "probe"), {"note": "my long note"})
    assert response.status_code == 200  # the same page, not a redirect
    assert response.context["form"].data["note"] == "my long note"
    assert "my long note" in response.content.decode()
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert messages == [("error", "The case is locked by the Komisi.")]
    assert len(probe["calls"]) == 1


def test_service_validation_error_lands_on_the_field(client, pelaksana, case, probe):
    probe["outcome"] = ValidationError({"note": ["Say more."], "other": ["Not now."]})
    client.force_login(pelaksana)
    response = client.post(step_url(case, "probe"), {"note": "x"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["note"] == ["Say more."]
    assert form.non_field_errors() == ["Not now."]


def test_a_real_refusal_keeps_the_officers_input(
    client, officer, refused_request_objection
):
    """Settling by agreement is refused for ground a (Pasal 35(2)): the Atasan's
    written reasons stay on the page with the refusal."""
    objection = refused_request_objection
    client.force_login(officer(Role.ATASAN_PPID))
    url = f"/admin/objections/objection/{objection.pk}/step/decide/"
    reasons = "Disepakati dalam musyawarah tanggal 3 April."
    response = client.post(url, {"outcome": "settled", "reasons": reasons})
    assert response.status_code == 200
    assert reasons in response.content.decode()
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert [level for level, _text in messages] == ["error"]
    assert "Pasal 35 ayat (2)" in messages[0][1]
    objection.refresh_from_db()
    assert objection.status == "received"


@pytest.fixture
def refused_request_objection(case, pelaksana):
    from apps.objections.services import objection_submit

    services.information_request_decide(
        info_request=case,
        actor=pelaksana,
        control="held",
        decision="refused",
        refusal_reason="exempt",
        exemption_letters=["h"],
    )
    case.refresh_from_db()
    return objection_submit(
        info_request=case,
        grounds=["a"],
        reason="Informasi ini bukan informasi yang dikecualikan.",
    )
