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
    op.create_table('review_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stability', sa.Double(), nullable=False),
    sa.Column('difficulty', sa.Double(), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('last_review', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('state IN (1, 2, 3)', name=op.f('ck_review_cards_state_known')),
    sa.CheckConstraint('stability > 0', name=op.f('ck_review_cards_stability_positive')),
    sa.CheckConstraint('difficulty >= 1 AND difficulty <= 10', name=op.f('ck_review_cards_difficulty_range')),
    sa.CheckConstraint('reps >= 1 AND lapses >= 0 AND lapses < reps', name=op.f('ck_review_cards_counts_valid')),
    sa.CheckConstraint('due > last_review', name=op.f('ck_review_cards_due_after_review')),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_review_cards_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['users.id'], name=op.f('fk_review_cards_student_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_cards')),
    sa.UniqueConstraint('student_id', 'question_id', name=op.f('uq_review_cards_student_id_question_id'))
    )
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.create_index('ix_review_cards_question_id', ['question_id'], unique=False)
        batch_op.create_index('ix_review_cards_student_id_due', ['student_id', 'due'], unique=False)

    # SQLite cannot add a foreign key or a CHECK to an existing table: batch mode copies the table.
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('personal_for_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('personal_kind', sa.String(length=16), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_quizzes_personal_for_id_users'), 'users', ['personal_for_id'], ['id'], ondelete='CASCADE'
        )
        batch_op.create_unique_constraint(
            batch_op.f('uq_quizzes_personal_for_id_personal_kind'), ['personal_for_id', 'personal_kind']
        )
        batch_op.create_check_constraint(
            batch_op.f('ck_quizzes_personal_kind_known'),
            "(personal_for_id IS NULL AND personal_kind IS NULL) OR "
            "(personal_for_id IS NOT NULL AND personal_kind IS NOT NULL AND personal_kind IN ('review', 'mistakes'))",
        )
        batch_op.create_check_constraint(
            batch_op.f('ck_quizzes_personal_private'),
            'personal_for_id IS NULL OR (owner_id IS NULL AND NOT is_published)',
        )


def downgrade():
    # Personal quizzes and their attempts mean nothing without the columns that mark them.
    op.execute('DELETE FROM quizzes WHERE personal_for_id IS NOT NULL')
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_quizzes_personal_private'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_quizzes_personal_kind_known'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_quizzes_personal_for_id_personal_kind'), type_='unique')
        batch_op.drop_constraint(batch_op.f('fk_quizzes_personal_for_id_users'), type_='foreignkey')
        batch_op.drop_column('personal_kind')
        batch_op.drop_column('personal_for_id')

    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_review_cards_student_id_due')
        batch_op.drop_index('ix_review_cards_question_id')

    op.drop_table('review_cards')
