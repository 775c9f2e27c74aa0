import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.plumbing import _load_enum_name_overrides

from django.core.cache import cache
from django.db import connection

from apps.core.workdays import _year_calendar


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache and calendar memo (like the database),
    and with drf-spectacular's memo of enum names and warnings cleared, so that a
    schema warning is seen by every test that generates the schema."""
    cache.clear()
    _year_calendar.cache_clear()
    _load_enum_name_overrides.cache_clear()
    GENERATOR_STATS.reset()
    yield
    cache.clear()
    _year_calendar.cache_clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...)")


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    """@pytest.mark.postgres does what the postgres_only fixture does."""
    if request.node.get_closest_marker("postgres"):
        request.getfixturevalue("postgres_only")


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


@pytest.fixture
def sample_pdf() -> bytes:
    """A small real PDF (one page with text), made with WeasyPrint."""
    from weasyprint import HTML

    return HTML(string="<p>Dokumen contoh PPID</p>").write_pdf()


@pytest.fixture
def sample_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()
