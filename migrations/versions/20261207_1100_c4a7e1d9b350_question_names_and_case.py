"""question_versions.name (Moodle's question name) and question_versions.case_sensitive (Moodle's usecase)

Fill-in keys gain partial credit without a data migration: a plain string in a key stays an answer worth
full marks, and only answers worth less are written as {"text", "fraction"} (see quizapp/short_answers.py).

Revision ID: c4a7e1d9b350
Revises: 46d641372c92
Create Date: 2026-12-06 08:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4a7e1d9b350'
down_revision = '46d641372c92'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=255), server_default='', nullable=False))
        batch_op.add_column(sa.Column('case_sensitive', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_check_constraint(
            'case_sensitive_fill_in_only', "NOT case_sensitive OR type = 'fill_in'"
        )


def downgrade():
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_question_versions_case_sensitive_fill_in_only'), type_='check')
        batch_op.drop_column('case_sensitive')
        batch_op.drop_column('name')
