"""Structured event data: written as values, rendered in the reader's language.

A service passes `message` (an English msgid marked with gettext_noop) and params;
a choice (a TextChoices member) is stored as a reference and shown with its label
in the language active when the event is displayed, dates as ISO dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import import_module
from typing import Any

from django.db import models
from django.utils.translation import gettext


def serialize(params: Mapping[str, Any] | None) -> dict:
    """Params as JSON: choices as {"choice": path, "value": v}, dates as ISO."""
    stored = {}
    for key, value in (params or {}).items():
        if isinstance(value, models.Choices):
            kind = type(value)
            stored[key] = {
                "choice": f"{kind.__module__}:{kind.__qualname__}",
                "value": value.value,
            }
        elif isinstance(value, dt.date):
            stored[key] = value.isoformat()
        elif isinstance(value, list | tuple):
            stored[key] = [str(item) for item in value]
        elif value is None or isinstance(value, bool | int | float):
            stored[key] = value
        else:
            stored[key] = str(value)
    return stored


def _choices(path: str):
    """ "module:Outer.Inner" → the class (choices may be nested in a model)."""
    module, _colon, qualname = path.partition(":")
    found = import_module(module)
    for name in qualname.split("."):
        found = getattr(found, name)
    return found


def _display(value) -> str:
    if isinstance(value, dict) and "choice" in value:
        try:
            return str(_choices(value["choice"])(value["value"]).label)
        except (ImportError, AttributeError, ValueError):
            return str(value.get("value", ""))
    if isinstance(value, list):
        return ", ".join(value)
    return "-" if value is None else str(value)


def render_text(event) -> str:
    params = {key: _display(value) for key, value in (event.data or {}).items()}
    text = ""
    if event.message:
        try:
            text = gettext(event.message) % params
        except (KeyError, TypeError, ValueError):
            text = event.message  # a damaged row still shows something
    return " ".join(part for part in (text, event.note) if part)


# A message that is only a label in the reader's language (a decision, an outcome);
# it needs no catalogue entry.
LABEL = "%(label)s"
