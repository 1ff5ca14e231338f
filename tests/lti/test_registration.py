"""Registering an LMS, the tool's keys and its JWKS endpoint."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.exceptions import Conflict
from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.models import LtiPlatform, LtiToolKey
from tests.support import post_form

FORM = {
    "name": "School Moodle",
    "issuer": "https://moodle.example.org",
    "client_id": "abc123",
    "deployment_ids": "1\n2, 2",
    "auth_login_url": "https://moodle.example.org/mod/lti/auth.php",
    "auth_token_url": "https://moodle.example.org/mod/lti/token.php",
    "key_set_url": "https://moodle.example.org/mod/lti/certs.php",
    "public_key": "",
}


def _register(**changes: object) -> LtiPlatform:
    values: dict[str, object] = dict(FORM.items())
    values["deployment_ids"] = services.parse_deployment_ids(str(values["deployment_ids"]))
    values.update(changes)
    return services.register_platform(db.session, **values)  # type: ignore[arg-type]


def test_registering_stores_deployments_and_makes_a_tool_key(app: Flask) -> None:
    platform = _register()
    db.session.commit()
    assert [d.deployment_id for d in platform.deployments] == ["1", "2"]
    assert len(services.live_tool_keys(db.session)) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"public_key": "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----"}, "either"),
        ({"key_set_url": "", "public_key": "not a key"}, "not a PEM"),
        ({"key_set_url": "", "public_key": '{"kty": "EC"}'}, "RSA"),
        ({"auth_token_url": "http://moodle.example.org/token"}, "https://"),
        ({"deployment_ids": []}, "deployment"),
    ],
)
def test_unusable_registrations_are_refused(app: Flask, changes: dict[str, object], message: str) -> None:
    with pytest.raises(services.InvalidRegistration, match=message):
        _register(**changes)


def test_the_same_issuer_and_client_cannot_register_twice(app: Flask) -> None:
    _register()
    with pytest.raises(Conflict):
        _register(name="Again")


def test_admin_registers_a_platform_and_sees_the_urls_to_copy(admin_client: FlaskClient) -> None:
    page = admin_client.get("/admin/lti").get_data(as_text=True)
    for path in ("/lti/login", "/lti/launch", "/lti/jwks"):
        assert f"http://localhost{path}" in page
    response = post_form(admin_client, "/admin/lti", FORM, token_from="/admin/lti")
    assert response.status_code == 302  # type: ignore[attr-defined]
    page = admin_client.get("/admin/lti").get_data(as_text=True)
    assert "School Moodle" in page
    assert "abc123" in page
    key = db.session.scalars(select(LtiToolKey)).one()
    assert key.kid in page
    assert "PRIVATE KEY" not in page
    assert key.private_key_pem.splitlines()[1] not in page


def test_a_bad_registration_keeps_the_form_and_stores_nothing(admin_client: FlaskClient) -> None:
    response = post_form(
        admin_client, "/admin/lti", {**FORM, "auth_login_url": "javascript:alert(1)"}, token_from="/admin/lti"
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "must be a full https:// address" in page
    assert "abc123" in page
    assert db.session.scalar(select(func.count()).select_from(LtiPlatform)) == 0


def test_teachers_cannot_register_platforms(teacher_client: FlaskClient) -> None:
    assert teacher_client.get("/admin/lti").status_code == 403


def test_jwks_publishes_public_keys_only_and_rotation_keeps_the_previous_one(
    admin_client: FlaskClient, client: FlaskClient
) -> None:
    first = services.signing_key(db.session)
    db.session.commit()
    keys = client.get("/lti/jwks").get_json()["keys"]
    assert [k["kid"] for k in keys] == [first.kid]
    assert set(keys[0]) == {"kty", "alg", "use", "kid", "n", "e"}  # no "d", "p", "q": nothing private

    post_form(admin_client, "/admin/lti/keys/rotate", {}, token_from="/admin/lti")
    kids = [k["kid"] for k in client.get("/lti/jwks").get_json()["keys"]]
    second = services.signing_key(db.session)
    assert kids == [second.kid, first.kid]

    post_form(admin_client, "/admin/lti/keys/rotate", {}, token_from="/admin/lti")
    kids = [k["kid"] for k in client.get("/lti/jwks").get_json()["keys"]]
    assert first.kid not in kids
    assert second.kid in kids
    assert len(kids) == 2


def test_published_key_verifies_what_the_signing_key_signs(app: Flask) -> None:
    import jwt
    from jwt.algorithms import RSAAlgorithm

    key = services.signing_key(db.session)
    token = jwt.encode({"x": 1}, key.private_key_pem, algorithm="RS256", headers={"kid": key.kid})
    public = RSAAlgorithm.from_jwk(services.public_jwk(key))
    assert jwt.decode(token, public, algorithms=["RS256"]) == {"x": 1}  # type: ignore[arg-type]
