"""The guarded fetcher (apps.core.fetch): every refused case under the real rule,
and the test exemption allowing exactly the local fake's endpoint."""

import socket
import time
import tracemalloc
from urllib.parse import quote

import pytest

from apps.core.fetch import FetchRefused, address_is_public, fetch
from tests.channels import fakes


@pytest.fixture
def fake():
    server = fakes.start()
    server.media["pic.png"] = (b"\x89PNG fake picture", "image/png")
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def get(url, *, allowed=(), max_bytes=1024 * 1024, timeout=1.0, total=5.0, **kw):
    return fetch(
        url,
        max_bytes=max_bytes,
        timeout=timeout,
        total_timeout=total,
        allowed_endpoints=allowed,
        **kw,
    )


def test_the_exempt_fake_endpoint_is_fetched(fake):
    fetched = get(f"{fake.url}/cdn/pic.png", allowed=[fake.endpoint])
    assert fetched.content == b"\x89PNG fake picture"
    assert fetched.content_type == "image/png"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/a.jpg",
        "data:image/png;base64,iVBORw0KGgo=",
        "gopher://127.0.0.1:6379/_INFO",
        "https://user:secret@example.com/a.jpg",
        "https://127.0.0.1/a.jpg",
        "https://127.1/a.jpg",
        "https://2130706433/a.jpg",
        "https://0x7f000001/a.jpg",
        "https://localhost/a.jpg",
        "https://[::1]/a.jpg",
        "https://[::ffff:127.0.0.1]/a.jpg",
        "https://[2002:7f00:1::]/a.jpg",
        "https://10.1.2.3/a.jpg",
        "https://172.16.0.9/a.jpg",
        "https://192.168.1.1/a.jpg",
        "https://100.64.0.1/a.jpg",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fe80::1]/a.jpg",
        "https://[fc00::1]/a.jpg",
        "https://224.0.0.1/a.jpg",
        "https://0.0.0.0/a.jpg",
        "https://240.0.0.1/a.jpg",
    ],
)
def test_refused_before_any_connection(url, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("the fetcher tried to connect")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(FetchRefused):
        get(url)


def test_plain_http_to_the_fake_is_refused_under_the_real_rule(fake):
    with pytest.raises(FetchRefused, match="https"):
        get(f"{fake.url}/cdn/pic.png")
    assert fake.calls == []


def test_https_to_a_local_port_is_refused_under_the_real_rule(fake):
    port = fake.server_address[1]
    with pytest.raises(FetchRefused, match="127.0.0.1"):
        get(f"https://localhost:{port}/cdn/pic.png")
    assert fake.calls == []


def test_the_exemption_is_for_the_exact_endpoint_only(fake):
    other_port = fake.server_address[1] + 1
    with pytest.raises(FetchRefused):
        get(f"{fake.url}/cdn/pic.png", allowed=[f"127.0.0.1:{other_port}"])
    assert fake.calls == []


def test_public_addresses_pass_the_check():
    assert address_is_public("93.184.215.14")
    assert address_is_public("2606:4700::6810:85e5")
    assert not address_is_public("::ffff:10.0.0.1")


@pytest.fixture
def second():
    server = fakes.start()
    server.media["pic.png"] = (b"other server", "image/png")
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_a_redirect_to_a_local_address_is_refused(fake, second, scheme):
    target = f"{scheme}://127.0.0.1:{second.server_address[1]}/cdn/pic.png"
    with pytest.raises(FetchRefused):
        get(f"{fake.url}/redirect?to={quote(target)}", allowed=[fake.endpoint])
    assert [call["path"] for call in fake.calls] == ["/redirect"]
    assert second.calls == []


def test_a_redirect_to_a_file_url_is_refused(fake):
    with pytest.raises(FetchRefused, match="file"):
        get(
            f"{fake.url}/redirect?to={quote('file:///etc/passwd')}",
            allowed=[fake.endpoint],
        )


def test_redirects_are_followed_and_checked_and_bounded(fake, second):
    target = f"{second.url}/cdn/pic.png"
    fetched = get(
        f"{fake.url}/redirect?to={quote(target)}",
        allowed=[fake.endpoint, second.endpoint],
        headers={"Authorization": "Bearer wa-token"},
    )
    assert fetched.content == b"other server"
    assert fetched.url == target
    assert fake.calls[0]["headers"]["Authorization"] == "Bearer wa-token"
    # The token is not carried to another host.
    assert "Authorization" not in second.calls[0]["headers"]
    with pytest.raises(FetchRefused):
        get(f"{fake.url}/redirect", allowed=[fake.endpoint])
    assert len(fake.calls) == 1 + 4  # the first hop and three redirects


def test_a_declared_oversize_body_is_refused_before_reading(fake):
    fake.media["big.jpg"] = (b"x" * 5000, "image/jpeg")
    with pytest.raises(FetchRefused, match="4096"):
        get(f"{fake.url}/cdn/big.jpg", allowed=[fake.endpoint], max_bytes=4096)


def test_an_undeclared_oversize_body_is_stopped_at_the_limit(fake):
    tracemalloc.start()
    try:
        with pytest.raises(FetchRefused, match="102400"):
            get(
                f"{fake.url}/unsized/{50 * 1024 * 1024}",
                allowed=[fake.endpoint],
                max_bytes=100 * 1024,
            )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_a_trickling_body_is_cut_at_the_total_time(fake):
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="0.5"):
        # Each byte comes well within the read timeout; only the total bound stops it.
        get(f"{fake.url}/trickle/1000", allowed=[fake.endpoint], total=0.5)
    assert time.monotonic() - started < 2


def test_dns_rebinding_cannot_move_the_connection(fake, monkeypatch):
    """The name is resolved once; the connection goes to the checked address even
    if a later DNS answer (here 127.0.0.2, another server) would differ."""
    port = fake.server_address[1]
    rebound = fakes.start("127.0.0.2", port)
    rebound.media["pic.png"] = (b"rebound server", "image/png")
    real = socket.getaddrinfo
    answers = []

    def attacker_dns(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        address = "127.0.0.1" if not answers else "127.0.0.2"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", attacker_dns)
    try:
        fetched = get(
            f"http://rebind.example:{port}/cdn/pic.png", allowed=[fake.endpoint]
        )
    finally:
        rebound.shutdown()
        rebound.server_close()
    assert fetched.content == b"\x89PNG fake picture"
    assert answers == ["127.0.0.1"]
    assert rebound.calls == []
    assert fake.calls[0]["headers"]["Host"] == f"rebind.example:{port}"
