from django import template

from apps.portal.display import display_context

register = template.Library()


@register.simple_tag(takes_context=True)
def display_preferences(context):
    """{"text": ..., "contrast": ...} of the visitor (validated cookie values)."""
    request = context.get("request")
    if request is None:
        return {"text": "normal", "contrast": "normal"}
    return display_context(request)


_PLAIN_WIDGETS = ("hidden", "checkbox", "radioselect", "checkboxselectmultiple")


@register.filter
def control(field):
    """The field's widget with Bootstrap's class and the ids of its help and error.

    Used by templates/includes/form_field.html, the one field template of the
    public forms: every form looks alike whether or not its class added the
    classes, and aria-describedby names only ids that the template writes
    (`<auto_id>_helptext`, `<auto_id>_error`, as Django 5.2 does).
    """
    widget = field.field.widget
    attrs = {}
    if field.widget_type not in _PLAIN_WIDGETS:
        base = (
            "form-select"
            if field.widget_type in ("select", "nullbooleanselect")
            else "form-control"
        )
        classes = widget.attrs.get("class", "")
        if "form-" not in classes:
            classes = f"{classes} {base}".strip()
        if field.errors:
            classes = f"{classes} is-invalid"
        attrs["class"] = classes
    elif field.widget_type == "checkbox":
        attrs["class"] = "form-check-input" + (" is-invalid" if field.errors else "")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    if described and field.widget_type not in ("radioselect", "checkboxselectmultiple"):
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def first_control_id(field):
    """The id an error summary links to: the input, or a group's first option."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.filter
def error_list(form):
    """[(bound field or None, message), ...]: the form's errors in field order."""
    found = [(None, error) for error in form.non_field_errors()]
    for field in form:
        found.extend((field, error) for error in field.errors)
    return found
