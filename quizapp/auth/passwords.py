"""Password hashing with Werkzeug's scrypt.

The cost parameters are configurable (PASSWORD_HASH_METHOD) so that the test
suite can use a cheaper scrypt; production keeps Werkzeug's default cost.
"""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

DEFAULT_METHOD = "scrypt"
_method = DEFAULT_METHOD

PASSWORD_MIN = 8
PASSWORD_MAX = 128


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
