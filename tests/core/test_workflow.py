import pytest

from django.db import models

from apps.accounts.models import Unit
from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.core.workflow import Attempt, Step, Workflow, record_transition


class Door(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    LOCKED = "locked", "Locked"


DOOR = Workflow(
    "door",
    Door,
    {Door.OPEN: {Door.CLOSED}, Door.CLOSED: {Door.OPEN, Door.LOCKED}},
)


@pytest.mark.parametrize(
    ("src", "dst"),
    [("open", "closed"), ("closed", "open"), ("closed", "locked")],
)
def test_allowed_transitions_pass(src, dst):
    DOOR.check(src, dst)
    assert DOOR.can(src, dst)


@pytest.mark.parametrize(
    ("src", "dst"),
    [("open", "locked"), ("locked", "open"), ("locked", "closed"), ("open", "open")],
)
def test_refused_transitions_raise_with_labels(src, dst):
    with pytest.raises(TransitionNotAllowed) as info:
        DOOR.check(src, dst)
    assert DOOR.label(src) in str(info.value)
    assert isinstance(info.value, ApplicationError)
    assert info.value.code == "transition_not_allowed"


def test_terminal_statuses():
    assert DOOR.terminal == {"locked"}


def test_table_with_unknown_status_is_rejected_at_import():
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("bad", Door, {"open": {"ajar"}})


@pytest.mark.django_db
def test_record_transition_writes_the_audit_trail(units, officer):
    actor = officer("PPID Utama")
    unit = units["dinkes"]
    change = record_transition(
        unit, from_status="", to_status="open", actor=actor, note="dibuka"
    )
    record_transition(unit, from_status="open", to_status="closed", note="ditutup")
    rows = list(StatusChange.objects.for_object(unit))
    assert rows[0] == change
    assert [(r.from_status, r.to_status) for r in rows] == [
        ("", "open"),
        ("open", "closed"),
    ]
    assert rows[0].actor == actor
    assert rows[1].actor is None
    assert rows[0].case == unit
    assert not StatusChange.objects.for_object(units["bpbd"]).exists()
    assert str(rows[1]) == "open → closed"


@pytest.mark.django_db
def test_anonymous_actor_is_stored_as_none(units):
    from django.contrib.auth.models import AnonymousUser

    change = record_transition(
        units["bpbd"], from_status="a", to_status="b", actor=AnonymousUser()
    )
    assert change.actor is None
    assert Unit.objects.count() == 4


class Room:
    """A case stand-in for the parts of the workflow that need no database."""

    def __init__(self, status, keys=0):
        self.status = status
        self.keys = keys


def needs_a_key(room, attempt):
    if not room.keys:
        raise ApplicationError("No key.", code="no_key")


GUARDED = Workflow(
    "door",
    Door,
    {Door.OPEN: {Door.CLOSED}, Door.CLOSED: {Door.OPEN, Door.LOCKED}},
    guards={Door.LOCKED: [needs_a_key]},
    steps=[
        Step("close", Door.CLOSED, "Close"),
        Step("lock", Door.LOCKED, "Lock", permission="doors.lock_door"),
        Step("reopen", Door.OPEN, "Open", sources=frozenset({Door.LOCKED})),
    ],
)


class Keyholder:
    is_authenticated = True

    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm):
        return perm in self.perms


def _attempt(room, to):
    return Attempt(room.status, to)


def test_a_guard_refuses_in_its_own_words_before_the_table():
    with pytest.raises(ApplicationError) as info:
        GUARDED.check_guards(Room("closed"), Door.LOCKED, _attempt(Room("closed"), "x"))
    assert info.value.code == "no_key"
    GUARDED.check_guards(Room("closed", keys=1), Door.LOCKED, _attempt(Room(""), "x"))


def test_the_table_still_refuses_once_the_guards_pass():
    room = Room("open", keys=1)
    with pytest.raises(TransitionNotAllowed):
        GUARDED.check_guards(room, Door.LOCKED, _attempt(room, Door.LOCKED))


def test_step_sources_narrow_the_table():
    room = Room("closed")
    with pytest.raises(TransitionNotAllowed):
        GUARDED.check_guards(
            room, Door.OPEN, _attempt(room, Door.OPEN), GUARDED.step("reopen")
        )


def test_available_steps_ask_table_permission_and_guards():
    user = Keyholder("doors.lock_door")
    assert [s.name for s in GUARDED.available_steps(Room("open"), user)] == ["close"]
    assert GUARDED.available_steps(Room("closed"), user) == []
    assert [s.name for s in GUARDED.available_steps(Room("closed", 1), user)] == [
        "lock"
    ]
    assert GUARDED.available_steps(Room("closed", 1), Keyholder()) == []


def test_attempt_counts_from_the_local_date_unless_given():
    import datetime as dt

    from django.utils import timezone

    now = dt.datetime(2026, 3, 16, 20, 0, tzinfo=dt.UTC)
    assert Attempt("a", "b", now=now).today == timezone.localdate(now)
    assert Attempt("a", "b", now=now, today=dt.date(2026, 1, 1)).today == dt.date(
        2026, 1, 1
    )


def test_guards_stamps_and_steps_with_unknown_statuses_are_rejected():
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("bad", Door, {}, guards={"ajar": [needs_a_key]})
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("bad", Door, {}, stamps={"ajar": "ajar_at"})
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("bad", Door, {}, steps=[Step("x", "ajar")])
