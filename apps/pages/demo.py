"""Demo pages of PPID Kabupaten Kutai Timur (idempotent: unchanged pages stay
untouched, so running load_demo twice adds no history rows)."""

from django.utils.formats import date_format
from django.utils.html import escape, linebreaks

from apps.core.models import BodyProfile
from apps.pages.demo_content import PAGES
from apps.pages.models import Page
from apps.pages.sanitize import clean_html


def _values(profile: BodyProfile) -> dict[str, str]:
    fields = [
        "name",
        "ppid_name",
        "phone",
        "whatsapp",
        "email",
        "maklumat",
        "head_of_ppid",
        "superior_name",
        "superior_position",
    ]
    values = {field: escape(getattr(profile, field)) for field in fields}
    values["decree_number"] = escape(profile.ppid_decree_number or "-")
    values["decree_date"] = (
        date_format(profile.ppid_decree_date, "j F Y")
        if profile.ppid_decree_date
        else "-"
    )
    values["address_html"] = linebreaks(profile.address, autoescape=True).removeprefix(
        "<p>"
    )
    values["address_html"] = values["address_html"].removesuffix("</p>")
    values["office_hours_html"] = "<br>".join(
        escape(line) for line in profile.office_hours.splitlines()
    )
    return values


def load(*, stdout, **context) -> dict:
    values = _values(BodyProfile.load())
    pages = {}
    for slug, title, menu, ordering, description, body, *menu_title in PAGES:
        wanted = {
            "title": title,
            "menu_title": menu_title[0] if menu_title else "",
            "menu": menu,
            "ordering": ordering,
            "meta_description": description,
            "body": clean_html(body.format(**values)),
            "is_published": True,
        }
        page = Page.objects.filter(slug=slug).first() or Page(slug=slug)
        if page._state.adding or any(
            getattr(page, field) != value for field, value in wanted.items()
        ):
            for field, value in wanted.items():
                setattr(page, field, value)
            page.save()
        pages[slug] = page
    stdout.write(f"Pages: {len(pages)} published.")
    return {"pages": pages}
