"""The database refuses what full_clean() would: a page's slug
(tests/db_constraints.py). The menu is pinned in test_models.py."""

import pytest

from apps.pages.models import Page
from tests.db_constraints import covers, violates
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


@covers("pages.Page.slug")
def test_page_slugs_are_unique():
    first, second = PageFactory(), PageFactory()
    with violates("pages.Page.slug"):
        Page.objects.filter(pk=second.pk).update(slug=first.slug)
