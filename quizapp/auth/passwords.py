"""Password hashing with Werkzeug's scrypt.

The cost parameters are configurable (PASSWORD_HASH_METHOD) so that the test
suite can use a cheaper scrypt; production keeps Werkzeug's default cost.
"""

from __future__ import annotations

from collections.abc import Sequence

from werkzeug.security import check_password_hash, generate_password_hash

DEFAULT_METHOD = "scrypt"
_method = DEFAULT_METHOD

PASSWORD_MIN = 8
PASSWORD_MAX = 128
# zxcvbn scores 0-4; 0 and 1 are passwords found in (or close to) the lists attackers try first.
MIN_STRENGTH = 2


def configure(method: str) -> None:
    if not method.startswith("scrypt"):
        raise ValueError("passwords are hashed with scrypt; PASSWORD_HASH_METHOD must start with 'scrypt'")
    global _method
    _method = method


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=_method)


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


# Hashed once, so that a login for an unknown user costs the same as a wrong password.
_DUMMY_HASH: str | None = None


def burn_equal_time(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a real password")
    check_password_hash(_DUMMY_HASH, password)


def weakness(password: str, user_inputs: Sequence[str] = ()) -> str | None:
    """Why the password is too easy to guess, or None. Uses zxcvbn's word and password lists."""
    from zxcvbn import zxcvbn

    # zxcvbn reads at most 72 characters; a longer passphrase is judged by its first 72.
    result = zxcvbn(password[:72], user_inputs=[u for u in user_inputs if u])
    if result["score"] >= MIN_STRENGTH:
        return None
    warning = result["feedback"].get("warning") or "This password is too easy to guess."
    hint = " ".join(result["feedback"].get("suggestions") or []) or "A few unrelated words make a strong password."
    return f"{warning.rstrip('.')}. {hint}"
