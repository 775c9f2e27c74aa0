"""Fetching a URL that someone outside chose (a webhook's attachment link, a media
URL from a provider's answer) without letting them aim this server at itself or
at the private network behind it.

The rule, checked on every hop:
- https only (no file:, ftp:, data:, plain http);
- the host name is resolved once, every address it resolves to must be public
  (no loopback, private, shared, link-local, multicast, reserved or unspecified
  address, IPv4-mapped and 6to4/Teredo forms included), and the connection goes to
  that checked address: a second DNS answer cannot change where we connect
  (DNS rebinding); TLS still checks the certificate against the host name;
- redirects are followed by hand, each target checked again, at most
  MAX_REDIRECTS of them; credentials are not carried to another origin;
- the body is streamed and refused at `max_bytes` (a larger Content-Length is
  refused before anything is read); connect and read each have `timeout`, and the
  whole fetch has `total_timeout`, enforced by a watchdog that closes the socket.

`allowed_endpoints` ("ip:port" strings) exempts exact endpoints from the scheme
and address rules. It exists for the test suite's local fake providers and is
never read from the environment.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.utils.translation import gettext as _

MAX_REDIRECTS = 3
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


class FetchError(Exception):
    """The fetch did not give a body; `retryable` for timeouts, 429 and 5xx."""

    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


class FetchRefused(FetchError):
    """The URL, an address it resolves to, a redirect, the size or the time broke
    the rule: never retried."""

    def __init__(self, message: str):
        super().__init__(message, retryable=False)


@dataclass(frozen=True)
class Fetched:
    content: bytes
    content_type: str
    url: str


def address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    embedded = []
    if ip.version == 6:
        embedded = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    for candidate in (ip, *(e for e in embedded if e is not None)):
        if (
            not candidate.is_global
            or candidate.is_multicast
            or candidate.is_reserved
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_unspecified
        ):
            return False
    return True


def _endpoint(address: str, port: int) -> str:
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def _resolve(host: str, port: int) -> list[tuple[int, str]]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            _("The host %(host)s cannot be resolved: %(error)s")
            % {"host": host, "error": error},
            retryable=True,
        ) from None
    seen, addresses = set(), []
    for family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.add(sockaddr[0])
            addresses.append((family, sockaddr[0]))
    if not addresses:
        raise FetchError(_("The host %(host)s has no address.") % {"host": host})
    return addresses


def _checked_target(url: str, allowed_endpoints: frozenset[str]):
    """(scheme, host, port, path, addresses) of a URL that passes the rule."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise FetchRefused(
            _("Refused: only https links are fetched, not %(scheme)s.")
            % {"scheme": scheme or "?"}
        )
    if parts.username or parts.password:
        raise FetchRefused(_("Refused: the link carries a user name or password."))
    host = parts.hostname
    if not host:
        raise FetchRefused(_("Refused: the link has no host."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(_("Refused: the link's port is not valid.")) from None
    addresses = _resolve(host, port)
    exempt = all(_endpoint(a, port) in allowed_endpoints for _f, a in addresses)
    if not exempt:
        if scheme != "https":
            raise FetchRefused(
                _("Refused: only https links are fetched, not %(scheme)s.")
                % {"scheme": scheme}
            )
        for _family, address in addresses:
            if not address_is_public(address):
                message = _(
                    "Refused: %(host)s resolves to %(address)s, not a public address."
                )
                raise FetchRefused(message % {"host": host, "address": address})
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return scheme, host, port, path, addresses


class _Watchdog:
    """Closes the connection's socket when the total time is up, so a body (or a
    header) trickling in byte by byte cannot hold a worker."""

    def __init__(self, seconds: float):
        self.fired = False
        self._sock = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.001), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock):
        with self._lock:
            self._sock = sock
            if self.fired:
                self._shutdown()

    def _shutdown(self):
        if self._sock is not None:
            # The plain socket's shutdown, also under TLS: wakes a blocked read.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(self._sock, socket.SHUT_RDWR)

    def _fire(self):
        with self._lock:
            self.fired = True
            self._shutdown()

    def cancel(self):
        self._timer.cancel()


def _connection(scheme, host, port, addresses, timeout, watchdog):
    def create_connection(_address, conn_timeout=None, source_address=None):
        last_error = None
        for _family, address in addresses:
            try:
                sock = socket.create_connection(
                    (address, port), conn_timeout, source_address
                )
            except OSError as error:
                last_error = error
                continue
            watchdog.watch(sock)
            return sock
        raise last_error or OSError("no address to connect to")

    if scheme == "https":
        conn = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    # Connect to the checked address; Host header and TLS name stay the host name.
    conn._create_connection = create_connection
    return conn


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    total_timeout: float,
    headers: dict | None = None,
    allowed_endpoints=(),
) -> Fetched:
    """GET `url` under the rule in the module docstring; raises FetchError."""
    allowed = frozenset(allowed_endpoints)
    deadline = time.monotonic() + total_timeout
    watchdog = _Watchdog(total_timeout)
    request_headers = dict(headers or {})
    first_origin = None
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            scheme, host, port, path, addresses = _checked_target(url, allowed)
            if first_origin is None:
                first_origin = (scheme, host, port)
            elif (scheme, host, port) != first_origin:
                request_headers.pop("Authorization", None)
            conn = _connection(scheme, host, port, addresses, timeout, watchdog)
            try:
                conn.request("GET", path, headers=request_headers)
                response = conn.getresponse()
                if response.status in REDIRECT_STATUSES:
                    location = response.getheader("Location")
                    if not location:
                        raise FetchError(_("A redirect without a Location header."))
                    url = urljoin(url, location)
                    continue
                if not 200 <= response.status < 300:
                    raise FetchError(
                        f"HTTP {response.status}: "
                        + response.read(2000).decode("utf-8", errors="replace"),
                        retryable=response.status == 429 or response.status >= 500,
                    )
                content = _read_body(
                    response,
                    conn,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    deadline=deadline,
                    watchdog=watchdog,
                )
                return Fetched(
                    content=content,
                    content_type=response.getheader("Content-Type", ""),
                    url=url,
                )
            finally:
                conn.close()
        raise FetchRefused(
            _("Refused: more than %(count)s redirects.") % {"count": MAX_REDIRECTS}
        )
    except (OSError, http.client.HTTPException) as error:
        if watchdog.fired or time.monotonic() >= deadline:
            raise _too_slow(total_timeout) from None
        raise FetchError(
            _("Unreachable: %(error)s") % {"error": error}, retryable=True
        ) from None
    finally:
        watchdog.cancel()


def _too_slow(total_timeout: float) -> FetchRefused:
    return FetchRefused(
        _("Refused: the download took longer than %(seconds)s seconds.")
        % {"seconds": f"{total_timeout:g}"}
    )


def _too_large(max_bytes: int) -> FetchRefused:
    return FetchRefused(
        _("Refused: the file is larger than %(limit)s bytes.") % {"limit": max_bytes}
    )


def _read_body(response, conn, *, max_bytes, timeout, deadline, watchdog) -> bytes:
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    received = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or watchdog.fired:
            raise TimeoutError("total time exceeded")
        if conn.sock is not None:
            conn.sock.settimeout(min(timeout, remaining))
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += chunk
        if len(received) > max_bytes:
            raise _too_large(max_bytes)
    if watchdog.fired:
        raise TimeoutError("total time exceeded")
    return bytes(received)
