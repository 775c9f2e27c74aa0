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
