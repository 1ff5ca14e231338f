"""LTI registration: platforms, their deployments, and the tool's key pairs.

Services work on the session they are given and flush; the view commits.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.exceptions import Conflict, DomainError
from quizapp.lti.models import LtiDeployment, LtiPlatform, LtiToolKey
from quizapp.models import utcnow

KEY_BITS = 2048


class InvalidRegistration(DomainError):
    """A platform registration that cannot work; the message says which field."""


def _b64url_uint(value: int) -> str:
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def create_tool_key(session: Session) -> LtiToolKey:
    """A new RSA key pair for the tool, stored; it becomes the signing key."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    key = LtiToolKey(
        kid=secrets.token_urlsafe(16),
        private_key_pem=private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode("ascii"),
        public_key_pem=private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii"),
    )
    session.add(key)
    session.flush()
    return key


def live_tool_keys(session: Session) -> list[LtiToolKey]:
    """The unretired keys, newest first."""
    return list(
        session.scalars(select(LtiToolKey).where(LtiToolKey.retired_at.is_(None)).order_by(LtiToolKey.id.desc()))
    )


def signing_key(session: Session) -> LtiToolKey:
    """The key the tool signs with: the newest unretired one, made on first use."""
    keys = live_tool_keys(session)
    return keys[0] if keys else create_tool_key(session)


def rotate_tool_key(session: Session, *, now: datetime | None = None) -> LtiToolKey:
    """Make a new signing key. The one before it stays published, so that platforms that cached it and
    assertions signed a moment ago still verify; any older key is retired."""
    new = create_tool_key(session)
    for old in live_tool_keys(session)[2:]:
        old.retired_at = now or utcnow()
    session.flush()
    return new


def public_jwk(key: LtiToolKey) -> dict[str, str]:
    """The public half of a tool key as a JWK (RS256)."""
    public = serialization.load_pem_public_key(key.public_key_pem.encode("ascii"))
    assert isinstance(public, rsa.RSAPublicKey)
    numbers = public.public_numbers()
    return {
        "kty": "RSA",
        "alg": "RS256",
        "use": "sig",
        "kid": key.kid,
        "n": _b64url_uint(numbers.n),
        "e": _b64url_uint(numbers.e),
    }


def public_jwks(session: Session) -> dict[str, list[dict[str, str]]]:
    """The key set published at /lti/jwks: every unretired key, never a private part."""
    return {"keys": [public_jwk(key) for key in live_tool_keys(session)]}


def _https_url(value: str, field: str, *, testing: bool) -> str:
    value = value.strip()
    parts = urlsplit(value)
    allowed = ("https", "http") if testing else ("https",)
    if parts.scheme not in allowed or not parts.netloc:
        raise InvalidRegistration(f"{field} must be a full https:// address.")
    return value


def _check_public_key(text: str) -> str:
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as error:
            raise InvalidRegistration("The platform key is not valid JSON (paste a JWK, a JWKS or a PEM).") from error
        keys = data.get("keys", [data]) if isinstance(data, dict) else None
        if not keys or not all(isinstance(k, dict) and k.get("kty") == "RSA" for k in keys):
            raise InvalidRegistration("The platform key must be an RSA JWK or a JWKS of them.")
        return text
    try:
        key = serialization.load_pem_public_key(text.encode("utf-8"))
    except ValueError as error:
        raise InvalidRegistration("The platform key is not a PEM public key (paste a JWK, a JWKS or a PEM).") from error
    if not isinstance(key, rsa.RSAPublicKey):
        raise InvalidRegistration("The platform key must be an RSA key.")
    return text


def parse_deployment_ids(text: str) -> list[str]:
    """Deployment ids, one per line or separated by commas, without blanks or repeats."""
    seen: list[str] = []
    for part in text.replace(",", "\n").splitlines():
        part = part.strip()
        if part and part not in seen:
            if len(part) > 255:
                raise InvalidRegistration("A deployment id is longer than 255 characters.")
            seen.append(part)
    return seen


ORIGIN = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def parse_frame_origins(text: str) -> str:
    """Site addresses (https://host[:port], nothing after), one per line or space-separated; kept space-separated."""
    origins: list[str] = []
    for part in text.replace(",", " ").split():
        origin = part.rstrip("/").lower()
        if not ORIGIN.fullmatch(origin):
            raise InvalidRegistration(f"{part[:80]!r} is not a site address like https://lms.example.org.")
        if origin not in origins:
            origins.append(origin)
    return " ".join(origins)


def register_platform(
    session: Session,
    *,
    name: str,
    issuer: str,
    client_id: str,
    deployment_ids: list[str],
    auth_login_url: str,
    auth_token_url: str,
    key_set_url: str = "",
    public_key: str = "",
    frame_origins: str = "",
    allow_http: bool = False,
) -> LtiPlatform:
    """Register an LMS. Exactly one of ``key_set_url`` and ``public_key`` gives the platform's keys.

    ``allow_http`` (tests only) accepts http:// addresses. Raises ``InvalidRegistration`` or ``Conflict``.
    """
    issuer, client_id = issuer.strip(), client_id.strip()
    if not issuer or not client_id:
        raise InvalidRegistration("Issuer and client id are both needed.")
    if not deployment_ids:
        raise InvalidRegistration("Give at least one deployment id.")
    if bool(key_set_url.strip()) == bool(public_key.strip()):
        raise InvalidRegistration("Give either the platform's key set URL or its public key, not both.")
    exists = session.scalar(
        select(LtiPlatform.id).where(LtiPlatform.issuer == issuer, LtiPlatform.client_id == client_id)
    )
    if exists is not None:
        raise Conflict("This issuer and client id are already registered.")
    platform = LtiPlatform(
        name=name.strip() or issuer,
        issuer=issuer,
        client_id=client_id,
        auth_login_url=_https_url(auth_login_url, "The login (authentication) URL", testing=allow_http),
        auth_token_url=_https_url(auth_token_url, "The access token URL", testing=allow_http),
        key_set_url=_https_url(key_set_url, "The key set URL", testing=allow_http) if key_set_url.strip() else None,
        public_key=_check_public_key(public_key) if public_key.strip() else None,
        frame_origins=parse_frame_origins(frame_origins) or None,
        deployments=[LtiDeployment(deployment_id=d) for d in deployment_ids],
    )
    session.add(platform)
    signing_key(session)  # the tool needs a key before any LMS can talk to it
    session.flush()
    return platform


def list_platforms(session: Session) -> list[LtiPlatform]:
    return list(session.scalars(select(LtiPlatform).order_by(LtiPlatform.name, LtiPlatform.id)))
