"""Private status links: a signed token naming a case (DECISIONS.md, tracking)."""

from django.core import signing

SALT = "ppid.status-link"


def make_status_token(kind: str, number: str) -> str:
    return signing.dumps({"k": kind, "n": number}, salt=SALT, compress=True)


def read_status_token(token: str, *, kind: str) -> str | None:
    """The case number in a valid token of `kind`, else None."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") != kind:
        return None
    number = data.get("n")
    return number if isinstance(number, str) else None
