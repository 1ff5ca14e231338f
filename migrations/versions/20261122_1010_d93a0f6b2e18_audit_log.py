"""the audit log of actions that change grades or trust

Revision ID: d93a0f6b2e18
Revises: c41d5e7a9b20
Create Date: 2026-11-22 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd93a0f6b2e18'
down_revision = 'c41d5e7a9b20'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
