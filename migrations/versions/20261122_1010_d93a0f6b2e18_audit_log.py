"""the audit log of actions that change grades or trust

Revision ID: d93a0f6b2e18
Revises: c41d5e7a9b20
Create Date: 2026-11-22 10:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'd93a0f6b2e18'
down_revision = 'c41d5e7a9b20'
branch_labels = None
depends_on = None

# The action codes as they are at this revision: a later action needs its own migration of this CHECK.
ACTIONS = (
    'question.create', 'question.import', 'question.approve', 'question.reject', 'question.edit',
    'question.sent_back', 'question.regrade', 'flag.resolve', 'attempt.close_overdue', 'quiz.publish',
    'quiz.unpublish', 'quiz.duplicate', 'quiz.settings', 'quiz.rule_remove', 'class.member_remove',
    'class.extra_time', 'class.quiz_unassign', 'user.create', 'user.role',
)
SUBJECT_TYPES = ('question', 'quiz', 'class', 'attempt', 'user')


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade():
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=160), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject_type', sa.String(length=20), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.String(length=500), nullable=False),
    sa.Column('details', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), server_default='{}', nullable=False),
    sa.CheckConstraint(_one_of('action', ACTIONS), name=op.f('ck_audit_events_action_known')),
    sa.CheckConstraint(_one_of('subject_type', SUBJECT_TYPES), name=op.f('ck_audit_events_subject_type_known')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_audit_events_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_occurred_at', ['occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_owner_id_occurred_at', ['owner_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_actor_id_occurred_at', ['actor_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_subject', ['subject_type', 'subject_id', 'occurred_at'], unique=False)


def downgrade():
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_subject')
        batch_op.drop_index('ix_audit_events_actor_id_occurred_at')
        batch_op.drop_index('ix_audit_events_owner_id_occurred_at')
        batch_op.drop_index('ix_audit_events_occurred_at')

    op.drop_table('audit_events')
