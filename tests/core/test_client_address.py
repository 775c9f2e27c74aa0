"""One client-address rule (TRUSTED_PROXY_COUNT) for every rate limit: a forged
X-Forwarded-For never opens a new bucket on the web forms or the API."""

import pytest

from django.test import Client, RequestFactory

from apps.core.client import client_bucket, client_ip

DIRECT = "203.0.113.9"  # the client itself, no proxy in front
PROXY = "10.0.0.2"  # our reverse proxy, as seen by the application server
CLIENT = "198.51.100.7"  # the address the proxy appended
OTHER_CLIENT = "198.51.100.8"
BAD = {"number": "OBJ-0000-00000", "contact": "guess@example.org"}

# (name, method, path, data, how a blocked attempt shows). With PUBLIC_FORM_RATE
# "2/h" two attempts pass; the web lookup of a request to object to counts only
# misses and checks before the lookup ("too many"), so it lets a third pass. The
# status lookups of the three case kinds, API and web pages, share one policy
# (apps.core.drf.lookup, apps.core.status): every lookup counts, past it 429.
SURFACES = [
    ("api request submit", "post", "/api/v1/requests/", {}, "429"),
    ("api objection submit", "post", "/api/v1/objections/", {}, "429"),
    ("api complaint submit", "post", "/api/v1/complaints/", {}, "429"),
    (
        "api request status",
        "get",
        "/api/v1/requests/status/",
        {"registration_number": "X", "contact": "guess@example.org"},
        "429",
    ),
    (
        "api objection status",
        "get",
        "/api/v1/objections/status/",
        {"objection_number": "X", "contact": "guess@example.org"},
        "429",
    ),
    (
        "api complaint status",
        "get",
        "/api/v1/complaints/status/",
        {"tracking_number": "X", "contact": "guess@example.org"},
        "429",
    ),
    ("web request form", "post", "/permohonan/ajukan/", {}, "captcha"),
    (
        "web request status",
        "post",
        "/permohonan/status/",
        {"registration_number": "X", "contact": "guess@example.org"},
        "429",
    ),
    ("web objection lookup", "post", "/keberatan/ajukan/", BAD, "too many"),
    (
        "web objection form",
        "post",
        "/keberatan/ajukan/informasi-berkala/",
        {},
        "captcha",
    ),
    ("web objection status", "post", "/keberatan/status/", BAD, "429"),
    ("web complaint form", "post", "/pengaduan/ajukan/", {}, "captcha"),
    (
        "web complaint status",
        "post",
        "/pengaduan/status/",
        {"tracking_number": "X", "contact": "guess@example.org"},
        "429",
    ),
]


def _attempt(surface, *, remote_addr: str, forwarded: str | None):
    _name, method, path, data, _blocked = surface
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return getattr(client, method)(path, data, **extra)


COUNTS_MISSES = {"web objection lookup"}


def _allowed(surface) -> int:
    return 3 if surface[0] in COUNTS_MISSES else 2


def _blocked(surface, response) -> bool:
    how = surface[4]
    if how == "429":
        return response.status_code == 429
    assert response.status_code in (200, 429), response.status_code
    if how == "captcha":
        return "captcha" in response.context["form"].fields
    return "Too many attempts" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("surface", SURFACES, ids=[s[0] for s in SURFACES])
def test_forged_forwarded_for_opens_no_new_bucket_without_proxy(surface, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    settings.TRUSTED_PROXY_COUNT = 0
    results = [
        _blocked(
            surface,
            _attempt(surface, remote_addr=DIRECT, forwarded=f"192.0.2.{n}"),
        )
        for n in range(_allowed(surface) + 1)
    ]
    assert results == [False] * _allowed(surface) + [True]
    # Another real address still has its own budget.
    fresh = _attempt(surface, remote_addr="203.0.113.10", forwarded="192.0.2.1")
    assert not _blocked(surface, fresh)


@pytest.mark.django_db
@pytest.mark.parametrize("surface", SURFACES, ids=[s[0] for s in SURFACES])
def test_behind_one_proxy_the_right_most_address_counts(surface, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1
    results = [
        _blocked(
            surface,
            _attempt(surface, remote_addr=PROXY, forwarded=f"192.0.2.{n}, {CLIENT}"),
        )
        for n in range(_allowed(surface) + 1)
    ]
    assert results == [False] * _allowed(surface) + [True]
    # Every client arrives from the proxy's address: the next one is not blocked.
    other = _attempt(surface, remote_addr=PROXY, forwarded=f"192.0.2.1, {OTHER_CLIENT}")
    assert not _blocked(surface, other)


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded", "expected"),
    [
        (0, DIRECT, None, DIRECT),
        (0, DIRECT, "192.0.2.1", DIRECT),
        (1, PROXY, CLIENT, CLIENT),
        (1, PROXY, f"192.0.2.1, 192.0.2.2, {CLIENT}", CLIENT),
        (2, PROXY, f"192.0.2.1, {CLIENT}, 10.0.0.1", CLIENT),
        # Fewer entries than proxies: the request bypassed a proxy.
        (2, DIRECT, "192.0.2.1", DIRECT),
        (1, DIRECT, None, DIRECT),
        (1, PROXY, "not-an-address", PROXY),
        (1, PROXY, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_client_ip_rule(settings, proxies, remote_addr, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **extra)) == expected


def test_ipv6_clients_share_their_64_network(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::a")
    two = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:ffff::b")
    assert client_bucket(one) == client_bucket(two) == "2001:db8:1:2::"


def test_old_header_setting_is_refused(tmp_path):
    """RATELIMIT_IP_META_KEY trusted a client-written header: start-up refuses it."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "RATELIMIT_IP_META_KEY": "HTTP_X_FORWARDED_FOR"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        check=False,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr
