"""A request's status page asks the panel registry, not the apps' template tags."""

from apps.core import panels


def test_objections_and_the_survey_register_their_request_panels_in_order():
    templates = [panel.template for panel in panels._PANELS["request"]]
    assert templates == ["objections/_request_panel.html", "reports/_survey_link.html"]


def test_a_panel_is_registered_once_and_rendered_with_the_page(monkeypatch):
    monkeypatch.setattr(panels, "_PANELS", {})
    seen = []

    def context(**page):
        seen.append(page)
        return {"url": "https://ppid.example/survei/x/"}

    for _ in range(2):
        panels.register_panel(
            "request", template="reports/_survey_link.html", context=context
        )
    (html,) = panels.render_panels("request", status={"status": "decided"}, token="t")
    assert "https://ppid.example/survei/x/" in html
    assert seen == [{"status": {"status": "decided"}, "token": "t"}]
    assert panels.render_panels("objection") == []
