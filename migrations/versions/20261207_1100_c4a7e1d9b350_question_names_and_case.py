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

CHECK_NAME = 'ck_question_versions_case_sensitive_fill_in_only'
CHECK = "NOT case_sensitive OR type = 'fill_in'"


def upgrade():
    if op.get_bind().dialect.name == 'sqlite':
        # Batch mode would copy the table and drop the old one, which attempts, sources and flags point at (with
        # foreign keys on, that fails or cascades). SQLite adds a column with its own CHECK in place.
        op.execute("ALTER TABLE question_versions ADD COLUMN name VARCHAR(255) DEFAULT '' NOT NULL")
        op.execute(
            "ALTER TABLE question_versions ADD COLUMN case_sensitive BOOLEAN DEFAULT 0 NOT NULL "
            f"CONSTRAINT {CHECK_NAME} CHECK ({CHECK})"
        )
        return
    op.add_column('question_versions', sa.Column('name', sa.String(length=255), server_default='', nullable=False))
    op.add_column(
        'question_versions', sa.Column('case_sensitive', sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.create_check_constraint(op.f(CHECK_NAME), 'question_versions', CHECK)


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        # In place too (SQLite 3.35+): the CHECK belongs to the column it goes with.
        op.execute('ALTER TABLE question_versions DROP COLUMN case_sensitive')
        op.execute('ALTER TABLE question_versions DROP COLUMN name')
        return
    op.drop_constraint(op.f(CHECK_NAME), 'question_versions', type_='check')
    op.drop_column('question_versions', 'case_sensitive')
    op.drop_column('question_versions', 'name')
