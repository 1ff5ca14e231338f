"""Password hashing: Argon2id (argon2-cffi), with stored scrypt hashes still accepted and upgraded at login.

The method is configurable (PASSWORD_HASH_METHOD):

- ``argon2id`` (the default): Argon2id at OWASP's recommended minimum, 19 MiB of memory, 2 passes,
  1 lane. One check costs about 20 ms of CPU here, against about 80-150 ms for Werkzeug's scrypt
  (N = 2^15, below OWASP's scrypt minimum of 2^17): what makes a whole class able to log in at once.
- ``argon2id:TIME:MEMORY_KIB:LANES``: other costs (the test suite uses a cheap one);
- ``scrypt`` or ``scrypt:N:r:p``: Werkzeug's scrypt, as before.

A stored hash of another method or cost is accepted and rewritten with the configured one the next time
its owner logs in (see ``needs_rehash``): accounts move over without a reset.
"""

from __future__ import annotations

from collections.abc import Sequence

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash, generate_password_hash

DEFAULT_METHOD = "argon2id"
_OWASP_MINIMUM = (2, 19 * 1024, 1)  # passes, memory in KiB, lanes
_ARGON2_PREFIX = "$argon2id$"

PASSWORD_MIN = 8
PASSWORD_MAX = 128
# zxcvbn scores 0-4; 0 and 1 are passwords found in (or close to) the lists attackers try first.
MIN_STRENGTH = 2


class _Scheme:
    def __init__(self, method: str) -> None:
        self.method = method
        self.argon2: PasswordHasher | None = None
        self.scrypt_prefix = ""
        if method == "argon2id" or method.startswith("argon2id:"):
            costs = _OWASP_MINIMUM if method == "argon2id" else _argon2_costs(method)
            self.argon2 = PasswordHasher(time_cost=costs[0], memory_cost=costs[1], parallelism=costs[2], type=Type.ID)
        elif method != "scrypt" and not method.startswith("scrypt:"):
            raise ValueError(
                "PASSWORD_HASH_METHOD must be 'argon2id', 'argon2id:TIME:MEMORY_KIB:LANES', 'scrypt' or "
                f"'scrypt:N:r:p', not {method!r}"
            )
        else:
            self.scrypt_prefix = generate_password_hash("-", method=method).split("$", 1)[0] + "$"  # costs spelt out


def _argon2_costs(method: str) -> tuple[int, int, int]:
    try:
        time_cost, memory_kib, lanes = (int(part) for part in method.split(":")[1:])
    except ValueError:
        raise ValueError(f"PASSWORD_HASH_METHOD {method!r}: write argon2id:TIME:MEMORY_KIB:LANES") from None
    if time_cost < 1 or lanes < 1 or memory_kib < 8 * lanes:
        raise ValueError(f"PASSWORD_HASH_METHOD {method!r}: at least 1 pass, 1 lane and 8 KiB per lane")
    return time_cost, memory_kib, lanes


_scheme = _Scheme(DEFAULT_METHOD)
_VERIFIER = PasswordHasher()
# Passwords this installation publishes (the demo accounts'): the first an attacker tries on any account.
_published: frozenset[str] = frozenset()


def configure(method: str, published: Sequence[str] = ()) -> None:
    """Hash with ``method``; refuse the ``published`` passwords (DEMO_PASSWORD) as anyone's new password."""
    global _scheme, _DUMMY_HASH, _published
    _scheme = _Scheme(method)
    _DUMMY_HASH = None
    _published = frozenset(_folded(password) for password in published if password)


def _folded(password: str) -> str:
    return password.strip().casefold()


def hash_password(password: str) -> str:
    if _scheme.argon2 is not None:
        return _scheme.argon2.hash(password)
    return generate_password_hash(password, method=_scheme.method)


def verify_password(password_hash: str, password: str) -> bool:
    if password_hash.startswith(_ARGON2_PREFIX):
        try:
            # Verification reads the costs from the hash itself, so any configured scheme can check it.
            return _VERIFIER.verify(password_hash, password)
        except (VerificationError, InvalidHashError):  # a mismatch is a VerificationError too
            return False
    try:
        return check_password_hash(password_hash, password)
    except ValueError:  # a method Werkzeug does not know ("md5$...", "$argon2i$..."): never a match
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a hash that just verified should be rewritten with the configured method and cost."""
    if _scheme.argon2 is None:
        return not password_hash.startswith(_scheme.scrypt_prefix)
    if not password_hash.startswith(_ARGON2_PREFIX):
        return True
    try:
        return _scheme.argon2.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


# Hashed once, so that a login for an unknown user costs the same as a wrong password.
_DUMMY_HASH: str | None = None


def burn_equal_time(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a real password")
    verify_password(_DUMMY_HASH, password)


def weakness(password: str, user_inputs: Sequence[str] = (), *, published_ok: bool = False) -> str | None:
    """Why the password is too easy to guess, or None. Uses zxcvbn's word and password lists.

    A published password (the demo accounts') is refused too, unless ``published_ok`` (those demo accounts).
    """
    from zxcvbn import zxcvbn

    if not published_ok and _folded(password) in _published:
        return "This is the demo accounts' password, printed for anyone to read. Choose a password of your own."

    # zxcvbn reads at most 72 characters; a longer passphrase is judged by its first 72.
    result = zxcvbn(password[:72], user_inputs=[u for u in user_inputs if u])
    if result["score"] >= MIN_STRENGTH:
        return None
    warning = result["feedback"].get("warning") or "This password is too easy to guess."
    hint = " ".join(result["feedback"].get("suggestions") or []) or "A few unrelated words make a strong password."
    return f"{warning.rstrip('.')}. {hint}"
