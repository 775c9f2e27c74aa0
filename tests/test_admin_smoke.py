"""Smoke test of the back office: every admin URL of every model, with the demo
data, as each demo officer and a superuser, answers without a server error.

The cases come from tests/admin_cases.py (the admin registry and get_urls()).
Loading the demo takes most of the time, so it is loaded once for this module,
inside a transaction rolled back at the end (nothing reaches the other tests);
each request runs in a savepoint of its own, so a step or an action does not
change what the next case sees. A 302, 403, 404 or 405 is fine here; which
role gets which is issue 12's allow/deny matrix.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, path

from apps.accounts.tokens import api_token_issue
from tests.admin_cases import (
    ROLES,
    SUPERUSER,
    UnresolvedURL,
    admin_cases,
    admin_targets,
    target_urls,
)

# A Tuesday and a working day: the demo builds its cases around "today".
NOW = dt.datetime(2026, 8, 11, 10, 0, tzinfo=ZoneInfo("Asia/Makassar"))


@dataclass
class Demo:
    users: dict
    load_seconds: float


def _delivery_of_a_unit_case() -> None:
    """A notice the pipeline sent about a Dinas Kesehatan request (the demo's
    own are sent after its transaction commits, which the fixture never does)."""
    from django.contrib.contenttypes.models import ContentType

    from apps.core.models import Delivery
    from apps.info_requests.models import InformationRequest

    case = InformationRequest.objects.filter(unit__code="DINKES").order_by("pk").first()
    Delivery.objects.create(
        notice="request.received",
        content_type=ContentType.objects.get_for_model(case),
        object_id=case.pk,
        recipient_kind="applicant",
        channel="email",
        address_hash="0" * 64,
        address_masked="p***@example.id",
        language="id",
        status="sent",
        attempts=1,
    )


def _complete_the_demo(users) -> None:
    """Rows of registered models the demo does not make, so every model has a
    real object to open."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from apps.channels import services as channel_services
    from apps.channels.models import Attachment, Message
    from apps.complaints.models import ComplaintSettings
    from apps.core.models import NonWorkingDay
    from apps.core.tasks import send_email

    api_token_issue(user=users["admin"])
    _request_awaiting_completion(users)
    _delivery_of_a_unit_case()
    # Login lockout and two-factor rows (django-axes, django-otp).
    attempt = {
        "username": "tamu.tak.dikenal",
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0",
        "http_accept": "text/html",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(
        **attempt, get_data="", post_data="username=utama", failures_since_start=3
    )
    AccessFailureLog.objects.create(**attempt, locked_out=False)
    AccessLog.objects.create(**attempt)
    TOTPDevice.objects.create(user=users["utama"], name="Ponsel", confirmed=True)
    StaticDevice.objects.create(user=users["utama"], name="Kode cadangan")
    ComplaintSettings.load()
    NonWorkingDay.objects.create(
        date=dt.date(2026, 8, 12),
        kind=NonWorkingDay.Kind.CLOSED,
        name="Hari jadi Kabupaten Kutai Timur (contoh)",
        legal_basis="Keputusan Bupati (contoh)",
    )
    payload = channel_services.payload_store(channel="whatsapp", body=b"{not json")
    channel_services.payload_process(payload=payload)
    message = Message.objects.filter(direction="in").order_by("pk").first()
    stored = Attachment(message=message, filename="foto-jalan.png")
    stored.file.save("foto-jalan.png", ContentFile(_png()), save=False)
    stored.content_type, stored.size = "image/png", stored.file.size
    stored.provider_ref = "demo-media-1"
    stored.save()
    Attachment.objects.create(
        message=message, provider_ref="demo-media-2", download_error="HTTP 404"
    )
    database_backend = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with override_settings(TASKS=database_backend):
        send_email.enqueue(to=["ppid@example.org"], subject="Uji", body="Uji antrean")


def _request_awaiting_completion(users) -> None:
    """A request of a PPID Pelaksana's unit waiting for the applicant (the demo's
    are at other units), so that officer's "requirements completed" step opens."""
    from apps.accounts.models import Unit
    from apps.info_requests import services
    from tests.info_requests.factories import VALID_NIK

    info_request = services.information_request_submit(
        applicant_type="individual",
        name="Rina Lestari",
        nik=VALID_NIK,
        address="Jl. Pendidikan No. 5, Sangatta",
        phone="0812 5400 7788",
        information_requested="Jadwal posyandu Kecamatan Sangatta Utara 2026",
        purpose="Informasi keluarga",
        access_method="view",
    )
    dinkes = Unit.objects.get(slug="dinkes")
    services.information_request_assign(
        info_request=info_request, unit=dinkes, actor=users["utama"]
    )
    services.information_request_ask_completion(
        info_request=info_request,
        actor=users["utama"],
        missing="Mohon lampirkan salinan KTP.",
    )


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from apps.accounts.models import User

    files = tmp_path_factory.mktemp("admin-smoke")
    with ExitStack() as stack:
        stack.enter_context(time_machine.travel(NOW, tick=True))
        stack.enter_context(
            override_settings(
                MEDIA_ROOT=files / "media",
                PRIVATE_MEDIA_ROOT=files / "private",
                # load_demo sets a password for each officer: hash it quickly.
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            )
        )
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(transaction.atomic())
        started = time.monotonic()
        call_command("load_demo", stdout=io.StringIO())
        load_seconds = time.monotonic() - started
        User.objects.create_superuser(SUPERUSER, "root@example.org", None)
        users = {role: User.objects.get(username=role) for role in ROLES}
        _complete_the_demo(users)
        yield Demo(users=users, load_seconds=load_seconds)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_in_tmp(demo):
    """The demo's files stay where load_demo wrote them (see `demo`), instead of
    the per-test folders of tests/conftest.py."""


def open_case(client, case) -> tuple[int | None, str]:
    """(status, error) of one case, its writes rolled back."""
    try:
        with transaction.atomic():
            if case.method == "POST":
                response = client.post(case.url, case.data)
            else:
                response = client.get(case.url)
            if response.streaming:
                # Read to the end: the test client then closes the file (never
                # close a response here: on PostgreSQL that closes the connection).
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - every failure is reported below
        return None, f"{type(error).__name__}: {error}"
    return response.status_code, ""


def clients_for(users) -> dict[str, Client]:
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


@pytest.mark.django_db
@pytest.mark.parametrize("target", admin_targets())
def test_admin_pages_answer_without_server_error(demo, target):
    clients = clients_for(demo.users)
    failures, answers = [], Counter()
    for case in admin_cases(demo.users, targets=[target]):
        status, error = open_case(clients[case.role], case)
        answers[case.kind, status] += 1
        if status is None or status >= 500:
            failures.append(f"{case}: {error or status}")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
    # Not vacuous: the pages really opened for someone.
    if target == "site":
        assert answers["site", 200] > 0
    else:
        assert answers["change", 200] > 0, answers


@pytest.mark.django_db
def test_every_url_of_every_admin_is_opened_with_real_objects(demo):
    """Each pattern of each ModelAdmin gives at least one concrete URL, every
    model has an object to open."""
    for model, model_admin in admin.site._registry.items():
        urls = list(target_urls(model._meta.label_lower, demo.users))
        kinds = {url.kind for url in urls}
        names = {url.name for url in urls}
        for pattern in model_admin.get_urls():
            assert (pattern.name or "") in names, (model, pattern)
        assert {"changelist", "add", "change", "delete", "history"} <= kinds, model
        assert "change_redirect" in kinds, model
        if hasattr(model_admin, "history_form_view"):
            assert "history_version" in kinds, model
        assert any(url.obj is not None for url in urls), model
    site = {url.name for url in target_urls("site", demo.users)}
    for pattern in admin.site.get_urls():
        if isinstance(pattern, URLPattern):
            assert (pattern.name or "") in site, pattern


@pytest.mark.django_db
def test_a_url_the_enumerator_cannot_fill_fails_the_test(demo):
    from apps.accounts.models import Unit

    class ProbeAdmin(admin.ModelAdmin):
        def get_urls(self):
            view = self.admin_site.admin_view(lambda request, pk, mystery: None)
            return [
                path("<int:pk>/probe/<str:mystery>/", view, name="accounts_unit_probe"),
                *super().get_urls(),
            ]

    site = admin.AdminSite(name="probe")
    site.register(Unit, ProbeAdmin)
    with pytest.raises(UnresolvedURL, match="mystery"):
        list(target_urls("accounts.unit", demo.users, site=site))
