"""pylti1p3 glue: registrations read from the database, and OIDC state, nonces and launches kept in it.

The store is the database so that every worker sees the same state; a nonce is deleted the moment a launch
uses it, so a replayed id_token is refused (pylti1p3 itself only checks that the nonce exists).
"""

from __future__ import annotations

import json
import typing as t
from datetime import timedelta

from pylti1p3.contrib.flask import FlaskMessageLaunch
from pylti1p3.deployment import Deployment
from pylti1p3.launch_data_storage.base import LaunchDataStorage
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quizapp.lti.models import LtiDeployment, LtiLaunchValue, LtiPlatform
from quizapp.lti.services import signing_key
from quizapp.models import utcnow

DEFAULT_LIFETIME = 3600  # seconds: state and nonce live 5 minutes in practice, launches a day (pylti1p3's choice)
NONCE_MARK = "-nonce-"


def find_platform(session: Session, issuer: str, client_id: str | None) -> LtiPlatform | None:
    """The registration for an issuer and client id; without a client id, the issuer's only registration."""
    query = select(LtiPlatform).where(LtiPlatform.issuer == issuer)
    if client_id:
        query = query.where(LtiPlatform.client_id == client_id)
    found = list(session.scalars(query.limit(2)))
    return found[0] if len(found) == 1 else None


class DatabaseToolConf(ToolConfAbstract):  # type: ignore[type-arg]
    """Registrations and deployments from ``lti_platforms``; one issuer may hold many client ids."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args: t.Any, **kwargs: t.Any) -> Registration | None:
        return self.find_registration_by_params(iss, None)

    def find_registration_by_params(
        self, iss: str, client_id: str | None, *args: t.Any, **kwargs: t.Any
    ) -> Registration | None:
        platform = find_platform(self.session, iss, client_id)
        if platform is None:
            return None
        key = signing_key(self.session)
        registration = (
            Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_tool_private_key(key.private_key_pem)
            .set_tool_public_key(key.public_key_pem)
        )
        if platform.key_set_url:
            registration.set_key_set_url(platform.key_set_url)
        if platform.public_key:
            registration.set_key_set(_key_set(platform.public_key))
        # pylti1p3 names the signing key by a hash of the public key unless told: say the kid /lti/jwks publishes.
        registration.get_kid = lambda: key.kid  # type: ignore[method-assign]
        return registration

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str | None, *args: t.Any, **kwargs: t.Any
    ) -> Deployment | None:
        platform = find_platform(self.session, iss, client_id)
        if platform is None:
            return None
        found = self.session.scalar(
            select(LtiDeployment.id).where(
                LtiDeployment.platform_id == platform.id, LtiDeployment.deployment_id == str(deployment_id)
            )
        )
        return Deployment().set_deployment_id(deployment_id) if found is not None else None


def _key_set(text: str) -> dict[str, t.Any]:
    """A pasted platform key as the JWKS pylti1p3 expects (PEM keys are converted to a JWK)."""
    text = text.strip()
    if text.startswith("{"):
        data = json.loads(text)
        return data if "keys" in data else {"keys": [data]}
    # A bare PEM names no kid, while the platform's id_token does: keep the PEM and verify with it (below).
    return {"keys": [dict(Registration.get_jwk(text))], "pem": text}


class DatabaseLaunchStorage(LaunchDataStorage[t.Any]):
    """pylti1p3's launch data storage on ``lti_launch_values``: JSON values with an expiry."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def get_session_cookie_name(self) -> str | None:
        # Keys are random (state, nonce, launch id) and need no browser session: an LMS iframe often has no
        # cookies at all, so none is required to find them.
        return None

    def can_set_keys_expiration(self) -> bool:
        return True

    def _row(self, key: str) -> LtiLaunchValue | None:
        row = self.session.get(LtiLaunchValue, self._prepare_key(key))
        if row is None or row.expires_at <= utcnow():
            return None
        return row

    def get_value(self, key: str) -> t.Any:
        row = self._row(key)
        return json.loads(row.value) if row is not None else None

    def set_value(self, key: str, value: t.Any, exp: int | None = None) -> None:
        prepared = self._prepare_key(key)
        expires = utcnow() + timedelta(seconds=exp or DEFAULT_LIFETIME)
        row = self.session.get(LtiLaunchValue, prepared)
        if row is None:
            self.session.add(LtiLaunchValue(key=prepared, value=json.dumps(value), expires_at=expires))
        else:
            row.value, row.expires_at = json.dumps(value), expires
        self.session.flush()

    def check_value(self, key: str) -> bool:
        if NONCE_MARK not in key:
            return self._row(key) is not None
        # A nonce is good once: delete it, and only the request whose DELETE removed the row may use it.
        deleted = self.session.execute(
            delete(LtiLaunchValue).where(
                LtiLaunchValue.key == self._prepare_key(key), LtiLaunchValue.expires_at > utcnow()
            )
        )
        return bool(getattr(deleted, "rowcount", 0))


def forget_expired(session: Session) -> int:
    """Delete expired state, nonces and launches; returns how many rows went."""
    result = session.execute(delete(LtiLaunchValue).where(LtiLaunchValue.expires_at <= utcnow()))
    return int(getattr(result, "rowcount", 0) or 0)


class QuizMessageLaunch(FlaskMessageLaunch):  # type: ignore[misc]
    """pylti1p3's Flask launch; a platform key pasted in as one PEM has no kid, so it verifies any kid."""

    def get_public_key(self) -> t.Any:
        key_set = self._registration.get_key_set() if self._registration else None
        if isinstance(key_set, dict) and key_set.get("pem"):
            return key_set["pem"]
        return super().get_public_key()
