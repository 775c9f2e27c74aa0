from django import template

from apps.pages.models import Menu, Page

register = template.Library()

_REQUEST_CACHE = "_pages_in_menus"


@register.simple_tag(takes_context=True)
def menu_pages(context, menu: str):
    """Published pages of one menu ("main" or "footer"): one query per request."""
    request = context.get("request")
    pages = getattr(request, _REQUEST_CACHE, None) if request else None
    if pages is None:
        pages = list(Page.objects.in_menus())
        if request is not None:
            setattr(request, _REQUEST_CACHE, pages)
    return [page for page in pages if page.menu == Menu(menu)]
