"""Case numbers: PREFIX-YYYY-NNNNN, sequential per kind and calendar year, never reused.

DECISIONS.md: unique also under concurrent submissions on PostgreSQL (the
sequence row is locked with SELECT ... FOR UPDATE; SQLite serialises writers),
URL-safe (no slashes), gaps allowed (a rolled-back submission burns nothing:
the increment rolls back with it).
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import F

from apps.core.models import NumberSequence

# Months in Roman numerals, as letter and register numbers write them (XI/2026).
ROMAN_MONTHS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
)

NUMBER_RE = re.compile(r"^[A-Za-z0-9-]+-\d{4}-\d{5,}$")


def next_number(*, kind: str, year: int, prefix: str) -> str:
    """Reserve the next number of `kind` in `year`, inside the saving transaction."""
    return format_number(prefix=prefix, year=year, value=reserve(kind=kind, year=year))


def reserve(*, kind: str, year: int) -> int:
    """The next value of the sequence of `kind` in `year` (row locked until commit)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                NumberSequence.objects.get_or_create(kind=kind, year=year)
        except IntegrityError:
            pass  # another transaction created the row first; it is there now
        sequence = NumberSequence.objects.select_for_update().get(kind=kind, year=year)
        NumberSequence.objects.filter(pk=sequence.pk).update(
            last_value=F("last_value") + 1
        )
        sequence.refresh_from_db(fields=["last_value"])
    return sequence.last_value


def format_number(*, prefix: str, year: int, value: int) -> str:
    return f"{prefix.upper()}-{year:04d}-{value:05d}"


def looks_like_number(text: str) -> bool:
    return bool(NUMBER_RE.match(text or ""))
