"""One admin steps framework for every case admin (requests, objections, disputes,
complaints): a step is a small declared object, rendered by one template.

An `AdminStep` names its label, form, service and how the form's data becomes the
service's keyword arguments, the text that says what confirming it does, and
whether it is the case's primary next step. `StepsAdminMixin` gives a ModelAdmin
the page `<pk>/step/<name>/` (URL name `<app>_<model>_step`), the buttons on the
change form (templates/admin/includes/case_steps.html) and one way to run a step:

- which steps are open comes from the workflow (`Workflow.available_steps`) for
  the steps it declares; a step outside the transition table (a document, a
  hearing, LAPOR! data) says itself when it is open (`available`);
- a case outside the officer's queryset is a 404, a step the case does not have
  a 404, a step not open to this officer in this status a 403 (and not shown);
- GET shows the form; POST runs the service only once the form is valid; a
  ValidationError comes back on the form's fields, a refusal (ApplicationError)
  as an error message above the same bound form; success redirects to the case
  with one success message naming the step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from apps.core.admin import ServiceErrorsAsMessagesMixin
from apps.core.workflow import Workflow

Arguments = Callable[[Any, Any, Mapping[str, Any]], Mapping[str, Any]]


@dataclass(frozen=True)
class AdminStep:
    """One button of a case admin and the page behind it.

    `name` is the URL segment and, when the admin's workflow declares a step of
    that name, the workflow's step (its label, permission and guards decide).
    `service` is called with `arguments(case, actor, cleaned_data)`; by default
    `{<admin's step_case_kwarg>: case, "actor": actor, **cleaned_data}` (the
    form's fields are the service's keyword arguments).
    `available(user, case)` opens a step the workflow does not declare, or opens
    a declared one in a further case (a reassignment that keeps the status).
    """

    name: str
    form: type[forms.BaseForm]
    service: Callable[..., Any]
    label: Any = ""
    confirmation: Any = ""
    submit_label: Any = ""
    primary: bool = False
    arguments: Arguments | None = None
    available: Callable[[Any, Any], bool] | None = None
    initial: Callable[[Any, Any], Mapping[str, Any]] | None = None
    files: bool = False


@dataclass(frozen=True)
class OpenStep:
    """A step open to a user on a case, as the buttons and the page show it."""

    step: AdminStep
    label: str
    url: str

    @property
    def name(self) -> str:
        return self.step.name

    @property
    def primary(self) -> bool:
        return self.step.primary


class StepsAdminMixin(ServiceErrorsAsMessagesMixin):
    """Per-case workflow steps for a ModelAdmin (see the module docstring)."""

    admin_steps: Sequence[AdminStep] = ()
    step_workflow: Workflow | None = None
    # The keyword the services name the case by (info_request=, objection=, ...).
    step_case_kwarg: str = ""
    step_template = "admin/case_step.html"

    # Declaration.

    def get_admin_step(self, name: str) -> AdminStep:
        for step in self.admin_steps:
            if step.name == name:
                return step
        raise Http404

    def step_label(self, step: AdminStep) -> str:
        if step.label:
            return str(step.label)
        if self.step_workflow is not None and step.name in self.step_workflow.steps:
            return str(self.step_workflow.step(step.name).label)
        return step.name

    def step_url(self, obj, name: str) -> str:
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_step",
            args=[obj.pk, name],
        )

    # Which steps are open.

    def open_steps(self, request, obj) -> list[OpenStep]:
        """The steps `request.user` may take on `obj` now, in declaration order."""
        workflow = self.step_workflow
        opened = (
            {s.name for s in workflow.available_steps(obj, request.user)}
            if workflow is not None
            else set()
        )
        found = []
        for step in self.admin_steps:
            if step.name in opened or (
                step.available is not None and step.available(request.user, obj)
            ):
                found.append(
                    OpenStep(step, self.step_label(step), self.step_url(obj, step.name))
                )
        return found

    def is_step_open(self, request, obj, name: str) -> bool:
        """Whether the step `name` is open to `request.user` on `obj` (bulk
        actions ask this for each case, as the buttons do)."""
        return any(s.name == name for s in self.open_steps(request, obj))

    # URLs and pages.

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<int:pk>/step/<str:step>/",
                self.admin_site.admin_view(self.step_view),
                name=f"{opts.app_label}_{opts.model_name}_step",
            ),
            *super().get_urls(),
        ]

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.pk is not None:
            context["case_steps"] = self.open_steps(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def step_arguments(self, step: AdminStep, obj, actor, data) -> dict:
        if step.arguments is not None:
            return dict(step.arguments(obj, actor, data))
        return {self.step_case_kwarg: obj, "actor": actor, **data}

    def step_view(self, request, pk, step):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        declared = self.get_admin_step(step)
        current = next(
            (s for s in self.open_steps(request, obj) if s.name == declared.name),
            None,
        )
        if current is None:
            raise PermissionDenied
        initial = declared.initial(request.user, obj) if declared.initial else {}
        if request.method == "POST":
            form = declared.form(request.POST, request.FILES or None, initial=initial)
        else:
            form = declared.form(initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                done = self.run_service(
                    request,
                    _taken,
                    declared.service,
                    self.step_arguments(declared, obj, request.user, form.cleaned_data),
                )
            except ValidationError as error:
                _errors_onto(form, error)
            else:
                if done:
                    self.message_user(
                        request,
                        gettext("Done: %(step)s.") % {"step": current.label},
                        messages.SUCCESS,
                    )
                    return redirect(
                        reverse(
                            f"{self.admin_site.name}:{self.opts.app_label}_"
                            f"{self.opts.model_name}_change",
                            args=[obj.pk],
                        )
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": f"{current.label}: {obj}",
            "step": current,
            "confirmation": declared.confirmation,
            "submit_label": declared.submit_label or current.label,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, self.step_template, context)


def _taken(service, arguments) -> bool:
    """Run the step's service; True once it ran (run_service gives None on refusal)."""
    service(**arguments)
    return True


def _errors_onto(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
