"""Hooks of the disclosure log into pages other apps own: the unit page, the
statistics page and a request's admin page (one include each, no change to
their views)."""

from django import template
from django.utils import timezone

from apps.disclosure import selectors

register = template.Library()

UNIT_ITEMS = 10


@register.simple_tag
def unit_openness(unit):
    """What a unit's public page shows: figures of this year, officials, its
    published register items and answers."""
    from apps.accounts.models import User
    from apps.accounts.roles import Role
    from apps.registers.selectors import public_items

    year = timezone.localdate().year
    officials = [
        {"name": user.get_full_name() or user.username, "position": user.position}
        for user in User.objects.filter(
            is_active=True,
            units=unit,
            groups__name__in=[Role.PPID_PELAKSANA, Role.PPID_UTAMA, Role.ATASAN_PPID],
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
        .only("first_name", "last_name", "username", "position")
    ]
    return {
        "figures": selectors.unit_figures(unit, year),
        "officials": officials,
        "items": list(public_items().filter(unit=unit)[:UNIT_ITEMS]),
        "answers": list(selectors.public_answers().filter(unit=unit)[:UNIT_ITEMS]),
    }


@register.simple_tag
def request_disclosure(info_request, user):
    """The disclosure panel of a request's admin page: its entry in the log, and
    possible duplicates among the requests `user` may see."""
    from apps.accounts.roles import scope_to_user
    from apps.disclosure.models import PublishedAnswer
    from apps.info_requests.models import InformationRequest

    answer = PublishedAnswer.objects.filter(request=info_request).first()
    duplicates = selectors.possible_duplicates(info_request)
    found = [r.pk for rows in duplicates.values() for r in rows]
    visible = set(
        scope_to_user(
            InformationRequest.objects.filter(pk__in=found), user
        ).values_list("pk", flat=True)
    )
    return {
        "answer": answer,
        "may_prepare": answer is None
        and info_request.publication_consent
        and user.has_perm("disclosure.add_publishedanswer"),
        "duplicates": {
            key: [r for r in rows if r.pk in visible]
            for key, rows in duplicates.items()
        },
    }


@register.simple_tag
def published_answer_count(year: int) -> int:
    """Published answers whose written notice was issued in `year` (the
    statistics page's row for the disclosure log), cached until the next
    publish or unpublish (services.forget_published_count)."""
    return selectors.published_count(year)
