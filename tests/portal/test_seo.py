import xml.etree.ElementTree as ET

import pytest

from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from apps.pages.sitemaps import PageSitemap
from apps.portal import seo
from apps.portal.sitemaps import HomeSitemap, UnitSitemap
from tests.pages.factories import PageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemaps_are_collected_from_the_apps():
    sitemaps = seo.collect_sitemaps()
    assert sitemaps["home"] is HomeSitemap
    assert sitemaps["units"] is UnitSitemap
    assert sitemaps["pages"] is PageSitemap


@pytest.mark.django_db
def test_sitemap_lists_home_units_and_published_pages(client, units):
    PageFactory(slug="visi-misi")
    PageFactory(slug="draf", draft=True)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        node.text for node in ET.fromstring(response.content).findall(".//sm:loc", NS)
    }
    assert "http://testserver/" in locations
    assert "http://testserver/halaman/visi-misi/" in locations
    assert "http://testserver/unit/dinkes/" in locations
    assert "http://testserver/halaman/draf/" not in locations


@pytest.mark.django_db
def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in [
        "/admin/",
        "/api/",
        "/permohonan/status/",
        "/pengaduan/status/",
        "/keberatan/status/",
        "/tampilan/",
    ]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public site stays indexable


def test_form_pages_are_disallowed_when_they_exist():
    paths = seo.disallowed_paths()
    for name in seo.FORM_URL_NAMES:
        try:
            assert reverse(name) in paths
        except NoReverseMatch:
            continue
    assert len(paths) == len(set(paths))


@pytest.mark.django_db
def test_noindex_decorator_sets_header_and_meta(client):
    from django.shortcuts import render

    @seo.noindex
    def view(request):
        return render(request, "portal/home.html", {"units": []})

    request = RequestFactory().get("/permohonan/status/x/")
    request.COOKIES = {}
    response = view(request)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert (
        '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    )


def test_noindex_keeps_the_view_name():
    @seo.noindex
    def status_page(request):
        return HttpResponse()

    assert status_page.__name__ == "status_page"


@pytest.mark.django_db
def test_home_has_meta_and_open_graph(client):
    html = client.get("/").content.decode()
    assert '<meta name="description" content="' in html
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:url" content="http://testserver/">' in html
    assert '<meta property="og:locale" content="id_ID">' in html
    assert '<link rel="canonical" href="http://testserver/">' in html
    assert '<meta name="robots"' not in html
