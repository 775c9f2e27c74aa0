"""Values written for machines in HTML attributes: never locale-formatted.

`{{ moment|html_datetime }}` for <time datetime>, `{{ phone|tel_uri }}` for
href="tel:...". A browser, a crawler or a screen reader reads these, not a person,
so they follow the HTML and RFC 3966 grammars rather than the reader's language.
"""

import datetime as dt

import phonenumbers

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    """A valid HTML date or global date-and-time string, in the portal's time
    zone, to the second: 2026-03-02T09:00:00+08:00 (HTML allows at most three
    digits of a second's fraction; isoformat would write six)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""


@register.filter
def tel_uri(value) -> str:
    """A tel: URI (RFC 3966, global number) for an Indonesian or international
    phone number as typed, "(0549) 21010" -> "tel:+62-549-21010"; "" when the
    text is not a phone number (then show it without a link)."""
    try:
        number = phonenumbers.parse(str(value or ""), "ID")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
