"""Secret codes of anonymous reporters: shown once, stored only as a keyed hash."""

import hmac
import re
import secrets

from django.utils.crypto import salted_hmac

# No 0/O, 1/I/L: the code is copied by hand from a screen or paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 3, 4  # 12 characters from 31: about 59 bits
_SALT = "ppid.complaints.secret-code"


def new_secret_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(
        chars[i : i + GROUP_LENGTH] for i in range(0, len(chars), GROUP_LENGTH)
    )


def normalize_code(text: str) -> str:
    return re.sub(r"[\s-]", "", (text or "").upper())


def hash_code(code: str) -> str:
    return salted_hmac(_SALT, normalize_code(code), algorithm="sha256").hexdigest()


def code_matches(given: str, stored_hash: str) -> bool:
    if not stored_hash or not normalize_code(given):
        return False
    return hmac.compare_digest(hash_code(given), stored_hash)
