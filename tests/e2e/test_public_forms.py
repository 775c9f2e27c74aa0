"""Issue 19 items 5, 6 and 8 in the browser, at 360×740 (phone) and 1366×768:
the anonymous complaint, the objection form, the error summary with the keyboard
only, messages that clear when fixed, and no layout shift above 0.1 on any
public page (measured in the page with a PerformanceObserver)."""

import re
import time

import pytest

from apps.complaints.models import Complaint
from apps.objections.models import Objection
from tests.e2e.axe import violations
from tests.e2e.test_site import _horizontal_overflow
from tests.info_requests.factories import VALID_NIK

VIEWPORTS = {
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True},
    "desktop": {"viewport": {"width": 1366, "height": 768}},
}


@pytest.fixture(params=sorted(VIEWPORTS))
def screen(request, new_page):
    """A page at one of the two sizes."""
    page = new_page(**VIEWPORTS[request.param])
    page.screen_name = request.param
    return page


def _submit(page):
    page.locator("main form[data-public-form] button[type=submit]").last.click()


def test_anonymous_complaint(demo_site, screen):
    page = screen
    page.goto(demo_site.url + "/pengaduan/ajukan/")
    name = page.locator("#id_reporter_name")
    page.fill("#id_reporter_name", "Budi Santoso")
    page.fill("#id_reporter_phone", "0812 5400 1234")
    page.check("#id_is_confidential")
    page.get_by_label("Secara anonim").check()
    # The identity fields are switched off and emptied, and say so.
    for field in ["reporter_name", "reporter_nik", "reporter_phone", "reporter_email"]:
        control = page.locator(f"#id_{field}")
        assert control.is_disabled(), field
        assert control.input_value() == "", field
    assert not page.locator("#id_is_confidential").is_checked()
    assert page.locator("[data-identity-note]").is_visible()
    # Back to "with my name": usable again, and still empty.
    page.get_by_label("Dengan nama dan kontak saya").check()
    assert name.is_enabled()
    assert name.input_value() == ""
    page.get_by_label("Secara anonim").check()

    page.select_option("#id_classification", "complaint")
    page.fill("#id_title", "Lampu jalan padam")
    page.fill("#id_description", "Lampu jalan di Jl. Yos Sudarso padam dua minggu.")
    assert _horizontal_overflow(page) <= 0
    _submit(page)
    page.wait_for_url("**/pengaduan/terkirim/**")
    complaint = Complaint.objects.get()
    assert complaint.is_anonymous
    assert complaint.reporter_name == ""
    assert complaint.reporter_phone == ""
    assert complaint.number in page.content()


def test_objection_form(demo_site, screen, sample_pdf):
    page = screen
    page.goto(demo_site.url + "/keberatan/ajukan/")
    # The start form looks like the others: Bootstrap controls, full width.
    number = page.locator("#id_number")
    assert "form-control" in number.get_attribute("class")
    _submit(page)  # empty: the browser-side summary, no round trip
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert summary.locator("li").count() == 2
    assert page.evaluate("document.activeElement.id") == "form-errors"

    page.goto(demo_site.url + "/keberatan/ajukan/informasi-berkala/")
    assert _horizontal_overflow(page) <= 0
    page.fill("#id_name", "Siti Aminah")
    page.fill("#id_nik", VALID_NIK)
    page.fill("#id_address", "Jl. Soekarno-Hatta No. 5, Sangatta Utara")
    page.fill("#id_phone", "0812 5400 1234")
    page.fill("#id_email", "siti@example.com")
    page.set_input_files(
        "#id_identity_document",
        files=[
            {"name": "ktp.pdf", "mimeType": "application/pdf", "buffer": sample_pdf}
        ],
    )
    page.check("input[name=grounds][value=b]")
    page.fill("#id_reason", "Laporan keuangan 2025 belum diumumkan di situs.")
    page.fill("#id_purpose", "Pengawasan anggaran oleh warga")
    # The representative part is folded, and opens on demand.
    assert not page.locator("#id_representative_name").is_visible()
    _submit(page)
    page.wait_for_url("**/keberatan/ajukan/terkirim/**")
    objection = Objection.objects.get()
    assert objection.grounds == ["b"]
    assert objection.number in page.content()


def _tab_to(page, predicate_js: str, limit: int = 250) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    pytest.fail(f"not reached with Tab: {predicate_js}")


def test_error_summary_with_the_keyboard_only(demo_site, screen):
    page = screen
    page.goto(demo_site.url + "/permohonan/ajukan/")
    _tab_to(
        page,
        "document.activeElement.matches('form[data-public-form] button[type=submit]')",
    )
    page.keyboard.press("Enter")
    summary = page.locator("#form-errors")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "form-errors"
    title = page.locator("#form-errors-title").inner_text()
    count = summary.locator("li").count()
    assert count >= 4  # name, address, information, purpose
    assert title == f"Ada {count} masalah pada formulir"
    first = summary.locator("li a").first
    assert first.inner_text() == "Nama lengkap: Isian ini wajib diisi."

    page.keyboard.press("Tab")  # the first link of the summary
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_name"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_name"
    name = page.locator("#id_name")
    # The message is beside the field and read with it.
    assert name.get_attribute("aria-invalid") == "true"
    assert "id_name_error" in name.get_attribute("aria-describedby")
    assert "id_name_helptext" in name.get_attribute("aria-describedby")
    assert page.locator("#id_name_error").inner_text() == "Isian ini wajib diisi."

    page.keyboard.type("Siti Aminah")
    # Fixed: the message, the red border and the summary line go at once.
    assert page.locator("#id_name_error").count() == 0
    assert name.get_attribute("aria-invalid") is None
    assert "is-invalid" not in name.get_attribute("class")
    assert "id_name_error" not in (name.get_attribute("aria-describedby") or "")
    assert summary.locator("li").count() == count - 1
    assert page.locator("#form-errors-title").inner_text() == (
        f"Ada {count - 1} masalah pada formulir"
    )


def test_server_errors_clear_when_fixed(demo_site, screen):
    """A field the server refused loses its message once it is corrected."""
    page = screen
    page.goto(demo_site.url + "/pengaduan/ajukan/")
    page.fill("#id_reporter_email", "bukan-email")
    # Send without the browser's checks (form.submit() skips the submit event):
    # the server's summary and messages.
    with page.expect_navigation():
        page.evaluate("document.querySelector('form[data-public-form]').submit()")
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "form-errors"
    links = summary.locator("li a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert {"#id_title", "#id_description", "#id_reporter_email"} <= hrefs
    page.fill("#id_title", "Lampu jalan padam")
    assert page.locator("#id_title_error").count() == 0
    assert summary.locator("li[data-for=title]").count() == 0
    assert summary.locator("li[data-for=description]").count() == 1


# The public pages: every page a citizen reaches without an account.
PUBLIC_PATHS = [
    "/",
    "/informasi/",
    "/informasi/dikecualikan/",
    "/permohonan/ajukan/",
    "/permohonan/status/",
    "/keberatan/ajukan/",
    "/keberatan/ajukan/informasi-berkala/",
    "/keberatan/status/",
    "/pengaduan/ajukan/",
    "/pengaduan/status/",
    "/statistik/",
    "/statistik/survei/",
    "/laporan/",
    "/unit/dinkes/",
    "/halaman/tata-cara/",
    "/halaman/faq/",
    "/halaman-yang-tidak-ada/",
]

CLS = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1200);
})"""


def _slow_scripts(page, seconds=0.6):
    """Scripts arrive late, as on a slow phone network (Lighthouse's case)."""

    def delay(route):
        time.sleep(seconds)
        route.continue_()

    page.route(re.compile(r".*\.js(\?.*)?$"), delay)


def test_no_layout_shift_on_any_public_page(demo_site, screen):
    page = screen
    _slow_scripts(page)
    shifts = {}
    for path in PUBLIC_PATHS:
        page.goto(demo_site.url + path)
        page.wait_for_load_state("load")
        shifts[path] = page.evaluate(CLS)
    assert {p: v for p, v in shifts.items() if v >= 0.1} == {}


def test_no_serious_axe_violations_on_any_public_page(demo_site, screen):
    page = screen
    failures = {}
    for path in PUBLIC_PATHS:
        page.goto(demo_site.url + path)
        found = violations(page)
        if found:
            failures[path] = found
    # A form showing its error summary and messages.
    page.goto(demo_site.url + "/permohonan/ajukan/")
    _submit(page)
    page.locator("#form-errors").wait_for(state="visible")
    if found := violations(page):
        failures["request form with errors"] = found
    assert failures == {}


def test_exempt_register_reads_on_a_phone(demo_site, new_page):
    from apps.accounts.models import Unit
    from tests.registers.factories import ExemptInformationFactory

    diskominfo = Unit.objects.get(slug="diskominfo")
    for title in [
        "Data pribadi penerima bantuan sosial",
        "Konfigurasi keamanan jaringan dan persandian",
    ]:
        ExemptInformationFactory(
            title=title,
            unit=diskominfo,
            consequence_if_opened="Stigma sosial dan penyalahgunaan data penerima.",
            interest_if_closed="Martabat dan privasi penerima bantuan.",
        )
    page = new_page(**VIEWPORTS["phone"])
    page.goto(demo_site.url + "/informasi/dikecualikan/")
    assert _horizontal_overflow(page) <= 0
    rows = page.locator("table.table-cards tbody tr")
    assert rows.count() == 2
    # Each row is a card as wide as the screen, not a squeezed column.
    widths = page.evaluate(
        "Array.from(document.querySelectorAll('table.table-cards tbody td'))"
        ".map((td) => td.getBoundingClientRect().width)"
    )
    assert min(widths) > 250
    label = page.evaluate(
        "getComputedStyle(document.querySelector("
        "'table.table-cards td[data-label]'), '::before').content"
    )
    assert label == '"Unit"'
    # The page is a sensible length: 1-3 letter fragments made it 7,989 px.
    heights = page.evaluate(
        "Array.from(document.querySelectorAll('table.table-cards tbody tr'))"
        ".map((tr) => tr.getBoundingClientRect().height)"
    )
    assert max(heights) < 700, heights


def test_menu_groups_open_on_a_phone_and_without_a_mouse(demo_site, new_page):
    page = new_page(**VIEWPORTS["phone"])
    page.goto(demo_site.url + "/")
    page.get_by_role("button", name="Menu").click()
    services = page.get_by_role("button", name="Layanan")
    services.click()
    assert services.get_attribute("aria-expanded") == "true"
    page.get_by_role("link", name="Ajukan pengaduan", exact=True).first.click()
    page.wait_for_url("**/pengaduan/ajukan/")

    page = new_page(**VIEWPORTS["desktop"])
    page.goto(demo_site.url + "/")
    reports = page.get_by_role("button", name="Statistik & Laporan")
    reports.focus()
    page.keyboard.press("Enter")
    statistics = page.get_by_role("link", name="Statistik layanan", exact=True)
    assert statistics.is_visible()
    statistics.click()
    page.wait_for_url("**/statistik/")
