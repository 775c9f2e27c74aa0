import pytest

from django.db import models

from apps.accounts.models import Unit
from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.core.workflow import Workflow, record_transition


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
