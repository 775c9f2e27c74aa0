"""One calendar-changed receiver schedules the recount of the open deadlines of
every case kind; the task layer runs it in batches, resumably (issue 18, item 4)."""

import datetime as dt

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.complaints.services import COMPLAINT_DEADLINES
from apps.core import deadlines
from apps.core.models import DeadlineRecount, EventKind, NonWorkingDay, StatusChange
from apps.core.signals import calendar_changed
from apps.core.workdays import bump_calendar_version
from apps.info_requests.models import InformationRequest, Status
from apps.info_requests.services import REQUEST_DEADLINES, compute_due_dates
from apps.objections.services import OBJECTION_DEADLINES
from tests.info_requests.factories import InformationRequestFactory

# A Tuesday inside the periods of requests received 2–9 March 2026, after the
# receipt of the others.
CLOSED = dt.date(2026, 3, 10)


DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


def at(year, month, day, hour=9):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def make_requests(count, *, status=Status.RECEIVED, start=0, spread=None):
    """`count` open requests received on weekdays from 2 March 2026, cycling,
    with the due dates the calendar gives before any correction."""
    days = [at(2026, 3, 2) + dt.timedelta(days=d) for d in range(40)]
    days = [d for d in days if d.weekday() < 5][:spread]
    rows = []
    for index in range(count):
        received = days[(start + index) % len(days)]
        due, _ = compute_due_dates(received_at=received, extended=False)
        rows.append(
            InformationRequestFactory.build(
                registration_number=f"REQ-2026-{start + index + 1:06d}",
                status=status,
                received_at=received,
                due_date=due,
            )
        )
    return InformationRequest.objects.bulk_create(rows)


def close_day():
    """Add the correction without its signal (the run is started by the test)."""
    NonWorkingDay.objects.bulk_create([NonWorkingDay(date=CLOSED, name="x")])
    bump_calendar_version()


def expected_due(request):
    return compute_due_dates(received_at=request.received_at, extended=False)[0]


def test_every_case_kind_registers_its_deadlines_once():
    keys = [d.key for d in deadlines._RECOUNTS]
    assert keys.count(REQUEST_DEADLINES.key) == 1
    assert keys.count(OBJECTION_DEADLINES.key) == 1
    assert keys.count(COMPLAINT_DEADLINES.key) == 1
    deadlines.register_recount(OBJECTION_DEADLINES)
    assert [d.key for d in deadlines._RECOUNTS] == keys


@pytest.mark.django_db
def test_the_one_receiver_schedules_one_run(django_capture_on_commit_callbacks):
    responses = calendar_changed.send(sender=None, dates=[], reason="HUT")
    receivers = [r for r, _ in responses if r is deadlines.recount_open_deadlines]
    assert len(receivers) == 1 == len(responses)
    run = responses[0][1]
    assert isinstance(run, DeadlineRecount)
    assert run.reason == "HUT"
    assert set(run.progress) == {d.key for d in deadlines._RECOUNTS}


@pytest.mark.django_db(transaction=True)  # real commits: on_commit, the worker
def test_saving_a_correction_queues_the_task_and_does_not_recount_inline(settings):
    """With the production task backend the save only records the run and
    queues the task; the worker recounts."""
    from django_tasks_db.models import DBTaskResult

    from django.core.management import call_command

    settings.TASKS = DATABASE_TASKS
    (request,) = make_requests(1)
    NonWorkingDay.objects.create(date=CLOSED, name="Hari Jadi")
    run = DeadlineRecount.objects.get()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "apps.core.tasks.recount_deadlines"
    assert queued.args_kwargs["kwargs"] == {"run_id": run.pk}
    assert (run.status, run.done, run.total, run.started_at) == (
        "running",
        0,
        1,
        None,
    )
    request.refresh_from_db()
    assert request.due_date == dt.date(2026, 3, 16)  # not yet recounted

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    run.refresh_from_db()
    request.refresh_from_db()
    assert (run.status, run.done, run.changed) == ("done", 1, 1)
    assert request.due_date == dt.date(2026, 3, 17)


@pytest.mark.django_db
class TestCalendarCorrection:
    def test_the_task_recounts_requests_objections_and_complaints(
        self, django_capture_on_commit_callbacks
    ):
        requests = make_requests(3)
        closed_request = make_requests(1, status=Status.WITHDRAWN, start=3)[0]
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=CLOSED, name="Hari Jadi")
        run = DeadlineRecount.objects.get()
        assert run.status == DeadlineRecount.Status.DONE
        assert run.done == run.total == 3
        for request in requests:
            request.refresh_from_db()
            assert request.due_date == expected_due(request)
        closed_request.refresh_from_db()
        assert closed_request.due_date != expected_due(closed_request)
        assert run.changed == 3

    def test_only_rows_whose_deadline_changes_are_written(
        self, django_capture_on_commit_callbacks
    ):
        # Received on 20 March: the period starts after the closed day.
        late = make_requests(1, start=10)[0]
        early = make_requests(1, start=0)[0]
        before = InformationRequest.objects.get(pk=late.pk).updated_at
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=CLOSED, name="Hari Jadi")
        assert InformationRequest.objects.get(pk=late.pk).updated_at == before
        assert not StatusChange.objects.for_object(late).filter(kind="due_date")
        event = StatusChange.objects.for_object(early).get(kind=EventKind.DUE_DATE)
        assert event.data["why"] == f"{CLOSED:%Y-%m-%d}: Hari Jadi"
        assert early.history.count() == 1  # the recount kept the history row


@pytest.mark.django_db
class TestBatches:
    def recount_queries(self, batch_size):
        run = DeadlineRecount.objects.create(reason="x")
        with CaptureQueriesContext(connection) as queries:
            deadlines.run_recount(run.pk, batch_size=batch_size)
        run.refresh_from_db()
        assert run.status == DeadlineRecount.Status.DONE
        run.delete()
        return run, [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]

    @pytest.mark.parametrize(
        ("small", "large"),
        [
            # SQLite splits an INSERT of more than ~20 history rows (999 params).
            (5, 20),
            pytest.param(50, 1000, marks=pytest.mark.postgres),
        ],
    )
    def test_queries_per_batch_do_not_grow_with_the_rows(self, small, large):
        # Every request received 2–6 March: every deadline moves.
        make_requests(small, spread=5)
        close_day()
        first, small_queries = self.recount_queries(2000)
        assert (first.done, first.changed) == (small, small)
        make_requests(large - small, spread=5, start=small)
        InformationRequest.objects.update(due_date=dt.date(2026, 1, 1))  # all wrong
        second, large_queries = self.recount_queries(2000)
        assert (second.done, second.changed) == (large, large)
        assert len(large_queries) == len(small_queries), "\n".join(large_queries)
        # One batch of requests: lock the run, read the batch, the calendar year,
        # lock the changing rows, update them, their history, their events, save
        # the cursor; the two other (empty) kinds three each; the finish two.
        assert len(large_queries) <= 16, "\n".join(large_queries)

    def test_queries_grow_with_the_batches_not_the_rows(self):
        make_requests(120, spread=5)  # 3 batches of 50, or one
        close_day()
        _, one_batch = self.recount_queries(1000)
        InformationRequest.objects.update(due_date=dt.date(2026, 1, 1))  # all wrong
        StatusChange.objects.all().delete()
        _, three_batches = self.recount_queries(50)
        assert len(three_batches) - len(one_batch) <= 2 * 7 + 3

    def test_a_run_stopped_midway_is_completed_by_the_next(self, monkeypatch):
        requests = make_requests(130)
        close_day()
        run = DeadlineRecount.objects.create(reason="Hari Jadi", total=130)
        real = deadlines._recount_batch
        calls = []

        def dies_on_third(*args, **kwargs):
            calls.append(kwargs["after"])
            if len(calls) == 3:
                raise SystemExit("worker killed")
            return real(*args, **kwargs)

        monkeypatch.setattr(deadlines, "_recount_batch", dies_on_third)
        with pytest.raises(SystemExit):
            deadlines.run_recount(run.pk, batch_size=50)
        run.refresh_from_db()
        assert run.status == DeadlineRecount.Status.RUNNING
        assert run.done == 100  # two batches committed, the third rolled back
        state = run.progress[REQUEST_DEADLINES.key]
        assert state["after"] == requests[99].pk
        assert not state["finished"]
        half = InformationRequest.objects.filter(pk__gt=requests[99].pk)
        assert any(r.due_date != expected_due(r) for r in half)

        monkeypatch.setattr(deadlines, "_recount_batch", real)
        assert deadlines.resume_unfinished(batch_size=50).pk == run.pk
        run.refresh_from_db()
        assert run.status == DeadlineRecount.Status.DONE
        assert run.done == 130
        for request in InformationRequest.objects.all():
            assert request.due_date == expected_due(request)
        # Each changed case has exactly one due-date event: nothing done twice.
        events = StatusChange.objects.filter(kind=EventKind.DUE_DATE)
        assert events.count() == len(set(events.values_list("object_id", flat=True)))
        assert events.count() == sum(
            1 for r in requests if r.due_date != expected_due(r)
        )

    def test_running_again_changes_nothing(self):
        make_requests(20)
        close_day()
        first = DeadlineRecount.objects.create(reason="x")
        deadlines.run_recount(first.pk, batch_size=7)
        events = StatusChange.objects.count()
        second = DeadlineRecount.objects.create(reason="again")
        deadlines.run_recount(second.pk, batch_size=7)
        second.refresh_from_db()
        assert (second.done, second.changed) == (20, 0)
        assert StatusChange.objects.count() == events

    def test_a_further_correction_restarts_the_unfinished_run(
        self, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = DATABASE_TASKS  # queued, not run: no worker in this test
        make_requests(10)
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=CLOSED, name="Hari Jadi")
        run = DeadlineRecount.objects.get()  # the worker has not started yet
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=dt.date(2026, 3, 11), name="Banjir")
        restarted = DeadlineRecount.objects.get()
        assert restarted.pk == run.pk
        assert restarted.generation == 2
        assert restarted.reason.splitlines() == [
            "2026-03-10: Hari Jadi",
            "2026-03-11: Banjir",
        ]
        deadlines.run_recount(run.pk)
        for request in InformationRequest.objects.all():
            assert request.due_date == expected_due(request)


@pytest.mark.django_db
class TestProgressAndResume:
    def test_the_admin_saves_the_correction_and_shows_recomputing_n_of_m(
        self, client, officer, settings, django_capture_on_commit_callbacks
    ):
        from apps.accounts.roles import Role

        settings.TASKS = DATABASE_TASKS  # the worker, not the request, recounts
        make_requests(10)
        client.force_login(officer(Role.PPID_UTAMA))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/admin/core/nonworkingday/add/",
                {"date": "2026-03-10", "kind": "closed", "name": "Hari Jadi"},
            )
        assert response.status_code == 302
        run = DeadlineRecount.objects.get()
        assert run.done == 0  # nothing recounted inside the request
        page = client.get("/admin/core/nonworkingday/").content.decode()
        assert "menunggu worker (0 dari 10 perkara)" in page

        # A worker took two batches of three, then died.
        DeadlineRecount.objects.filter(pk=run.pk).update(
            started_at=timezone.now(), done=6, changed=2
        )
        page = client.get("/admin/core/nonworkingday/").content.decode()
        assert "6 dari 10 perkara (2 tenggat berubah)" in page
        assert "manage.py recount_deadlines" not in page

        DeadlineRecount.objects.filter(pk=run.pk).update(
            updated_at=timezone.now() - dt.timedelta(minutes=11)
        )
        page = client.get("/admin/core/nonworkingday/").content.decode()
        assert "manage.py recount_deadlines" in page

        deadlines.run_recount(run.pk)
        page = client.get("/admin/core/nonworkingday/").content.decode()
        assert "terakhir dihitung ulang" in page

    def test_the_command_resumes_only_a_stalled_run(self):
        from io import StringIO

        from django.core.management import call_command

        make_requests(10, spread=5)
        close_day()
        run = DeadlineRecount.objects.create(reason="Hari Jadi", total=10)
        out = StringIO()
        call_command("recount_deadlines", stdout=out)
        run.refresh_from_db()
        assert run.status == "running"  # making progress (just started): left alone
        DeadlineRecount.objects.filter(pk=run.pk).update(
            updated_at=timezone.now() - dt.timedelta(minutes=11)
        )
        call_command("recount_deadlines", stdout=out)
        run.refresh_from_db()
        assert (run.status, run.done, run.changed) == ("done", 10, 10)
        assert "10 of 10 cases, 10 changed" in out.getvalue()
        call_command("recount_deadlines", stdout=out)
        assert out.getvalue().endswith("No unfinished deadline recount.\n")
