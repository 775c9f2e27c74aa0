"""Run the vendored axe-core in a page and return its violations."""

from pathlib import Path
from urllib.parse import urljoin

AXE = (
    Path(__file__).resolve().parents[2]
    / "static"
    / "vendor"
    / "axe-core-4.11.0"
    / "axe.min.js"
)
AXE_URL = "/static/vendor/axe-core-4.11.0/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = {"serious", "critical"}

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary),
  }));
}"""


def violations(page) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations on the current page."""
    # On the portal's pages axe comes from its static files: the
    # Content-Security-Policy (script-src 'self') refuses inline scripts, a test's
    # included. A page made with set_content has no policy and no server.
    assert AXE.is_file()
    if page.url.startswith("http"):
        page.add_script_tag(url=urljoin(page.url, AXE_URL))
    else:
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(_RUN, TAGS)
    return [v for v in found if v["impact"] in SERIOUS]
