"""A request from filing to outcome in the browser: the citizen files it with an
identity scan, the officer assigns, extends and decides it in the admin, the citizen
reads the outcome and answers the survey. Also: finding and downloading a
published document, the statistics page under axe, the request form on a phone."""

from django.core.files.base import ContentFile
from django.urls import reverse

from apps.accounts.models import Unit
from apps.accounts.roles import Role
from apps.info_requests.models import InformationRequest, Status
from apps.reports.models import SurveyResponse
from tests.e2e.axe import violations
from tests.e2e.test_site import PHONE, _horizontal_overflow
from tests.info_requests.factories import VALID_NIK
from tests.registers.factories import DocumentFactory, InformationItemFactory

PASSWORD = "correct-horse-battery"


def _fill_request_form(page, sample_pdf):
    page.check("input[name=applicant_type][value=individual]")
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
    page.fill("#id_information_requested", "Data kasus DBD per kecamatan tahun 2025")
    page.fill("#id_purpose", "Penelitian skripsi kesehatan masyarakat")
    page.check("input[name=access_method][value=copy]")
    page.select_option("#id_copy_format", "softcopy")
    page.select_option("#id_delivery_method", "email")
    page.select_option("#id_unit", "dinkes")


def _officer_step(page, base, pk, step, fill):
    page.goto(f"{base}/admin/info_requests/informationrequest/{pk}/step/{step}/")
    fill()
    page.locator(
        "#content-main input[type=submit], #content input[type=submit]"
    ).first.click()
    page.wait_for_load_state()


def test_request_from_filing_to_outcome(demo_site, new_page, officer, sample_pdf):
    base = demo_site.url
    citizen = new_page()
    citizen.goto(base + "/permohonan/ajukan/")
    _fill_request_form(citizen, sample_pdf)
    citizen.locator("main form button[type=submit]").last.click()
    citizen.wait_for_url("**/permohonan/ajukan/terkirim/**")
    request = InformationRequest.objects.get()
    assert request.identity_document  # the scan was stored (encrypted)
    assert request.registration_number in citizen.content()

    citizen.locator("main a[href*='/permohonan/status/']").first.click()
    citizen.wait_for_url("**/permohonan/status/**")
    status_url = citizen.url
    assert request.registration_number in citizen.content()
    assert "Siti Aminah" not in citizen.content()  # no personal data on the page

    officer(Role.PPID_UTAMA, username="utama", email="utama@kutim.go.id")
    desk = new_page()
    desk.goto(base + "/admin/login/")
    desk.fill("#id_username", "utama")
    desk.fill("#id_password", PASSWORD)
    desk.locator("input[type=submit]").click()
    desk.wait_for_url(base + "/admin/")
    dinkes = Unit.objects.get(slug="dinkes")
    _officer_step(
        desk,
        base,
        request.pk,
        "assign",
        lambda: desk.select_option("#id_unit", str(dinkes.pk)),
    )
    request.refresh_from_db()
    assert request.status == Status.IN_PROCESS
    assert request.unit == dinkes
    _officer_step(
        desk,
        base,
        request.pk,
        "extend",
        lambda: desk.fill("#id_reason", "Data tersebar di puskesmas se-kabupaten"),
    )
    request.refresh_from_db()
    assert request.status == Status.EXTENDED

    def decide():
        desk.select_option("#id_control", "held")
        desk.select_option("#id_decision", "granted")
        desk.fill("#id_information_given", "Rekap kasus DBD per kecamatan 2025")
        desk.select_option("#id_form_given", "softcopy")
        desk.select_option("#id_delivery_method", "email")

    _officer_step(desk, base, request.pk, "decide", decide)
    request.refresh_from_db()
    assert request.status == Status.DECIDED

    citizen.goto(status_url)
    citizen.wait_for_selector("a[href*='/pemberitahuan/']")
    assert citizen.locator(".badge.text-bg-success").count() == 1
    # The outcome is followed by the invitation to the satisfaction survey.
    citizen.locator("main a[href*='/statistik/survei/']").click()
    for code in range(1, 10):
        citizen.check(f"input[name=u{code}][value='4']")
    citizen.fill("#id_comment", "Cepat dan jelas")
    citizen.locator("main form button[type=submit]").click()
    citizen.wait_for_selector("h1")
    assert SurveyResponse.objects.get(request=request).comment == "Cepat dan jelas"

    # The citizen objects: a notice was issued (ground d), nothing delivered yet (e).
    from apps.objections.models import Objection

    citizen.goto(base + reverse("objections:submit"))
    citizen.fill("#id_number", request.registration_number)
    citizen.fill("#id_contact", "siti@example.com")
    citizen.locator("main form button[type=submit]").click()
    citizen.wait_for_selector("input[name=grounds][value=d]")
    assert citizen.locator("input[name=grounds][value=a]").count() == 0  # not refused
    citizen.check("input[name=grounds][value=d]")
    citizen.fill(
        "#id_reason", "Data yang diberikan bukan per kecamatan seperti diminta."
    )
    citizen.locator("main form button[type=submit]").click()
    citizen.wait_for_url("**/keberatan/**")
    objection = Objection.objects.get(request=request)
    assert objection.grounds == ["d"]
    assert objection.number in citizen.content()


def test_search_and_download_a_published_document(demo_site, page, sample_pdf):
    dinkes = Unit.objects.get(slug="dinkes")
    item = InformationItemFactory(
        published=True,
        title="Profil Kesehatan Kabupaten Kutai Timur 2025",
        unit=dinkes,
    )
    DocumentFactory(
        item=item,
        title="Profil Kesehatan 2025",
        external_url="",
        file=ContentFile(sample_pdf, name="profil.pdf"),
        original_filename="profil-kesehatan-2025.pdf",
        content_type="application/pdf",
    )
    InformationItemFactory(published=True, title="Laporan Keuangan BPBD", unit=dinkes)
    page.goto(demo_site.url + "/")
    page.fill("#home-search", "Profil Kesehatan")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**/informasi/?q=*")
    assert page.get_by_text("Laporan Keuangan BPBD").count() == 0
    page.get_by_role("link", name=item.title).first.click()
    with page.expect_download() as info:
        page.locator("a[href*='/unduh/']").first.click()
    download = info.value
    assert download.suggested_filename == "profil-kesehatan-2025.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_statistics_and_report_pages_pass_axe(demo_site, page):
    from tests.reports.factories import AnnualReportFactory

    AnnualReportFactory(public=True)
    failures = {}
    for path in ["/statistik/", "/statistik/survei/", "/laporan/", "/laporan/2026/"]:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        found = violations(page)
        if found:
            failures[path] = found
    assert failures == {}


def test_request_form_can_be_filed_on_a_phone(demo_site, new_page, sample_pdf):
    page = new_page(**PHONE)
    page.goto(demo_site.url + "/permohonan/ajukan/")
    _fill_request_form(page, sample_pdf)
    button = page.locator("main form button[type=submit]").last
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box is not None
    assert box["width"] <= 360
    assert box["height"] >= 24  # a touch target
    button.click()
    page.wait_for_url("**/permohonan/ajukan/terkirim/**")
    assert _horizontal_overflow(page) <= 0
    assert InformationRequest.objects.count() == 1


WIDER_THAN_A_PHONE = """() => Array.from(document.querySelectorAll("main *"))
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .map((el) => el.id || el.tagName)"""


def test_request_form_fits_a_phone_screen(demo_site, new_page):
    page = new_page(**PHONE)
    page.goto(demo_site.url + "/permohonan/ajukan/")
    assert page.evaluate(WIDER_THAN_A_PHONE) == []
    assert _horizontal_overflow(page) <= 0
