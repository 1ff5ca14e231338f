"""accounts (email, time zone, temporary passwords, reset links), document fingerprints, import duplicates

Revision ID: e21d29560a5a
Revises: c4e8a1f2d9b6
Create Date: 2026-12-07 13:30:00

"""
import hashlib
import re
import unicodedata

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'e21d29560a5a'
down_revision = 'c4e8a1f2d9b6'
branch_labels = None
depends_on = None

# A copy of quizapp.sources.models.text_fingerprint as it was when this migration was written.
_NOT_A_WORD = re.compile(r"[\W_]+")


# The audit log's action codes before and after this revision (see the audit_log revision).
OLD_ACTIONS = (
    'question.create', 'question.import', 'question.approve', 'question.reject', 'question.edit',
    'question.sent_back', 'question.regrade', 'flag.resolve', 'attempt.close_overdue', 'quiz.publish',
    'quiz.unpublish', 'quiz.duplicate', 'quiz.settings', 'quiz.rule_remove', 'class.member_remove',
    'class.extra_time', 'class.quiz_unassign', 'user.create', 'user.role', 'attempt.mark',
    'api_token.create', 'api_token.revoke',
)
NEW_ACTIONS = OLD_ACTIONS + ('user.disable', 'user.enable', 'user.temporary_password')


def _actions_check(actions):
    listed = ', '.join(repr(v) for v in actions)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_audit_events_action_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_audit_events_action_known'), f"action IN ({listed})")


def _fingerprint(text):
    words = _NOT_A_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def upgrade():
    # Plain ALTER TABLE, never a batch copy of users or source_documents: on SQLite the copy drops the old table,
    # and with foreign keys on that deletes every row that refers to it (attempts, questions...).
    op.add_column('users', sa.Column('email', sa.String(length=254), nullable=True))
    op.add_column('users', sa.Column('time_zone', sa.String(length=64), nullable=True))
    op.add_column('users', sa.Column('must_change_password', sa.Boolean(), server_default='0', nullable=False))
    op.create_index('ix_users_email', 'users', ['email'], unique=True)

    op.create_table('password_reset_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_password_reset_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_reset_tokens_token_hash'))
    )
    with op.batch_alter_table('password_reset_tokens', schema=None) as batch_op:
        batch_op.create_index('ix_password_reset_tokens_user_id', ['user_id'], unique=False)

    op.add_column('source_documents', sa.Column('text_fingerprint', sa.String(length=64), nullable=True))
    op.create_index(
        'ix_source_documents_owner_id_text_fingerprint', 'source_documents', ['owner_id', 'text_fingerprint'],
        unique=False,
    )

    connection = op.get_bind()
    documents = sa.table('source_documents', sa.column('id', sa.Integer), sa.column('cleaned_text', sa.Text),
                         sa.column('text_fingerprint', sa.String))
    for row in connection.execute(sa.select(documents.c.id, documents.c.cleaned_text)).all():
        connection.execute(
            documents.update().where(documents.c.id == row.id).values(text_fingerprint=_fingerprint(row.cleaned_text))
        )

    op.add_column('import_jobs', sa.Column('keep_duplicates', sa.Boolean(), server_default='0', nullable=False))
    _actions_check(NEW_ACTIONS)


def downgrade():
    # The older schema has no such actions: those events leave the log with it.
    op.execute("DELETE FROM audit_events WHERE action IN ('user.disable', 'user.enable', 'user.temporary_password')")
    _actions_check(OLD_ACTIONS)
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), for the reason given in upgrade.
    op.drop_column('import_jobs', 'keep_duplicates')
    op.drop_index('ix_source_documents_owner_id_text_fingerprint', table_name='source_documents')
    op.drop_column('source_documents', 'text_fingerprint')

    with op.batch_alter_table('password_reset_tokens', schema=None) as batch_op:
        batch_op.drop_index('ix_password_reset_tokens_user_id')
    op.drop_table('password_reset_tokens')

    op.drop_index('ix_users_email', table_name='users')
    op.drop_column('users', 'must_change_password')
    op.drop_column('users', 'time_zone')
    op.drop_column('users', 'email')
