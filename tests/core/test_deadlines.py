"""One calendar-changed receiver recounts the open deadlines of every case kind."""

from apps.complaints.services import complaint_recompute_deadlines
from apps.core import deadlines
from apps.core.signals import calendar_changed
from apps.info_requests.services import information_requests_recompute_deadlines
from apps.objections.services import objections_recompute_deadlines


def test_every_case_kind_registers_its_recount_once():
    assert deadlines._RECOUNTS.count(information_requests_recompute_deadlines) == 1
    assert deadlines._RECOUNTS.count(objections_recompute_deadlines) == 1
    assert deadlines._RECOUNTS.count(complaint_recompute_deadlines) == 1
    deadlines.register_recount(objections_recompute_deadlines)
    assert deadlines._RECOUNTS.count(objections_recompute_deadlines) == 1


def test_the_one_receiver_runs_them_all(monkeypatch):
    calls = []

    def fake(name):
        def recount(*, reason):
            calls.append((name, reason))
            return 1

        return recount

    monkeypatch.setattr(deadlines, "_RECOUNTS", [fake("a"), fake("b")])
    responses = calendar_changed.send(sender=None, dates=[], reason="HUT")
    assert calls == [("a", "HUT"), ("b", "HUT")]
    receivers = [r for r, _ in responses if r is deadlines.recount_open_deadlines]
    assert len(receivers) == 1 == len(responses)
