"""Query budgets of the public pages (issue 18, item 7): at most eight queries
each, however many requests and items there are; warmed once (the site-wide
cached parts and the year's statistics are built by the first view)."""

import pytest

from apps.reports.summary import refresh_year
from tests.info_requests.factories import InformationRequestFactory
from tests.registers.factories import InformationItemFactory

BUDGET = 8
PAGES = [
    "/",
    "/informasi/",
    "/informasi/?q=anggaran",
    "/statistik/",
    "/api/v1/information/",
]


@pytest.fixture
def data(db, units):
    for n in range(30):
        InformationItemFactory(
            unit=units["dinkes"],
            published=True,
            title=f"Laporan realisasi anggaran {n}",
        )
    for n in range(30):
        InformationRequestFactory(registration_number=f"REQ-B-{n:04d}")


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_public_page_budget(client, data, path, django_assert_max_num_queries):
    from django.utils import timezone

    refresh_year(timezone.localdate().year)
    assert client.get(path).status_code == 200
    # A request changed since: the page recomputes what depends on requests.
    InformationRequestFactory(registration_number="REQ-B-NEW")
    with django_assert_max_num_queries(BUDGET):
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_item_page_budget(client, data, django_assert_max_num_queries):
    from apps.registers.models import InformationItem

    item = InformationItem.objects.first()
    assert client.get(item.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(BUDGET):
        assert client.get(item.get_absolute_url()).status_code == 200
