"""`manage.py load_demo` keeps every promise of the demo, whatever day it runs.

The demo is dated back from the day it is loaded, so it is loaded here under
frozen days that once broke it or could: ordinary and weekend days, the turn of
the year, the first working day after the Idul Fitri cuti bersama and the day
after a regional closure. Each time it must hold what each app's demo promises
(apps/*/demo.py and what load_demo prints), and a second run must add nothing.

One load renders some 140 real PDFs (about 30 s), so every promise is checked in
this one parametrized test rather than in a test per app.
"""

import datetime as dt
import io
import re
from collections import defaultdict

import holidays
import pytest
import time_machine

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role
from apps.core.models import BodyProfile, NonWorkingDay, StatusChange
from apps.core.workdays import HOLIDAY_CATEGORIES, Calendar

DEMO_PASSWORD = "kutim-demo-2026"


def _first_working_day_after_idul_fitri(year: int) -> dt.date:
    """From the `holidays` package: the day the office opens again after Idul Fitri
    and its cuti bersama (2026: 25 March, after 18-24 March)."""
    calendar = holidays.Indonesia(
        years=year, categories=HOLIDAY_CATEGORIES, language="en_US"
    )
    day = max(day for day, name in calendar.items() if "Eid al-Fitr" in name)
    day += dt.timedelta(days=1)
    while day.weekday() >= 5 or day in calendar:
        day += dt.timedelta(days=1)
    return day


AFTER_IDUL_FITRI = _first_working_day_after_idul_fitri(2026)
CLOSURE = dt.date(2026, 7, 9)  # a Thursday: the Bupati closes the offices (flood)

# (local time the demo is loaded at, days closed by the region, DEBUG)
DAYS = [
    pytest.param(dt.datetime(2026, 12, 1, 21, 58), [], True, id="2026-12-01-ci-red"),
    pytest.param(dt.datetime(2026, 9, 7, 7, 45), [], True, id="monday"),
    pytest.param(dt.datetime(2026, 10, 10, 0, 20), [], False, id="saturday-no-debug"),
    pytest.param(dt.datetime(2026, 12, 31, 23, 50), [], True, id="31-december"),
    pytest.param(dt.datetime(2027, 1, 1, 0, 10), [], True, id="1-january"),
    pytest.param(
        dt.datetime.combine(AFTER_IDUL_FITRI, dt.time(8, 0)),
        [],
        True,
        id=f"after-idul-fitri-{AFTER_IDUL_FITRI.isoformat()}",
    ),
    pytest.param(
        dt.datetime.combine(CLOSURE + dt.timedelta(days=1), dt.time(8, 0)),
        [CLOSURE],
        True,
        id="after-regional-closure",
    ),
]


def test_the_special_days_are_what_they_claim():
    assert dt.date(2026, 3, 25) == AFTER_IDUL_FITRI
    assert [param.values[0].weekday() for param in DAYS[:3]] == [1, 0, 5]


def _counts() -> dict[str, int]:
    from apps.channels.models import Conversation, Message
    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest, WrittenNotice
    from apps.objections.models import Dispute, DisputeEvent, Objection
    from apps.pages.models import Page
    from apps.registers.models import (
        Announcement,
        Document,
        ExemptInformation,
        InformationItem,
    )
    from apps.reports.models import AnnualReport, SurveyResponse

    models = [
        Unit,
        User,
        InformationRequest,
        WrittenNotice,
        Objection,
        Dispute,
        DisputeEvent,
        Complaint,
        InformationItem,
        Document,
        ExemptInformation,
        Announcement,
        Conversation,
        Message,
        Page,
        AnnualReport,
        SurveyResponse,
        StatusChange,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["Page history"] = Page.history.count()
    counts["BodyProfile history"] = BodyProfile.history.count()
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize(("moment", "closed", "debug"), DAYS)
def test_demo_keeps_its_promises_on_any_day(client, settings, moment, closed, debug):
    # Fast password hashing: the demo sets eight passwords on each run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DEBUG = debug
    for day in closed:
        NonWorkingDay.objects.create(
            date=day, kind=NonWorkingDay.Kind.CLOSED, name="Banjir: kantor ditutup"
        )
    with time_machine.travel(timezone.make_aware(moment), tick=False):
        today = timezone.localdate()
        first = io.StringIO()
        call_command("load_demo", stdout=first)
        counts = _counts()
        second = io.StringIO()
        call_command("load_demo", stdout=second)
        assert _counts() == counts  # idempotent
        first, second = first.getvalue(), second.getvalue()

        _core(first, debug)
        _requests(today)
        _objections(today)
        _complaints()
        _registers(client)
        _pages(first)
        _channels()
        _reports(client, today)
        _cases_happen_on_working_days_and_in_order(closed)

    assert "Information requests: 45 demo requests created." in first
    assert "Objections: 8 demo objections created; 2 disputes created." in first
    assert "Complaints: 28" in first
    assert "Inbox conversations: 6 (2 converted)" in first
    year = moment.year
    assert f"reports: annual reports {year - 1} (published), {year}; 6 survey" in first
    assert "Information requests: 0 demo requests created." in second
    assert "Objections: 0 demo objections created; 0 disputes created." in second
    assert "0 survey answers" in second


def _core(out, debug):
    assert (DEMO_PASSWORD in out) is debug
    assert ("changepassword" in out) is not debug
    assert User.objects.get(username="utama").check_password(DEMO_PASSWORD) is debug
    assert BodyProfile.load().name == "Pemerintah Kabupaten Kutai Timur"
    assert Unit.objects.filter(kind=Unit.Kind.OPD).count() >= 10
    for code in ["DISKOMINFO", "DISDIKBUD", "DINKES", "RSUD-KUDUNGGA", "BPBD"]:
        assert Unit.objects.filter(code=code).exists()
    assert Unit.objects.get(code="KEC-SANGATTA-UTARA").parent.kind == Unit.Kind.BODY
    for role in Role:
        assert User.objects.filter(groups__name=role.value).exists(), role


def _requests(today):
    from apps.info_requests.models import InformationRequest, Status, WrittenNotice

    requests = InformationRequest.objects.all()
    assert requests.count() >= 45
    statuses = defaultdict(int)
    for status in requests.values_list("status", flat=True):
        statuses[status] += 1
    assert set(statuses) == set(Status.values)
    assert statuses["extended"] >= 3
    assert statuses["reopened"] >= 1
    overdue = requests.overdue(today)
    assert set(overdue.values_list("status", flat=True)) >= {
        "received",
        "in_process",
        "extended",
    }
    assert requests.values("channel").distinct().count() >= 10
    assert requests.values("unit").distinct().count() >= 10
    assert set(WrittenNotice.objects.values_list("decision", flat=True)) == {
        "granted",
        "granted_in_part",
        "refused",
        "forwarded",
    }
    for notice in WrittenNotice.objects.all():
        assert notice.letter.read(5) == b"%PDF-", notice
    assert not requests.filter(status="decided", notice=None).exists()
    received = [
        timezone.localdate(at) for at in requests.values_list("received_at", flat=True)
    ]
    assert min(received) >= today - dt.timedelta(days=366)


def _objections(today):
    from apps.objections.models import Dispute, DisputeEvent, Objection, Status

    objections = Objection.objects.all()
    assert {"upheld", "upheld_in_part", "affirmed", "settled", "withdrawn", ""} <= set(
        objections.values_list("outcome", flat=True)
    )
    assert set(objections.values_list("status", flat=True)) == set(Status.values)
    assert objections.filter(request=None).exists()  # a periodic-information one
    for objection in objections.exclude(outcome__in=["", "withdrawn"]):
        assert objection.answer_letter.read(5) == b"%PDF-", objection
    assert re.fullmatch(r"OBJ-\d{4}-\d{5}", objections.first().number)
    disputes = Dispute.objects.all()
    assert disputes.count() == 2
    assert len(set(disputes.values_list("stage", flat=True))) == 2
    assert disputes.exclude(outcome="").count() == 1
    for dispute in disputes:
        assert re.fullmatch(
            r"00[17]/[IVX]+/KI-Kaltim-PS/\d{4}", dispute.register_number
        )
        assert dispute.register_number.endswith(str(dispute.filed_on.year))
    assert not DisputeEvent.objects.filter(date__gte=today).exists()


def _complaints():
    from apps.complaints.models import Channel, Complaint

    complaints = Complaint.objects.all()
    assert complaints.count() >= 28
    assert set(complaints.values_list("channel", flat=True)) == set(Channel.values)
    assert set(complaints.values_list("status", flat=True)) == {
        "received",
        "verified",
        "rejected",
        "forwarded",
        "followed_up",
        "resolved",
    }
    assert complaints.exclude(unit=None).values("unit").distinct().count() >= 8


def _registers(client):
    from apps.registers.models import (
        Category,
        Document,
        ExemptInformation,
        InformationItem,
    )

    assert InformationItem.objects.count() >= 60
    for category in Category.values:
        assert InformationItem.objects.filter(category=category).count() >= 5
    assert InformationItem.objects.values("unit").distinct().count() >= 15
    assert Document.objects.filter(content_type="application/pdf").count() >= 60
    assert ExemptInformation.objects.count() >= 8
    for entry in ExemptInformation.objects.all():
        assert entry.consequence_if_opened
        assert entry.interest_if_closed
        assert entry.decision_number
        assert entry.minutes_file
    assert "Siaga banjir" in client.get("/").content.decode()
    html = client.get("/informasi/?q=apbd").content.decode()
    assert "<mark>APBD</mark> Kabupaten Kutai Timur Tahun Anggaran 2025" in html


def _pages(out):
    from apps.pages.demo_content import PAGES
    from apps.pages.models import Page

    assert Page.objects.count() == Page.objects.published().count() == len(PAGES)
    assert f"Pages: {len(PAGES)} published." in out
    assert "130/K.512/2024" in Page.objects.get(slug="sk-ppid").body
    hours = Page.objects.get(slug="jam-dan-biaya-layanan")
    assert "Senin–Kamis 07.30–16.00 WITA" in hours.body
    assert Page.objects.get(slug="tata-cara").body.count('<ol class="steps"') == 2
    assert "UU 27/2022" in Page.objects.get(slug="kebijakan-privasi").meta_description


def _channels():
    from apps.channels.models import ChannelKind, Conversation

    assert set(Conversation.objects.values_list("channel", flat=True)) == set(
        ChannelKind.values
    )
    converted = Conversation.objects.filter(status="converted")
    assert converted.filter(information_request__isnull=False).count() == 1
    assert converted.filter(complaint__isnull=False).count() == 1
    assert converted.get(channel="whatsapp").information_request.channel == "whatsapp"


def _reports(client, today):
    from apps.reports.models import AnnualReport, SurveyResponse

    last_year = today.year - 1
    assert AnnualReport.objects.get(year=last_year).published
    assert not AnnualReport.objects.get(year=today.year).published
    assert SurveyResponse.objects.count() == 6
    response = client.get(f"/laporan/{last_year}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert client.get("/statistik/").status_code == 200


def _cases_happen_on_working_days_and_in_order(closed):
    """The officers' steps on requests, objections and complaints fall on working
    days (never on a closure), and each case's audit trail runs forward in time up
    to now."""
    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection

    calendar = Calendar()
    now = timezone.now()
    types = ContentType.objects.get_for_models(InformationRequest, Objection, Complaint)
    rows = StatusChange.objects.filter(content_type__in=types.values()).order_by("pk")
    assert rows.count() > 200
    last_seen: dict[tuple, dt.datetime] = {}
    for row in rows:
        case = (row.content_type_id, row.object_id)
        assert row.created_at <= now, row
        assert row.created_at >= last_seen.get(case, row.created_at), row
        last_seen[case] = row.created_at
        if row.from_status:  # a step, not the receipt
            day = timezone.localdate(row.created_at)
            assert calendar.is_working_day(day), (row, day)
            assert day not in closed
