"""A small JSON-over-HTTPS client (urllib) shared by the provider adapters."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings


class ProviderError(Exception):
    """A provider call failed; `retryable` for timeouts, 429 and 5xx."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool):
        super().__init__(message)
        self.status = status
        self.retryable = retryable


def _timeout() -> float:
    return float(settings.CHANNELS_HTTP_TIMEOUT)


def request(
    method: str,
    url: str,
    *,
    json_body: dict | None = None,
    params: dict | None = None,
    headers: dict | None = None,
    max_bytes: int | None = None,
) -> tuple[bytes, str]:
    """(body, content type) of a 2xx answer; raises ProviderError otherwise."""
    if params:
        url = f"{url}?{urllib.parse.urlencode(params)}"
    data = None
    all_headers = {"Accept": "application/json", **(headers or {})}
    if json_body is not None:
        data = json.dumps(json_body).encode()
        all_headers["Content-Type"] = "application/json"
    if urllib.parse.urlsplit(url).scheme not in ("https", "http"):
        # Provider URLs come from settings; never let one be a local file.
        raise ProviderError(f"Not an HTTP URL: {url[:100]}", retryable=False)
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(req, timeout=_timeout()) as response:  # noqa: S310
            limit = max_bytes or 50 * 1024 * 1024
            body = response.read(limit + 1)
            if len(body) > limit:
                raise ProviderError(
                    f"Answer larger than {limit} bytes.", retryable=False
                )
            return body, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        detail = error.read(2000).decode("utf-8", errors="replace")
        raise ProviderError(
            f"HTTP {error.code}: {detail}",
            status=error.code,
            retryable=error.code == 429 or error.code >= 500,
        ) from None
    except TimeoutError as error:
        raise ProviderError(f"Timed out: {error}", retryable=True) from None
    except urllib.error.URLError as error:
        raise ProviderError(f"Unreachable: {error.reason}", retryable=True) from None


def request_json(method: str, url: str, **kwargs) -> dict:
    body, _type = request(method, url, **kwargs)
    try:
        return json.loads(body)
    except ValueError:
        raise ProviderError("The answer is not JSON.", retryable=False) from None


def fetch_media(url: str, *, headers: dict | None = None) -> tuple[bytes, str]:
    """(content, content type) of an attachment at a URL the sender or provider
    chose, through core's guarded fetcher (https, public addresses, bounded size
    and time, redirects checked); a refusal is a ProviderError that is not retried.
    """
    from apps.core.fetch import FetchError, fetch

    try:
        fetched = fetch(
            url,
            max_bytes=settings.MAX_UPLOAD_SIZE_MB * 1024 * 1024,
            timeout=_timeout(),
            total_timeout=float(settings.CHANNELS_MEDIA_TOTAL_TIMEOUT),
            headers=headers,
            allowed_endpoints=settings.CHANNELS_MEDIA_TEST_ENDPOINTS,
        )
    except FetchError as error:
        raise ProviderError(str(error), retryable=error.retryable) from None
    return fetched.content, fetched.content_type
