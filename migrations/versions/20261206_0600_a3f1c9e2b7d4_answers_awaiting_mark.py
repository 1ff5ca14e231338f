"""attempt_answers.needs_mark: an answer grading could not mark waits for the teacher's mark; audit action attempt.mark

Revision ID: a3f1c9e2b7d4
Revises: e7b2c4d6f801
Create Date: 2026-12-06 06:00:00

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'a3f1c9e2b7d4'
down_revision = 'e7b2c4d6f801'
branch_labels = None
depends_on = None

# The action codes before and after this revision (see the audit_log revision).
OLD_ACTIONS = (
    'question.create', 'question.import', 'question.approve', 'question.reject', 'question.edit',
    'question.sent_back', 'question.regrade', 'flag.resolve', 'attempt.close_overdue', 'quiz.publish',
    'quiz.unpublish', 'quiz.duplicate', 'quiz.settings', 'quiz.rule_remove', 'class.member_remove',
    'class.extra_time', 'class.quiz_unassign', 'user.create', 'user.role',
)
NEW_ACTIONS = OLD_ACTIONS + ('attempt.mark',)


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _actions_check(actions):
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_audit_events_action_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_audit_events_action_known'), _one_of('action', actions))


def upgrade():
    # SQLite cannot add a CHECK to an existing table: batch mode copies the table.
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_mark', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_check_constraint(
            batch_op.f('ck_attempt_answers_awaiting_mark_unscored'), 'NOT needs_mark OR score IS NULL'
        )
    _actions_check(NEW_ACTIONS)


def downgrade():
    # The older schema has no such action: the teachers' marks leave the log with it.
    op.execute("DELETE FROM audit_events WHERE action = 'attempt.mark'")
    _actions_check(OLD_ACTIONS)
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_attempt_answers_awaiting_mark_unscored'), type_='check')
        batch_op.drop_column('needs_mark')
