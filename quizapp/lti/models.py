"""LTI 1.3: the platforms (LMSs) registered with quizapp, the tool's own keys, and who is who in each LMS."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import UTCDateTime, db, one_of, timestamp_column
from quizapp.statuses import GRADE_SEND_STATUSES, GradeSendStatus

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
    # Further https origins (space-separated) whose pages may frame a session launched from this platform, besides
    # the issuer's and the login URL's: the school's own Canvas address (https://school.instructure.com).
    frame_origins: Mapped[str | None] = mapped_column(String(2000))
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


class LtiPlacement(db.Model):
    """A quiz a teacher placed in an LMS through deep linking, on one platform and deployment: a resource link
    there may open it (with the custom parameter quiz_id the placement wrote), a link naming any other quiz may not
    unless the quiz's owner is the instructor who launches it."""

    __tablename__ = "lti_placements"
    __table_args__ = (
        UniqueConstraint("platform_id", "deployment_id", "quiz_id"),
        Index("ix_lti_placements_quiz_id", "quiz_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(String(255))
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
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


class LtiGradeSend(db.Model):
    """The outbox of scores for the LMS: one row per resource link and student, holding the score to send.

    Written in the transaction that changed the student's score (a submit, a regrade, a mark, an overdue close),
    sent later by the background worker. A row already ``sent`` with the same score is not sent again.
    """

    __tablename__ = "lti_grade_sends"
    __table_args__ = (
        UniqueConstraint("link_id", "user_id"),
        CheckConstraint(one_of("status", GRADE_SEND_STATUSES), name="status_known"),
        CheckConstraint("tries >= 0", name="tries_not_negative"),
        CheckConstraint("score >= 0 AND score <= 100", name="score_percent"),
        Index("ix_lti_grade_sends_status_next_try_at", "status", "next_try_at"),
        Index("ix_lti_grade_sends_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("lti_resource_links.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column()  # percent, as the quiz's score policy keeps it
    fully_graded: Mapped[bool] = mapped_column()  # False while answers await the teacher's mark
    status: Mapped[str] = mapped_column(String(16), default=GradeSendStatus.PENDING)
    tries: Mapped[int] = mapped_column(default=0)  # tries of this score
    last_error: Mapped[str | None] = mapped_column(Text)
    next_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # None: sent, or tries ran out
    # A worker sending the row holds it until then, so that no other sends it at the same time.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = timestamp_column()

    link: Mapped[LtiResourceLink] = relationship()
    user: Mapped[User] = relationship()
