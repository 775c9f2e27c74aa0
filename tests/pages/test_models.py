import pytest

from apps.pages.models import Page
from apps.pages.sanitize import clean_html
from tests.db_constraints import covers, violates
from tests.pages.factories import PageFactory


class TestSanitize:
    @pytest.mark.parametrize(
        ("dirty", "forbidden"),
        [
            ("<p>a</p><script>alert(1)</script>", "<script"),
            ('<p onclick="alert(1)">a</p>', "onclick"),
            ('<img src="x.png" alt="x" onerror="alert(1)">', "onerror"),
            ('<a href="javascript:alert(1)">a</a>', "javascript:"),
            ('<a href="JaVaScRiPt:alert(1)">a</a>', "alert"),
            ('<p style="position:fixed">a</p>', "style="),
            ("<style>body{display:none}</style><p>a</p>", "<style"),
            ('<iframe src="https://example.com"></iframe>', "<iframe"),
            ('<form action="/x"><input name="nik"></form>', "<input"),
            ("<svg><script>alert(1)</script></svg>", "alert"),
            ("<!-- hidden --><p>a</p>", "hidden"),
        ],
    )
    def test_removes_what_can_run_or_restyle(self, dirty, forbidden):
        assert forbidden.lower() not in clean_html(dirty).lower()

    def test_keeps_allowed_markup(self):
        html = (
            '<h2 id="a">Judul</h2><ol class="steps" aria-label="Langkah">'
            '<li><span class="step-title">Satu</span></li></ol>'
            '<table><thead><tr><th scope="col">A</th></tr></thead>'
            "<tbody><tr><td>1</td></tr></tbody></table>"
            '<a href="https://kutaitimurkab.go.id">situs</a> '
            '<a href="mailto:ppid@kutaitimurkab.go.id">surel</a>'
            '<img src="/media/a.png" alt="Bagan">'
            "<details><summary>T</summary><p>J</p></details>"
        )
        cleaned = clean_html(html)
        for kept in [
            '<h2 id="a">',
            '<ol class="steps" aria-label="Langkah">',
            '<th scope="col">',
            'href="https://kutaitimurkab.go.id"',
            'href="mailto:ppid@kutaitimurkab.go.id"',
            'alt="Bagan"',
            "<summary>T</summary>",
        ]:
            assert kept in cleaned


@pytest.mark.django_db
class TestPage:
    def test_body_is_sanitised_on_save(self):
        page = PageFactory(body='<p onmouseover="x()">Halo</p><script>x()</script>')
        page.refresh_from_db()
        assert page.body == "<p>Halo</p>"

    def test_output_is_sanitised_again_for_rows_written_around_save(self):
        page = PageFactory()
        Page.objects.filter(pk=page.pk).update(body="<p>a</p><script>x()</script>")
        page.refresh_from_db()
        assert "<script" not in page.safe_body
        assert "<p>a</p>" in page.safe_body

    @covers("pages_page_menu_valid")
    def test_menu_has_a_check_constraint(self):
        page = PageFactory()
        with violates("pages_page_menu_valid"):
            Page.objects.filter(pk=page.pk).update(menu="sidebar")

    def test_published_and_menus(self):
        main = PageFactory(in_main_menu=True, ordering=2)
        footer = PageFactory(in_footer=True, ordering=1)
        PageFactory(in_main_menu=True, draft=True)
        PageFactory()  # published, in no menu
        assert list(Page.objects.in_menus()) == [footer, main]
        assert Page.objects.published().count() == 3

    def test_history_is_kept(self):
        page = PageFactory(title="Profil")
        page.title = "Profil PPID"
        page.save()
        assert [h.title for h in page.history.order_by("history_date")] == [
            "Profil",
            "Profil PPID",
        ]

    def test_absolute_url(self):
        assert PageFactory(slug="visi-misi").get_absolute_url() == (
            "/halaman/visi-misi/"
        )
