"""Citizens' view of the site: language, display switches, phones, keyboard."""

import pytest


def test_language_switch(demo_site, page):
    page.goto(demo_site.url + "/halaman/faq/")
    assert page.locator("html").get_attribute("lang") == "id"
    nav = page.locator("#main-nav")
    assert nav.get_by_role("link", name="Beranda", exact=True).count() == 1
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="Ganti bahasa").click()
    page.wait_for_selector("html[lang=en]")
    assert page.url == demo_site.url + "/halaman/faq/"  # back where we were
    assert nav.get_by_role("link", name="Home", exact=True).count() == 1
    page.goto(demo_site.url + "/")  # the choice persists
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Skip to main content").count() == 1


def _font_size(page) -> float:
    return page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )


def test_text_size_and_contrast_persist_with_javascript(demo_site, page):
    page.goto(demo_site.url + "/")
    normal = _font_size(page)
    page.get_by_role("button", name="Teks lebih besar").click()
    assert page.url == demo_site.url + "/"  # applied in place, no reload
    assert _font_size(page) == pytest.approx(normal * 1.5)
    larger = page.get_by_role("button", name="Teks lebih besar")
    assert larger.get_attribute("aria-pressed") == "true"

    contrast = page.get_by_role("button", name="Kontras tinggi")
    contrast.click()
    assert contrast.get_attribute("aria-pressed") == "true"
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(0, 0, 0)"

    page.goto(demo_site.url + "/halaman/visi-misi/")  # persists on the next page
    assert _font_size(page) == pytest.approx(normal * 1.5)
    assert page.evaluate(background) == "rgb(0, 0, 0)"
    assert page.locator("html").get_attribute("data-bs-theme") == "dark"

    page.get_by_role("button", name="Kontras tinggi").click()  # and switches off
    page.get_by_role("button", name="Teks normal").click()
    page.reload()
    assert _font_size(page) == pytest.approx(normal)
    assert page.evaluate(background) == "rgb(255, 255, 255)"


def test_switches_work_without_javascript(demo_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(demo_site.url + "/halaman/faq/")
    normal = _font_size(page)
    page.get_by_role("button", name="Teks besar").click()
    page.wait_for_url(demo_site.url + "/halaman/faq/")
    assert _font_size(page) == pytest.approx(normal * 1.25)
    page.get_by_role("button", name="Kontras tinggi").click()
    page.wait_for_url(demo_site.url + "/halaman/faq/")
    assert page.locator("html.contrast-high").count() == 1
    assert page.get_by_role("button", name="Kontras tinggi").get_attribute(
        "aria-pressed"
    ) == ("true")
    # The content is readable: the FAQ answers are in the page.
    assert page.get_by_text("Siapa yang boleh meminta informasi?").is_visible()


def _horizontal_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def test_phone_viewport(demo_site, new_page):
    page = new_page(**PHONE)
    for path in [
        "/",
        "/halaman/struktur-organisasi/",
        "/halaman/tata-cara/",
        "/halaman/jam-dan-biaya-layanan/",
        "/unit/dinkes/",
    ]:
        page.goto(demo_site.url + path)
        assert _horizontal_overflow(page) <= 0, path
    # The menu is folded behind its button and opens with it; the pages about
    # the PPID are a group of it ("Tentang PPID"), opened in place.
    profile_link = page.get_by_role("link", name="Profil PPID")
    assert not profile_link.is_visible()
    toggle = page.get_by_role("button", name="Menu")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Tentang PPID").click()
    profile_link.click()
    page.wait_for_url(demo_site.url + "/halaman/profil-ppid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Profil PPID"


def test_phone_menu_without_javascript_is_open(demo_site, new_page):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(demo_site.url + "/")
    assert page.get_by_role("link", name="Profil PPID").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert _horizontal_overflow(page) <= 0


def test_skip_link_is_first_and_moves_focus_to_main(demo_site, page):
    page.goto(demo_site.url + "/halaman/tata-cara/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Lewati ke konten utama"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None  # shown on focus, inside the viewport
    assert box["width"] > 0
    assert box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab reaches the first link inside the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_keyboard_reaches_the_switches_with_a_visible_focus(demo_site, page):
    page.goto(demo_site.url + "/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "text":
            break
    else:
        pytest.fail("the text-size buttons are not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.classList.contains('text-normal')")
