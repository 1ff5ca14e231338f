"""pending_uploads: an upload matching one of its owner's documents waits here (not on one server's disk) for an hour

Revision ID: f09e33acf77f
Revises: b3d5f7a9c1e2
Create Date: 2026-12-06 12:22:20.868503

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f09e33acf77f'
down_revision = 'b3d5f7a9c1e2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pending_uploads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('is_text', sa.Boolean(), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('length(token) = 32', name=op.f('ck_pending_uploads_token_length')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_pending_uploads_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_uploads')),
    sa.UniqueConstraint('token', name=op.f('uq_pending_uploads_token'))
    )
    with op.batch_alter_table('pending_uploads', schema=None) as batch_op:
        batch_op.create_index('ix_pending_uploads_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_pending_uploads_owner_id', ['owner_id'], unique=False)



def downgrade():
    with op.batch_alter_table('pending_uploads', schema=None) as batch_op:
        batch_op.drop_index('ix_pending_uploads_owner_id')
        batch_op.drop_index('ix_pending_uploads_created_at')

    op.drop_table('pending_uploads')
