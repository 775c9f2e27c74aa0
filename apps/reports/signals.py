"""Keeping the maintained statistics up to date as cases change
(apps.reports.summary).

A request or its written notice remembers what it counted in when it was loaded;
saved or deleted, it appends the difference in the same transaction. Complaints,
objections, disputes, survey answers and inbox conversations are counted live
(small aggregates), so a change to them only invalidates the cached pages.
"""

from django.db.models.signals import (
    post_delete,
    post_init,
    post_save,
    pre_delete,
    pre_save,
)

from apps.reports import summary

REQUEST_FIELDS = (
    "status",
    "channel",
    "received_at",
    "unit_id",
    "extended_due_date",
    "decided_at",
)
NOTICE_FIELDS = ("request_id", "decision", "refusal_reason", "exemption_letters")
_SNAPSHOT = "_statistics_snapshot"


def _snapshot(instance, fields):
    # (At post_init a loaded row still has _state.adding set: the pk tells.)
    if instance.pk is None or instance.get_deferred_fields() & set(fields):
        return None
    return {field: getattr(instance, field) for field in fields}


def _request_counts(values):
    if values is None or values["received_at"] is None:
        return None
    return summary.request_contribution(**values)


def _notice_counts(values):
    from apps.info_requests.models import InformationRequest

    if values is None:
        return None
    received = (
        InformationRequest.objects.filter(pk=values["request_id"])
        .values_list("received_at", flat=True)
        .first()
    )
    if received is None:
        return None
    from apps.core.workdays import receipt_date

    return receipt_date(received).year, summary.notice_contribution(
        decision=values["decision"],
        refusal_reason=values["refusal_reason"],
        exemption_letters=values["exemption_letters"],
    )


def _tracker(fields, counts):
    def remember(sender, instance, **kwargs):
        setattr(instance, _SNAPSHOT, _snapshot(instance, fields))

    def before_save(sender, instance, raw=False, **kwargs):
        if instance._state.adding:
            setattr(instance, _SNAPSHOT, None)  # a new row counted nowhere yet
        elif getattr(instance, _SNAPSHOT, None) is None and not raw:
            # Loaded with some of the fields deferred: read what the row holds.
            row = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
            setattr(instance, _SNAPSHOT, row)

    def saved(sender, instance, raw=False, **kwargs):
        if raw:
            return
        before = getattr(instance, _SNAPSHOT, None)
        after = {field: getattr(instance, field) for field in fields}
        if before != after:
            summary.apply_change(counts(before), counts(after))
        setattr(instance, _SNAPSHOT, after)

    def before_delete(sender, instance, **kwargs):
        if getattr(instance, _SNAPSHOT, None) is None:
            row = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
            setattr(instance, _SNAPSHOT, row)
        # Counted before the cascade removes what the count may need to read.
        instance._statistics_before = counts(getattr(instance, _SNAPSHOT, None))

    def deleted(sender, instance, **kwargs):
        summary.apply_change(getattr(instance, "_statistics_before", None), None)

    return remember, before_save, saved, before_delete, deleted


def _unit_renamed(sender, instance, created=False, **kwargs):
    """Units are counted by name: a new name rebuilds the years (task layer)."""
    if created or getattr(instance, "_statistics_name", instance.name) == instance.name:
        return
    from django.db import transaction

    from apps.reports import tasks

    years = summary.years_with_requests()
    transaction.on_commit(
        lambda: [tasks.refresh_statistics.enqueue(year=year) for year in years]
    )


def _unit_loaded(sender, instance, **kwargs):
    if "name" not in instance.get_deferred_fields():
        instance._statistics_name = instance.name


def _live_figure_changed(sender, **kwargs):
    summary.bump_live_version()


_HANDLERS = []


def connect() -> None:
    from django.apps import apps

    from apps.accounts.models import Unit
    from apps.info_requests.models import InformationRequest, WrittenNotice

    post_init.connect(_unit_loaded, sender=Unit, dispatch_uid="reports_unit_loaded")
    post_save.connect(_unit_renamed, sender=Unit, dispatch_uid="reports_unit_renamed")

    for model, fields, counts in (
        (InformationRequest, REQUEST_FIELDS, _request_counts),
        (WrittenNotice, NOTICE_FIELDS, _notice_counts),
    ):
        handlers = _tracker(fields, counts)
        _HANDLERS.append(handlers)  # the signals hold weak references
        uid = f"reports_statistics_{model._meta.label_lower}"
        # dispatch_uid: connected once even if ready() runs again.
        for signal, handler in zip(
            (post_init, pre_save, post_save, pre_delete, post_delete),
            handlers,
            strict=True,
        ):
            signal.connect(handler, sender=model, dispatch_uid=uid)
    for label in (
        "complaints.Complaint",
        "objections.Objection",
        "objections.Dispute",
        "objections.DisputeEvent",
        "reports.SurveyResponse",
        "channels.Conversation",
        "channels.Message",
    ):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        uid = f"reports_live_{label}"
        post_save.connect(_live_figure_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_live_figure_changed, sender=model, dispatch_uid=uid)
