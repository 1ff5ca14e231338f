"""quizzes.weak_check_at: when the item analysis last looked for weak questions after the quiz closed

Revision ID: e7b2c4d6f801
Revises: d93a0f6b2e18
Create Date: 2026-11-22 11:00:00

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'e7b2c4d6f801'
down_revision = 'd93a0f6b2e18'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weak_check_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.drop_column('weak_check_at')
