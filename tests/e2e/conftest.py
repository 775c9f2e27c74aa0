"""Browser tests in Debian's headless Chromium, driven by Playwright.

Never a browser downloaded by Playwright: the tests use /usr/bin/chromium (or
CHROMIUM_PATH) and are skipped, with a plain note in the summary, without it.
Screenshots of failures go to test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop; Django refuses ORM calls from a
# thread with a running loop unless told this is fine (it is, in tests).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
E2E_DIR = Path(__file__).resolve().parent
SKIP_REASON = (
    f"browser tests skipped: {CHROMIUM} not found "
    "(install Debian's chromium: apt-get install -y chromium)"
)


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if E2E_DIR in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if not chromium_available():
                item.add_marker(skip)
                config._e2e_skipped = True


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if getattr(config, "_e2e_skipped", False):
        terminalreporter.write_sep("!", "E2E BROWSER TESTS SKIPPED", yellow=True)
        terminalreporter.write_line(SKIP_REASON)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The Kutai Timur profile, units and pages, served by the live server."""
    from apps.accounts.demo import load_units
    from apps.core.demo import load_profile
    from apps.pages import demo as pages_demo

    load_profile()
    load_units()
    pages_demo.load(stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


def _screenshot_on_failure(request, page):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def new_page(browser, request):
    """new_page(**context_options): a page in a fresh browser context."""
    contexts = []

    def make(**options):
        # Chromium sends Accept-Language en-US; citizens' browsers say Indonesian.
        options.setdefault("locale", "id-ID")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        request.node._e2e_pages = [*getattr(request.node, "_e2e_pages", []), page]
        return page

    yield make
    for page in getattr(request.node, "_e2e_pages", []):
        _screenshot_on_failure(request, page)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
