"""Input no text column can hold, found before it reaches a query.

PostgreSQL text cannot store NUL (U+0000), and no database driver can encode a
lone UTF-16 surrogate (U+D800-U+DFFF, which JSON can spell as "\\ud800"); both
would fail deep inside a query as a 500. JSON nested thousands deep would fail as
a RecursionError. apps.core.middleware.InputGuardMiddleware and the API's JSON
parser refuse them as bad input instead.
"""

import json
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

# Deep enough for any form, API body or provider webhook we accept (Meta's are
# about 8 levels); shallow enough that no walk over the data can recurse far.
MAX_JSON_DEPTH = 32


class JSONTooDeep(ValueError):
    pass


def unstorable_message() -> str:
    return _(
        "This contains a character that cannot be processed (a NUL byte or an "
        "invalid Unicode character). Remove it and try again."
    )


def too_deep_message(max_depth: int) -> str:
    return _("The JSON body is nested too deeply (at most %(depth)s levels).") % {
        "depth": max_depth
    }


def has_unstorable(text: str) -> bool:
    return UNSTORABLE.search(text) is not None


def storable(value: Any) -> Any:
    """`value` with every unstorable character dropped, in nested lists and dicts too.

    For data we must keep rather than refuse: a provider's message is already
    sent, so the inbox stores it without the characters no column can hold.
    """
    if isinstance(value, str):
        return UNSTORABLE.sub("", value)
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    return value


def first_unstorable(pairs: Iterable[tuple[str, str]]) -> str | None:
    """The name of the first (name, value) pair whose name or value holds one."""
    for name, value in pairs:
        if has_unstorable(name) or has_unstorable(value):
            return UNSTORABLE.sub("", name)
    return None


def load_json(raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH, **kwargs) -> Any:
    """json.loads that raises JSONTooDeep past `max_depth` nested arrays/objects."""
    try:
        data = json.loads(raw, **kwargs)
    except RecursionError:
        raise JSONTooDeep(max_depth) from None
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > max_depth:
                raise JSONTooDeep(max_depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return data


def json_unstorable_path(data: Any) -> str | None:
    """Where in parsed JSON a key or string holds an unstorable character, as a
    dotted path ("applicant.name", "grounds.0"; "" for the top level), else None."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if has_unstorable(value):
                return ".".join(path)
        elif isinstance(value, dict):
            for key, child in value.items():
                clean = UNSTORABLE.sub("", key)
                if clean != key:
                    return ".".join((*path, clean))
                stack.append((child, (*path, key)))
        elif isinstance(value, list):
            stack.extend((child, (*path, str(i))) for i, child in enumerate(value))
    return None
