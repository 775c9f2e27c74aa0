"""Every database constraint of the project's models, and the tests that break them.

A constraint is a `Meta.constraints` entry (by its name), a `unique=True` field
other than the primary key (as `app_label.Model.field`) or a `unique_together`
(as `app_label.Model:unique_together:a,b`). Each one has a test, marked with
`@covers(key)`, that writes around `full_clean()` (queryset `update`, `bulk_create`,
a plain `save`) and expects the database itself to refuse the row through
`violates(key)`: the IntegrityError has to name that constraint (or its columns), so
a test cannot pass on some other NOT NULL or foreign-key error.
tests/test_constraints.py fails when a constraint has no test.

List them: `.venv/bin/python -m tests.db_constraints` (DATABASE_URL as for the site).
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
from collections.abc import Callable, Iterator

import pytest

from django.apps import apps
from django.db import IntegrityError, models, transaction

# constraint key -> the tests ("module::Class.test_name") that violate it
COVERED: dict[str, list[str]] = {}


def covers(*keys: str) -> Callable:
    """Register the decorated test as the one that violates these constraints."""

    def register(test: Callable) -> Callable:
        for key in keys:
            COVERED.setdefault(key, []).append(
                f"{test.__module__}::{test.__qualname__}"
            )
        test.covered_constraints = keys
        return test

    return register


@dataclasses.dataclass(frozen=True)
class DbConstraint:
    key: str
    model: type[models.Model]
    kind: str  # "check" or "unique"
    columns: tuple[str, ...] = ()
    name: str = ""  # the database's name for it, when the project chose one

    def __str__(self) -> str:
        return f"{self.model._meta.label:32} {self.kind:6} {self.key}"


def _columns(model, field_names) -> tuple[str, ...]:
    return tuple(model._meta.get_field(name).column for name in field_names)


def project_constraints() -> dict[str, DbConstraint]:
    """The constraints of every concrete model of apps/, keyed as described above."""
    found: dict[str, DbConstraint] = {}
    for model in apps.get_models():
        meta = model._meta
        if not model.__module__.startswith("apps.") or meta.proxy or not meta.managed:
            continue
        for constraint in meta.constraints:
            if isinstance(constraint, models.CheckConstraint):
                entry = DbConstraint(
                    constraint.name, model, "check", (), constraint.name
                )
            elif isinstance(constraint, models.UniqueConstraint):
                entry = DbConstraint(
                    constraint.name,
                    model,
                    "unique",
                    _columns(model, constraint.fields),
                    constraint.name,
                )
            else:  # pragma: no cover - e.g. an ExclusionConstraint: add its kind here
                raise NotImplementedError(f"{constraint!r} on {meta.label}")
            found[entry.key] = entry
        for field in meta.local_concrete_fields:
            if field.unique and not field.primary_key:
                key = f"{meta.label}.{field.name}"
                found[key] = DbConstraint(key, model, "unique", (field.column,))
        for fields in meta.unique_together:
            key = f"{meta.label}:unique_together:{','.join(fields)}"
            found[key] = DbConstraint(key, model, "unique", _columns(model, fields))
    return found


@contextlib.contextmanager
def violates(key: str) -> Iterator[None]:
    """The block's write is refused by the database because of constraint `key`.

    The write runs in a savepoint, so the test can go on using the database.
    """
    constraint = project_constraints()[key]
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        yield
    message = str(error.value)
    if constraint.kind == "check":
        # SQLite: "CHECK constraint failed: <name>"; PostgreSQL: '... violates check
        # constraint "<name>"'.
        assert constraint.name in message, message
    else:
        # SQLite: "UNIQUE constraint failed: table.column, ..."; PostgreSQL: the
        # index name, then "DETAIL: Key (column, ...)=(...) already exists."
        assert (constraint.name and constraint.name in message) or all(
            column in message for column in constraint.columns
        ), message


def covering_test_sources() -> dict[str, str]:
    """The source of every test registered with @covers (imports the test modules
    that use it, so that their decorators have run)."""
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("test_*.py")):
        if "@covers(" in path.read_text(encoding="utf-8"):
            relative = path.relative_to(root.parent).with_suffix("")
            importlib.import_module(".".join(relative.parts))
    sources = {}
    for tests in COVERED.values():
        for test_id in tests:
            module_name, qualname = test_id.split("::")
            target = importlib.import_module(module_name)
            for part in qualname.split("."):
                target = getattr(target, part)
            sources[test_id] = inspect.getsource(target)
    return sources


if __name__ == "__main__":  # pragma: no cover - the listing script
    import os
    from collections import Counter

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_portal.settings")
    os.environ.setdefault("DEBUG", "1")  # a listing, not a server: no secrets needed
    django.setup()
    everything = project_constraints()
    for entry in sorted(
        everything.values(), key=lambda e: (e.model._meta.label, e.key)
    ):
        print(entry)
    by_app = Counter(e.model._meta.app_label for e in everything.values())
    named = Counter(e.model._meta.app_label for e in everything.values() if e.name)
    print()
    for app_label in sorted(by_app):
        print(
            f"{app_label:14} {named[app_label]:3} in Meta.constraints, "
            f"{by_app[app_label] - named[app_label]:3} unique fields"
        )
    print(
        f"{'total':14} {sum(named.values()):3} in Meta.constraints, "
        f"{len(everything) - sum(named.values()):3} unique fields"
    )
