"""lti_placements: quizzes placed by deep linking, per platform and deployment; a new LMS link may open only those
(or its launching instructor's own quizzes); lti_platforms.frame_origins: further sites that may frame a launched
session's quiz pages

Revision ID: ce0fd4704c0c
Revises: f09e33acf77f
Create Date: 2026-12-06 13:06:20.807076

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ce0fd4704c0c'
down_revision = 'f09e33acf77f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('lti_placements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform_id', sa.Integer(), nullable=False),
    sa.Column('deployment_id', sa.String(length=255), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('placed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['placed_by_id'], ['users.id'], name=op.f('fk_lti_placements_placed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['platform_id'], ['lti_platforms.id'], name=op.f('fk_lti_placements_platform_id_lti_platforms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quizzes.id'], name=op.f('fk_lti_placements_quiz_id_quizzes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lti_placements')),
    sa.UniqueConstraint('platform_id', 'deployment_id', 'quiz_id', name=op.f('uq_lti_placements_platform_id_deployment_id_quiz_id'))
    )
    with op.batch_alter_table('lti_placements', schema=None) as batch_op:
        batch_op.create_index('ix_lti_placements_quiz_id', ['quiz_id'], unique=False)
    with op.batch_alter_table('lti_platforms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('frame_origins', sa.String(length=2000), nullable=True))



def downgrade():
    with op.batch_alter_table('lti_platforms', schema=None) as batch_op:
        batch_op.drop_column('frame_origins')
    with op.batch_alter_table('lti_placements', schema=None) as batch_op:
        batch_op.drop_index('ix_lti_placements_quiz_id')

    op.drop_table('lti_placements')
