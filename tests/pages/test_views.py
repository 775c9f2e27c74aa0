import pytest

from apps.core.models import BodyProfile
from tests.pages.factories import PageFactory


@pytest.mark.django_db
class TestPageDetail:
    def test_published_page(self, client):
        PageFactory(
            slug="visi-misi",
            title="Visi dan Misi",
            body="<h2>Visi</h2><p>Terwujudnya pelayanan informasi.</p>",
            meta_description="Visi dan misi PPID Kutai Timur.",
        )
        response = client.get("/halaman/visi-misi/")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<h1 id="page-title" class="h2">Visi dan Misi</h1>' in html
        assert "<h2>Visi</h2><p>Terwujudnya pelayanan informasi.</p>" in html
        assert (
            '<meta name="description" content="Visi dan misi PPID Kutai Timur.">'
            in (html)
        )
        assert '<meta property="og:title" content="Visi dan Misi">' in html
        assert '<meta property="og:type" content="article">' in html
        assert (
            '<meta property="og:url" content="http://testserver/halaman/visi-misi/">'
            in html
        )
        assert '<meta name="robots"' not in html  # indexed

    def test_draft_and_unknown_pages_are_404(self, client):
        PageFactory(slug="draf", draft=True)
        assert client.get("/halaman/draf/").status_code == 404
        assert client.get("/halaman/tidak-ada/").status_code == 404

    def test_menus_show_pages_by_placement(self, client):
        PageFactory(slug="profil", title="Profil PPID", in_main_menu=True)
        PageFactory(slug="privasi", title="Kebijakan Privasi", in_footer=True)
        PageFactory(slug="sop", title="SOP Keberatan")
        PageFactory(slug="draf", title="Draf Rahasia", in_main_menu=True, draft=True)
        html = client.get("/").content.decode()
        nav = html.split('id="main-nav"')[1].split("</nav>")[0]
        footer = html.split("<footer")[1]
        assert 'href="/halaman/profil/"' in nav
        assert "Kebijakan Privasi" not in nav
        assert 'href="/halaman/privasi/"' in footer
        assert "SOP Keberatan" not in html
        assert "Draf Rahasia" not in html

    def test_current_page_is_marked_in_the_menu(self, client):
        PageFactory(slug="profil", title="Profil PPID", in_main_menu=True)
        html = client.get("/halaman/profil/").content.decode()
        assert 'href="/halaman/profil/" aria-current="page"' in html

    def test_query_count_is_constant(self, client, django_assert_max_num_queries):
        for n in range(15):
            PageFactory(in_main_menu=n % 2 == 0, in_footer=n % 2 == 1)
        PageFactory(slug="profil")
        BodyProfile.load()  # created once, then cached
        with django_assert_max_num_queries(2):
            response = client.get("/halaman/profil/")
        assert response.status_code == 200
