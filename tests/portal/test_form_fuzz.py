"""Hostile input to every public page and form gets a 4xx or a form error, never a
5xx.

The pages come from the URL resolver (every route outside /admin/, /api/, which
tests/api/test_fuzz.py covers, and the signed webhooks), their path parameters
filled with plausible and hostile values; the forms come from the pages
themselves, with every field they have. A new page, form or field is fuzzed
without touching this file. Routes given as regular expressions (the statistics
downloads) are tested in tests/reports/test_views.py.
"""

from html.parser import HTMLParser
from urllib.parse import quote, urlencode, urljoin

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from apps.core.tracking import make_status_token
from apps.reports.survey import survey_url
from tests.pages.factories import PageFactory
from tests.registers.factories import InformationItemFactory
from tests.reports.factories import at, decided_request

NUL = "x\x00y"
LONG = "a" * 20_000
SKIPPED_PREFIXES = ("admin/", "api/", "webhooks/", "media/")
CONVERTER_VALUES = {
    "int": ["1", "99999999999999999999"],
    "str": ["x", "a" * 3000, quote(NUL)],
    "slug": ["x", "a" * 3000],
    "path": ["x/y", quote(NUL)],
}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, RoutePattern):
                yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and isinstance(
            pattern.pattern, RoutePattern
        ):
            yield prefix + str(pattern.pattern)


def _concrete(route: str) -> list[str]:
    """The route with each parameter replaced, one variant per kind of value."""
    parts = route.replace(">", "<").split("<")
    if len(parts) == 1:
        return ["/" + route]
    urls = []
    for variant in range(3):
        url = ""
        for i, part in enumerate(parts):
            if i % 2 == 0:
                url += part
            else:
                converter = part.split(":")[0] if ":" in part else "str"
                values = CONVERTER_VALUES.get(converter, ["x"])
                url += values[min(variant, len(values) - 1)]
        urls.append("/" + url)
    return list(dict.fromkeys(urls))


PUBLIC_URLS = [
    url
    for route in _routes(get_resolver().url_patterns)
    if not route.startswith(SKIPPED_PREFIXES)
    for url in _concrete(route)
]


class FormFinder(HTMLParser):
    """Every <form> of a page: method, action and its fields (name, kind, values)."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "enctype": attrs.get("enctype") or "",
                    "fields": {},
                }
            )
        elif not self.forms or not attrs.get("name"):
            return
        elif tag in ("input", "textarea", "select"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            values = [attrs["value"]] if attrs.get("value") else []
            field = self.forms[-1]["fields"].setdefault(
                attrs["name"], {"kind": kind, "values": []}
            )
            field["values"] += values
            self._select = field if tag == "select" else None
        if tag == "option" and self._select is not None and attrs.get("value"):
            self._select["values"].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _forms(html: str, page_url: str) -> list[dict]:
    finder = FormFinder()
    finder.feed(html)
    for form in finder.forms:
        form["action"] = urljoin(page_url, form["action"] or page_url)
    return finder.forms


WRONG_TYPES = {
    "number": "abc",
    "date": "2026-02-31",
    "datetime-local": "yesterday",
    "email": "not-an-address",
    "tel": "++--",
    "checkbox": "maybe",
    "radio": "none-of-them",
    "select": "not-a-choice",
}


def _form_data(form: dict) -> list[dict]:
    """A plausible filling of the form, then hostile ones."""
    fields = form["fields"]
    plain = {
        name: (field["values"][0] if field["values"] else "Budi Santoso")
        for name, field in fields.items()
        if field["kind"] not in ("file", "submit")
    }
    variants = [
        plain,
        dict.fromkeys(plain, NUL),
        dict.fromkeys(plain, LONG),
        dict.fromkeys(plain, ["a", "b"]),
        {**plain, **{n: WRONG_TYPES.get(f["kind"], 10**30) for n, f in fields.items()}},
        {NUL: "1", **plain},
    ]
    files = [name for name, field in fields.items() if field["kind"] == "file"]
    if files:
        junk = {
            name: SimpleUploadedFile(f"ktp{NUL}.pdf", b"not a pdf", "application/pdf")
            for name in files
        }
        variants.append({**plain, **junk})
    return variants


@pytest.fixture
def public_rows(units, settings):
    """Rows that give the pages with a token or slug something real to show."""
    settings.PUBLIC_FORM_RATE = "100000/h"
    decided = decided_request(
        received=at(2026, 3, 2), decided=at(2026, 3, 6), decision="granted"
    )
    item = InformationItemFactory(unit=units["dinkes"], published=True)
    page = PageFactory()
    status_token = make_status_token("request", decided.registration_number)
    return [
        survey_url(decided.registration_number),
        f"/permohonan/status/{status_token}/",
        item.get_absolute_url(),
        page.get_absolute_url(),
        f"/unit/{units['dinkes'].slug}/",
    ]


def _send(client, method: str, url: str, data=None):
    if method == "get":
        query = urlencode(data or {}, doseq=True)
        return client.get(f"{url}?{query}" if query else url)
    return client.post(url, data or {})


def test_the_resolver_lists_the_public_forms():
    for url in ["/permohonan/ajukan/", "/pengaduan/ajukan/", "/keberatan/ajukan/"]:
        assert url in PUBLIC_URLS
    assert len(PUBLIC_URLS) >= 40


@pytest.mark.django_db
def test_hostile_input_to_pages_and_forms_never_gives_a_server_error(
    client, public_rows
):
    client.raise_request_exception = False
    bad, forms, seen = [], [], set()
    for url in PUBLIC_URLS + public_rows:
        page = client.get(url)
        if page.status_code >= 500:
            bad.append(("GET", url[:120], page.status_code))
        for query in ({"q": NUL, "year": NUL}, {"q": LONG, "page": "9" * 20}):
            response = _send(client, "get", url, query)
            if response.status_code >= 500:
                bad.append(("GET", url[:120], sorted(query), response.status_code))
        if page.status_code == 200 and "html" in page.get("Content-Type", ""):
            for form in _forms(page.content.decode(), url):
                key = (form["method"], form["action"], tuple(sorted(form["fields"])))
                if key not in seen:
                    seen.add(key)
                    forms.append(form)
    assert len(forms) >= 8, [f["action"] for f in forms]
    for form in forms:
        for data in _form_data(form):
            response = _send(client, form["method"], form["action"], data)
            if response.status_code >= 500:
                fields = sorted(data)[:5]
                bad.append(
                    (form["method"], form["action"], fields, response.status_code)
                )
    assert bad == []
