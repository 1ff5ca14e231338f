"""lti_grade_sends: the outbox of scores for LMS line items, sent and retried by the background worker; audit action user.lms_link

Revision ID: b3d5f7a9c1e2
Revises: e5ce868a31c3
Create Date: 2026-12-07 18:00:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b3d5f7a9c1e2"
down_revision = "e5ce868a31c3"
branch_labels = None
depends_on = None

# The audit log's action codes before and after this revision (see the audit_log revision).
OLD_ACTIONS = (
    "question.create", "question.import", "question.approve", "question.reject", "question.edit",
    "question.sent_back", "question.regrade", "flag.resolve", "attempt.close_overdue", "quiz.publish",
    "quiz.unpublish", "quiz.duplicate", "quiz.settings", "quiz.rule_remove", "class.member_remove",
    "class.extra_time", "class.quiz_unassign", "user.create", "user.role", "attempt.mark",
    "api_token.create", "api_token.revoke", "user.disable", "user.enable", "user.temporary_password",
)
NEW_ACTIONS = OLD_ACTIONS + ("user.lms_link",)


def _actions_check(actions):
    listed = ", ".join(repr(v) for v in actions)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_events_action_known"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_audit_events_action_known"), f"action IN ({listed})")


def upgrade():
    op.create_table(
        "lti_grade_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("fully_graded", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint("score >= 0 AND score <= 100", name=op.f("ck_lti_grade_sends_score_percent")),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'failed')", name=op.f("ck_lti_grade_sends_status_known")
        ),
        sa.CheckConstraint("tries >= 0", name=op.f("ck_lti_grade_sends_tries_not_negative")),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["lti_resource_links.id"],
            name=op.f("fk_lti_grade_sends_link_id_lti_resource_links"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_lti_grade_sends_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_grade_sends")),
        sa.UniqueConstraint("link_id", "user_id", name=op.f("uq_lti_grade_sends_link_id_user_id")),
    )
    with op.batch_alter_table("lti_grade_sends", schema=None) as batch_op:
        batch_op.create_index("ix_lti_grade_sends_status_next_try_at", ["status", "next_try_at"], unique=False)
        batch_op.create_index("ix_lti_grade_sends_user_id", ["user_id"], unique=False)
    _actions_check(NEW_ACTIONS)


def downgrade():
    op.execute("DELETE FROM audit_events WHERE action = 'user.lms_link'")
    _actions_check(OLD_ACTIONS)
    with op.batch_alter_table("lti_grade_sends", schema=None) as batch_op:
        batch_op.drop_index("ix_lti_grade_sends_user_id")
        batch_op.drop_index("ix_lti_grade_sends_status_next_try_at")

    op.drop_table("lti_grade_sends")
