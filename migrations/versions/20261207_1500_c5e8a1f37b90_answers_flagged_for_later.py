"""attempt_answers.flagged_for_later: a student's flag on a question to come back to before submitting

Revision ID: c5e8a1f37b90
Revises: c7e2a91d5f30
Create Date: 2026-12-07 12:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5e8a1f37b90'
down_revision = 'c7e2a91d5f30'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flagged_for_later', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.drop_column('flagged_for_later')
