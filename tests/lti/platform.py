"""An LMS in the test process: lti1p3platform signs launches as Moodle or Canvas would.

lti1p3platform refuses to fetch keys from localhost, so each side is given the other's keys inline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask.testing import FlaskClient
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import RequestBase, TRequest
from sqlalchemy import select

from quizapp.auth.models import User
from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.deep_linking import record_placement
from quizapp.lti.models import LtiPlatform
from quizapp.quizzes.models import Quiz

ISSUER = "https://lms.example.org"
CLIENT_ID = "quizapp-client"
DEPLOYMENT_ID = "deployment-1"
LAUNCH_URL = "http://localhost/lti/launch"
LOGIN_URL = "http://localhost/lti/login"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


def handoff_path(page: str) -> str:
    """The one-time /lti/enter link of a launch's page (the new tab's address)."""
    found = re.search(r'href="http://localhost(/lti/enter\?token=[^"]+)"', page)
    assert found is not None, page
    return found.group(1)


def new_key_pair() -> tuple[str, str]:
    """(private PEM, public PEM) of a fresh RSA key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


class _Request(RequestBase):
    def __init__(self, params: dict[str, Any]) -> None:
        self.request: TRequest = {"method": "POST", "form_data": params, "get_data": params, "path": "/auth"}


class _Conf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs: Any) -> None:
        self._registration = kwargs["registration"]

    def get_registration_by_params(self, **kwargs: Any) -> Registration:
        assert self._registration is not None
        return self._registration


class _Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        return launch_data


@dataclass
class Platform:
    """The LMS: its keys, its registration of quizapp, and launches it makes."""

    keys: tuple[str, str] = field(default_factory=new_key_pair)
    deployment_id: str = DEPLOYMENT_ID

    def registration(self, private_key: str | None = None, deployment_id: str | None = None) -> Registration:
        return (
            Registration()
            .set_iss(ISSUER)
            .set_client_id(CLIENT_ID)
            .set_deployment_id(deployment_id or self.deployment_id)
            .set_launch_url(LAUNCH_URL)
            .set_oidc_login_url(LOGIN_URL)
            .set_platform_public_key(self.keys[1])
            .set_platform_private_key(private_key or self.keys[0])
        )

    def jwks(self) -> str:
        return json.dumps({"keys": self.registration().get_jwks()})

    def place(self, quiz: Quiz, deployment_id: str = DEPLOYMENT_ID) -> None:
        """Record ``quiz`` as placed in this LMS by deep linking, as the picker's answer does."""
        platform = db.session.scalars(select(LtiPlatform).where(LtiPlatform.issuer == ISSUER)).one()
        owner = db.session.get(User, quiz.owner_id)
        assert owner is not None
        record_placement(db.session, platform, deployment_id, quiz, owner)
        db.session.commit()

    def register_in_quizapp(self) -> LtiPlatform:
        platform = services.register_platform(
            db.session,
            name="Test LMS",
            issuer=ISSUER,
            client_id=CLIENT_ID,
            deployment_ids=[DEPLOYMENT_ID],
            auth_login_url=f"{ISSUER}/auth",
            auth_token_url=f"{ISSUER}/token",
            public_key=self.jwks(),
        )
        db.session.commit()
        return platform

    def login(self, client: FlaskClient, subject: str) -> dict[str, str]:
        """The OIDC login initiation; returns the auth request quizapp redirected the browser to."""
        response = client.post(
            "/lti/login",
            data={"iss": ISSUER, "login_hint": subject, "target_link_uri": LAUNCH_URL, "client_id": CLIENT_ID},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        location = urlsplit(response.headers["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == f"{ISSUER}/auth"
        return {k: v[0] for k, v in parse_qs(location.query).items()}

    def signed_launch(
        self,
        auth: dict[str, str],
        subject: str,
        roles: list[str],
        *,
        link_id: str = "link-1",
        custom: dict[str, str] | None = None,
        lineitem: str | None = None,
        private_key: str | None = None,
        deployment_id: str | None = None,
        deep_link_return: str | None = None,
    ) -> dict[str, str]:
        """The form the LMS posts to the launch URL: state and a signed id_token (an LtiDeepLinkingRequest
        returning to ``deep_link_return`` when it is given)."""
        registration = self.registration(private_key, deployment_id)
        launch = _Launch(_Request(auth), _Conf(registration=registration))
        launch._registration = launch._platform_config.get_registration()
        launch.validate_preflight_response(auth)
        launch.set_launch_url(LAUNCH_URL)
        launch.set_user_data(subject, roles, full_name=f"User {subject}")
        launch.set_resource_link_claim(link_id, title="Canal quiz")
        launch.set_launch_context_claim("course-7", context_title="History 8C")
        if custom:
            launch.set_custom_parameters_claim(custom)
        if lineitem:
            launch.set_ags(f"{ISSUER}/lineitems", lineitem)
        if deep_link_return:
            registration.set_deeplink_launch_url(LAUNCH_URL)
            launch.set_dl(deep_link_return, title="Add an activity", extra_data={"course": "7"})
        data = launch.generate_launch_request()
        return {"state": data["state"], "id_token": data["id_token"]}

    def content_items(self, jwt: str, tool_jwks: dict[str, Any]) -> list[dict[str, Any]]:
        """The items of a tool's LtiDeepLinkingResponse, its signature checked against the tool's key set."""
        conf = _Conf(registration=self.registration().set_tool_key_set(tool_jwks))
        conf.get_registration()
        return conf.validate_deeplinking_resp({"JWT": jwt})

    def launch(self, client: FlaskClient, subject: str, roles: list[str], **options: Any) -> Any:
        """Login initiation, then the signed launch, as a browser in the LMS would; the launch's response."""
        auth = self.login(client, subject)
        return client.post("/lti/launch", data=self.signed_launch(auth, subject, roles, **options))
