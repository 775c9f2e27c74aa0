"""Parts other apps add to a case's public status page (under a request: its
objections and the window to object, the satisfaction survey). The page asks this
registry for them instead of loading those apps' template tags, so a case app
depends on none of the apps that extend its page.

An app registers in AppConfig.ready: register_panel("request", template=...,
context=callable(**page) -> dict, order=...). The page renders
render_panels("request", request=..., status=..., token=...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[..., dict]
    order: int = 100


_PANELS: dict[str, list[Panel]] = {}


def register_panel(
    page: str, *, template: str, context: Callable[..., dict], order: int = 100
) -> None:
    panels = _PANELS.setdefault(page, [])
    if all(p.template != template for p in panels):
        panels.append(Panel(template, context, order))
        panels.sort(key=lambda p: p.order)


def render_panels(page: str, *, request=None, **page_context) -> list[SafeString]:
    return [
        # Safe: the template engine rendered (and autoescaped) it.
        mark_safe(
            render_to_string(
                panel.template, panel.context(**page_context), request=request
            )
        )
        for panel in _PANELS.get(page, [])
    ]
