"""The request form's 'mungkin sudah tersedia' hint in a real browser, and the
disclosure log's pages passing axe."""

from apps.accounts.models import Unit
from apps.registers.services import refresh_search_vector
from tests.e2e.axe import violations
from tests.registers.factories import InformationItemFactory


def test_typing_the_information_wanted_shows_what_is_already_there(demo_site, page):
    item = InformationItemFactory(
        published=True,
        title="Jumlah kasus demam berdarah dengue per kelurahan 2025",
        unit=Unit.objects.get(slug="dinkes"),
    )
    refresh_search_vector(item.pk)
    page.goto(demo_site.url + "/permohonan/ajukan/")
    hint = page.locator("#similar-requests")
    assert hint.is_hidden()
    page.fill("#id_information_requested", "Saya minta data kasus demam berdarah")
    hint.wait_for(state="visible")
    link = hint.get_by_role("link", name=item.title)
    assert link.get_attribute("href") == item.get_absolute_url()
    page.fill("#id_information_requested", "jadwal kapal feri")
    hint.wait_for(state="hidden")


def test_disclosure_pages_pass_axe(demo_site, page):
    for path in ["/jawaban/", "/data/", "/unit/dinkes/"]:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert violations(page) == [], path
