"""axe-core on every public page that exists, in both languages and both themes."""

from django.urls import NoReverseMatch, reverse

from apps.pages.demo_content import PAGES
from tests.e2e.axe import violations

PATHS = ["/", "/unit/dinkes/", *[f"/halaman/{slug}/" for slug, *_ in PAGES]]

# Public pages of the case and register apps, checked once they exist.
APP_URL_NAMES = [
    "registers:list",
    "info_requests:submit",
    "info_requests:status",
    "objections:submit",
    "complaints:submit",
]


def _app_paths() -> list[str]:
    paths = []
    for name in APP_URL_NAMES:
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return paths


def _check(page, base_url, paths) -> dict[str, list]:
    failures = {}
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, path
        found = violations(page)
        if found:
            failures[path] = found
    return failures


def test_no_serious_violations_on_public_pages(demo_site, page):
    assert _check(page, demo_site.url, PATHS) == {}


def test_no_serious_violations_on_app_pages(demo_site, page):
    assert _check(page, demo_site.url, _app_paths()) == {}


def test_no_serious_violations_in_english(demo_site, page):
    page.goto(demo_site.url + "/")
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="Ganti bahasa").click()
    page.wait_for_selector("html[lang=en]")
    assert _check(page, demo_site.url, ["/", "/unit/dinkes/", "/halaman/faq/"]) == {}


def test_no_serious_violations_in_high_contrast_and_large_text(demo_site, page):
    page.goto(demo_site.url + "/tampilan/?contrast=high&text=larger&next=/")
    assert page.locator("html.contrast-high.text-larger").count() == 1
    paths = ["/", "/halaman/tata-cara/", "/halaman/struktur-organisasi/"]
    assert _check(page, demo_site.url, paths) == {}


def test_images_have_alt_text_and_forms_labels(demo_site, page):
    for path in ["/", "/halaman/tata-cara/"]:
        page.goto(demo_site.url + path)
        assert page.locator("img:not([alt])").count() == 0
        for control in page.locator("select, input:not([type=hidden])").all():
            assert control.evaluate("el => el.labels.length > 0"), path


def test_axe_reports_what_it_should(demo_site, page):
    """The check above can fail: a page with known faults shows them."""
    page.set_content(
        '<html lang="id"><body><main><img src="x.png">'
        '<input type="text"><p style="color:#bbb;background:#fff">abu</p>'
        "</main></body></html>"
    )
    ids = {violation["id"] for violation in violations(page)}
    assert {"image-alt", "label", "color-contrast"} <= ids
