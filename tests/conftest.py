import pytest

from django.core.cache import cache

from apps.core.workdays import _year_calendar


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache and calendar memo (like the database)."""
    cache.clear()
    _year_calendar.cache_clear()
    yield
    cache.clear()
    _year_calendar.cache_clear()


@pytest.fixture
def units(db):
    from tests.factories import UnitFactory

    body = UnitFactory(
        code="KAB", name="Pemerintah Kabupaten", kind="body", parent=None
    )
    dinkes = UnitFactory(code="DINKES", name="Dinas Kesehatan", parent=body)
    rsud = UnitFactory(code="RSUD", name="RSUD Kudungga", parent=dinkes)
    bpbd = UnitFactory(code="BPBD", name="BPBD", parent=body)
    return {"body": body, "dinkes": dinkes, "rsud": rsud, "bpbd": bpbd}


@pytest.fixture
def officer(db):
    """officer(role, units=[...]) makes an active staff user with that role."""
    from tests.factories import UserFactory

    def make(role, units=(), **kwargs):
        return UserFactory(role=role, units=list(units), **kwargs)

    return make
