"""Private status links: a signed token naming a case (DECISIONS.md, tracking).

One registry of token kinds: each case kind is registered once (apps.core.cases
registers its name), and a token of an unregistered kind is neither made nor
read. apps.core.cases.case_from_token is the case a valid token names.
"""

from django.core import signing

SALT = "ppid.status-link"

_KINDS: set[str] = set()


def register_token_kind(kind: str) -> None:
    _KINDS.add(kind)


def token_kinds() -> frozenset[str]:
    return frozenset(_KINDS)


def make_status_token(kind: str, number: str) -> str:
    if kind not in _KINDS:
        raise LookupError(f"Unknown status token kind {kind!r}")
    return signing.dumps({"k": kind, "n": number}, salt=SALT, compress=True)


def read_status_token(token: str, *, kind: str) -> str | None:
    """The case number in a valid token of `kind`, else None."""
    if kind not in _KINDS:
        return None
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") != kind:
        return None
    number = data.get("n")
    return number if isinstance(number, str) else None
