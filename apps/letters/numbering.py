"""Letter numbers: the numbering rule of a kind (and unit) and its sequence per year.

The rule is the unit's own when it has one, else the whole body's, else a body
rule with the default pattern is made. The sequence is apps.core.numbering's
(locked row, unique under concurrency), one per rule and year; a transaction that
rolls back gives its number back.
"""

import datetime as dt

from django.utils import timezone

from apps.accounts.models import Unit
from apps.core.numbering import ROMAN_MONTHS, reserve
from apps.letters.models import NumberingRule


def rule_for(kind: str, unit: Unit | None) -> NumberingRule:
    if unit is not None:
        own = NumberingRule.objects.filter(kind=kind, unit=unit).first()
        if own is not None:
            return own
    rule, _created = NumberingRule.objects.get_or_create(kind=kind, unit=None)
    return rule


def _unit_code(rule: NumberingRule, unit: Unit | None) -> str:
    if rule.unit_code:
        return rule.unit_code
    if unit is not None:
        return unit.code
    body = Unit.objects.filter(parent=None, kind=Unit.Kind.BODY).first()
    return body.code if body else "PPID"


def format_letter_number(
    rule: NumberingRule, *, value: int, on: dt.date, unit: Unit | None
) -> str:
    parts = {
        "code": rule.classification_code,
        "seq": f"{value:0{rule.sequence_digits}d}",
        "unit": _unit_code(rule, unit),
        "month": ROMAN_MONTHS[on.month - 1],
        "year": f"{on.year:04d}",
    }
    number = rule.pattern.format(**parts)
    # An empty part ({code} without a classification code) leaves no empty segment.
    while "//" in number:
        number = number.replace("//", "/")
    return number.strip("/ ")


def next_letter_number(
    kind: str, *, unit: Unit | None = None, when: dt.datetime | None = None
) -> str:
    """Reserve the next number of `kind` for `unit`, inside the saving transaction."""
    on = timezone.localdate(when or timezone.now())
    rule = rule_for(kind, unit)
    value = reserve(kind=f"letter-{rule.pk}", year=on.year)
    return format_letter_number(rule, value=value, on=on, unit=unit)
