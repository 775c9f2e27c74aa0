import pytest

from django.urls import reverse
from django.utils import translation

from apps.accounts.roles import Role
from apps.core.demo import load_profile
from apps.pages import checklist, demo
from apps.pages.models import Page
from tests.pages.factories import PageFactory


@pytest.mark.django_db
class TestPermissions:
    @pytest.mark.parametrize("role", [Role.PPID_UTAMA, Role.ADMINISTRATOR])
    def test_editors_can_add_and_change(self, client, officer, role):
        client.force_login(officer(role))
        response = client.post(
            reverse("admin:pages_page_add"),
            {
                "title": "Profil PPID",
                "slug": "profil-ppid",
                "body": '<p>Halo</p><img src="x" alt="x" onerror="alert(1)">',
                "menu": "main",
                "ordering": 10,
                "is_published": "on",
                "meta_description": "Profil",
            },
        )
        assert response.status_code == 302, response.content
        page = Page.objects.get(slug="profil-ppid")
        assert "onerror" not in page.body
        assert page.history.count() == 1

    @pytest.mark.parametrize(
        "role", [Role.PPID_PELAKSANA, Role.ATASAN_PPID, Role.PETUGAS_LAYANAN]
    )
    def test_other_roles_only_view(self, client, officer, role):
        page = PageFactory()
        client.force_login(officer(role))
        assert client.get(reverse("admin:pages_page_changelist")).status_code == 200
        assert client.get(reverse("admin:pages_page_add")).status_code == 403
        response = client.post(
            reverse("admin:pages_page_change", args=[page.pk]),
            {"title": "Diubah", "slug": page.slug, "menu": "none", "ordering": 1},
        )
        assert response.status_code == 403
        page.refresh_from_db()
        assert page.title != "Diubah"

    def test_checklist_needs_view_permission(self, client, officer):
        client.force_login(officer(None))
        response = client.get(reverse("admin:pages_page_checklist"))
        assert response.status_code == 403


@pytest.mark.django_db
class TestChecklist:
    def _by_key(self):
        with translation.override("en"):
            return {result.requirement.key: result for result in checklist.evaluate()}

    def test_empty_site_misses_the_pages(self):
        results = self._by_key()
        assert not results["vision"].covered
        assert results["vision"].missing == ["published page “visi-misi”"]
        # The display switch exists on every page of this portal.
        assert results["accessibility"].covered
        assert results["mobile"].covered

    def test_demo_pages_cover_the_page_items(self):
        load_profile()
        demo.load(stdout=_Null())
        results = self._by_key()
        for key in [
            "profile",
            "structure",
            "lhkpn",
            "vision",
            "decree",
            "maklumat",
            "standards",
            "sops",
            "regulations",
            "howto",
            "hours",
            "faq",
            "privacy",
            "audiovisual",
        ]:
            assert results[key].covered, (key, results[key].missing)
        assert ("Visi dan Misi", "/halaman/visi-misi/") in results["vision"].links

    def test_a_draft_or_missing_sop_is_missing(self):
        load_profile()
        demo.load(stdout=_Null())
        Page.objects.filter(slug="sop-uji-konsekuensi").update(is_published=False)
        result = self._by_key()["sops"]
        assert not result.covered
        assert result.missing == ["published page “sop-uji-konsekuensi”"]

    def test_url_items_follow_what_resolves(self):
        results = self._by_key()
        for key, name in [
            ("online_request", "info_requests:submit"),
            ("online_complaint", "complaints:submit"),
        ]:
            try:
                reverse(name)
            except Exception:  # noqa: BLE001 (the app may not offer it yet)
                assert not results[key].covered
                assert name in results[key].missing[0]
            else:
                assert results[key].covered

    def test_admin_page_lists_covered_and_missing(self, client, officer):
        load_profile()
        PageFactory(slug="visi-misi", title="Visi dan Misi")
        client.force_login(officer(Role.PPID_PELAKSANA))
        response = client.get(reverse("admin:pages_page_checklist"))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'class="checklist-covered" data-key="vision"' in html
        assert 'class="checklist-missing" data-key="faq"' in html
        total = len(checklist.REQUIREMENTS)
        covered = sum(r.covered for r in checklist.evaluate())
        assert f"{covered} of {total} items covered" in html or (
            f"{covered} dari {total} butir terpenuhi" in html
        )
        assert 0 < covered < total


class _Null:
    def write(self, *args, **kwargs):
        pass
