"""spaced-repetition cards per student and question; personal practice quizzes

Revision ID: c41d5e7a9b20
Revises: 8304c2ec39a6
Create Date: 2026-11-22 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c41d5e7a9b20'
down_revision = '8304c2ec39a6'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
