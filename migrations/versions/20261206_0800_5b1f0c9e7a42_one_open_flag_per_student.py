"""question_flags: one open flag per student and question (extra open duplicates are closed first)

Revision ID: 5b1f0c9e7a42
Revises: bb9bb7709c57
Create Date: 2026-12-03 12:00:00

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1f0c9e7a42'
down_revision = 'bb9bb7709c57'
branch_labels = None
depends_on = None

INDEX = 'uq_question_flags_open_user_id_question_id'
OPEN = 'resolved_at IS NULL'
# Written on the duplicates this migration closes, so that the downgrade can open exactly those again.
DUPLICATE = 'Closed as a duplicate: the student had already reported this question (migration 5b1f0c9e7a42).'


def upgrade():
    # A student's open flags on one question beyond their earliest are closed, not deleted: the teacher still
    # sees what was written.
    op.get_bind().execute(
        sa.text(
            'UPDATE question_flags SET resolved_at = :now, resolution = :duplicate '
            'WHERE resolved_at IS NULL AND user_id IS NOT NULL AND EXISTS ('
            'SELECT 1 FROM question_flags AS earlier WHERE earlier.user_id = question_flags.user_id '
            'AND earlier.question_id = question_flags.question_id AND earlier.resolved_at IS NULL '
            'AND earlier.id < question_flags.id)'
        ).bindparams(
            sa.bindparam('now', datetime.now(timezone.utc), type_=sa.DateTime(timezone=True)),
            sa.bindparam('duplicate', DUPLICATE),
        )
    )
    with op.batch_alter_table('question_flags', schema=None) as batch_op:
        batch_op.create_index(
            INDEX,
            ['user_id', 'question_id'],
            unique=True,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )


def downgrade():
    with op.batch_alter_table('question_flags', schema=None) as batch_op:
        batch_op.drop_index(INDEX)
    op.get_bind().execute(
        sa.text(
            'UPDATE question_flags SET resolved_at = NULL, resolution = NULL WHERE resolution = :duplicate'
        ).bindparams(sa.bindparam('duplicate', DUPLICATE))
    )
