"""api tokens: personal tokens for the JSON API, stored as sha256 hashes with scopes and an expiry; audit actions api_token.create and api_token.revoke

Revision ID: c4e8a1f2d9b6
Revises: c7d2a9e4f1b3
Create Date: 2026-12-07 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4e8a1f2d9b6'
down_revision = 'c7d2a9e4f1b3'
branch_labels = None
depends_on = None

# The action codes before and after this revision (see the audit_log revision).
OLD_ACTIONS = (
    'question.create', 'question.import', 'question.approve', 'question.reject', 'question.edit',
    'question.sent_back', 'question.regrade', 'flag.resolve', 'attempt.close_overdue', 'attempt.mark',
    'quiz.publish', 'quiz.unpublish', 'quiz.duplicate', 'quiz.settings', 'quiz.rule_remove',
    'class.member_remove', 'class.extra_time', 'class.quiz_unassign', 'user.create', 'user.role',
)
NEW_ACTIONS = OLD_ACTIONS + ('api_token.create', 'api_token.revoke')


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _actions_check(actions):
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_audit_events_action_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_audit_events_action_known'), _one_of('action', actions))


def upgrade():
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('prefix', sa.String(length=16), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('scopes', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("scopes IN ('read', 'read write')", name=op.f('ck_api_tokens_scopes_known')),
    sa.CheckConstraint('length(token_hash) = 64', name=op.f('ck_api_tokens_hash_is_sha256')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('prefix', name=op.f('uq_api_tokens_prefix'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index('ix_api_tokens_user_id', ['user_id'], unique=False)
    _actions_check(NEW_ACTIONS)


def downgrade():
    # The older schema has no such actions: the token events leave the log with the tokens.
    op.execute("DELETE FROM audit_events WHERE action IN ('api_token.create', 'api_token.revoke')")
    _actions_check(OLD_ACTIONS)
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index('ix_api_tokens_user_id')

    op.drop_table('api_tokens')
