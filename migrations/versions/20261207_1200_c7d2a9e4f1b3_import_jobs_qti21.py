"""import_jobs.format: QTI 2.1 packages are imported in the background too

Revision ID: c7d2a9e4f1b3
Revises: c4a7e1d9b350
Create Date: 2026-12-07 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7d2a9e4f1b3'
down_revision = 'c4a7e1d9b350'
branch_labels = None
depends_on = None


def upgrade():
    # SQLite cannot change a CHECK in place: batch mode copies the table.
    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_import_jobs_format_known'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_import_jobs_format_known'), "format IN ('gift', 'moodle_xml', 'qti21')"
        )


def downgrade():
    # A job is a file waiting for the worker or a finished job's report: the older schema cannot name this format.
    op.execute("DELETE FROM import_jobs WHERE format = 'qti21'")
    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_import_jobs_format_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_import_jobs_format_known'), "format IN ('gift', 'moodle_xml')")
