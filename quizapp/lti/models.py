"""LTI 1.3: the platforms (LMSs) registered with quizapp, the tool's own keys, and who is who in each LMS."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import UTCDateTime, db, timestamp_column

URL_MAX = 500


class LtiPlatform(db.Model):
    """One LMS registration: an issuer and the client id it gave quizapp."""

    __tablename__ = "lti_platforms"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    issuer: Mapped[str] = mapped_column(String(URL_MAX))
    client_id: Mapped[str] = mapped_column(String(255))
    auth_login_url: Mapped[str] = mapped_column(String(URL_MAX))
    auth_token_url: Mapped[str] = mapped_column(String(URL_MAX))
    # One of the two: where the platform publishes its keys, or its public key (PEM or JWKS JSON) pasted in.
    key_set_url: Mapped[str | None] = mapped_column(String(URL_MAX))
    public_key: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = timestamp_column()

    deployments: Mapped[list[LtiDeployment]] = relationship(
        back_populates="platform", cascade="all, delete-orphan", order_by="LtiDeployment.id"
    )


class LtiDeployment(db.Model):
    """A deployment id the platform may launch with; any other is refused."""

    __tablename__ = "lti_deployments"
    __table_args__ = (UniqueConstraint("platform_id", "deployment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(String(255))

    platform: Mapped[LtiPlatform] = relationship(back_populates="deployments")


class LtiToolKey(db.Model):
    """A key pair of the tool: the newest unretired one signs; all unretired ones are published at /lti/jwks."""

    __tablename__ = "lti_tool_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    private_key_pem: Mapped[str] = mapped_column(Text)
    public_key_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = timestamp_column()
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LtiIdentity(db.Model):
    """A user as one platform knows them: the LMS's ``sub`` claim, matched on every launch."""

    __tablename__ = "lti_identities"
    __table_args__ = (UniqueConstraint("platform_id", "subject"), Index("ix_lti_identities_user_id", "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = timestamp_column()

    user: Mapped[User] = relationship()


class LtiResourceLink(db.Model):
    """A link placed in an LMS course, and the quiz it opens; its line item receives the scores."""

    __tablename__ = "lti_resource_links"
    __table_args__ = (
        UniqueConstraint("platform_id", "resource_link_id"),
        Index("ix_lti_resource_links_quiz_id", "quiz_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    resource_link_id: Mapped[str] = mapped_column(String(255))
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    lineitem_url: Mapped[str | None] = mapped_column(String(URL_MAX))
    created_at: Mapped[datetime] = timestamp_column()


class LtiLaunchValue(db.Model):
    """OIDC state, nonces and cached launches, shared by every worker; a nonce is deleted when it is used."""

    __tablename__ = "lti_launch_values"
    __table_args__ = (Index("ix_lti_launch_values_expires_at", "expires_at"),)

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LtiContext(db.Model):
    """An LMS course, and the quizapp class its learners are put in so that the course's quizzes open to them."""

    __tablename__ = "lti_contexts"
    __table_args__ = (UniqueConstraint("platform_id", "context_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    context_id: Mapped[str] = mapped_column(String(255))
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), unique=True)
