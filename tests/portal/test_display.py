import pytest


@pytest.mark.django_db
class TestDisplaySwitch:
    def test_get_sets_cookies_and_redirects_back(self, client):
        response = client.get(
            "/tampilan/", {"text": "larger", "contrast": "high", "next": "/unit/x/"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/unit/x/"
        assert response.cookies["ppid_text"].value == "larger"
        assert response.cookies["ppid_contrast"].value == "high"
        assert response.cookies["ppid_text"]["max-age"] == 365 * 24 * 3600
        assert response.cookies["ppid_text"]["samesite"] == "Lax"

    def test_post_works_too(self, client):
        response = client.post("/tampilan/", {"text": "large", "next": "/"})
        assert response.status_code == 302
        assert response.cookies["ppid_text"].value == "large"
        assert "ppid_contrast" not in response.cookies

    def test_pages_render_the_chosen_display(self, client):
        client.get("/tampilan/", {"text": "large", "contrast": "high"})
        html = client.get("/").content.decode()
        assert 'class="no-js text-large contrast-high" data-bs-theme="dark"' in html
        assert 'name="contrast" value="normal" data-display aria-pressed="true"' in (
            html
        )
        assert 'name="text" value="large" data-display aria-pressed="true"' in html
        assert 'name="text" value="normal" data-display aria-pressed="false"' in html

    def test_defaults_without_cookies(self, client):
        html = client.get("/").content.decode()
        assert 'class="no-js text-normal contrast-normal">' in html
        assert 'name="contrast" value="high" data-display aria-pressed="false"' in (
            html
        )

    @pytest.mark.parametrize(
        "params",
        [
            {"text": "huge"},
            {"contrast": "<script>"},
            {"text": '" onload="x'},
        ],
    )
    def test_unknown_values_are_ignored(self, client, params):
        response = client.get("/tampilan/", params)
        assert response.status_code == 302
        assert not response.cookies

    def test_tampered_cookie_is_ignored(self, client):
        client.cookies["ppid_text"] = '"><script>alert(1)</script>'
        client.cookies["ppid_contrast"] = "neon"
        html = client.get("/").content.decode()
        assert "<script>alert(1)" not in html
        assert 'class="no-js text-normal contrast-normal">' in html

    @pytest.mark.parametrize(
        "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
    )
    def test_never_redirects_off_site(self, client, target):
        response = client.get("/tampilan/", {"text": "large", "next": target})
        assert response["Location"] == "/"

    def test_falls_back_to_the_referer(self, client):
        response = client.get(
            "/tampilan/", {"text": "large"}, HTTP_REFERER="http://testserver/unit/a/"
        )
        assert response["Location"] == "http://testserver/unit/a/"

    def test_other_methods_refused(self, client):
        assert client.put("/tampilan/").status_code == 405
