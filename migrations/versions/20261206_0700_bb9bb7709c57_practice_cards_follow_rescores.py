"""attempt_answers.gave_up and rescored_at, review_cards.rescored_through: practice cards follow regrades and marks

Revision ID: bb9bb7709c57
Revises: a3f1c9e2b7d4
Create Date: 2026-12-06 07:00:00

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'bb9bb7709c57'
down_revision = 'a3f1c9e2b7d4'
branch_labels = None
depends_on = None

# attempts.services.PRACTICE_TRIES when this revision was written.
PRACTICE_TRIES = 3


def _mark_given_up_answers():
    """Existing answers the student gave up on, as far as the rows tell.

    "Give up" grades a practice answer at 0 while the attempt is still open and before its tries run out;
    submitting grades the rest at the very moment the attempt is submitted (or, closed overdue, after its
    deadline). So a 0 graded before the attempt was submitted, with tries left, was given up (or was right
    only after every penalty had taken its mark, which no regrade can raise either).
    """
    answers = sa.table(
        'attempt_answers',
        sa.column('attempt_id'), sa.column('score'), sa.column('checks'), sa.column('graded_at'), sa.column('gave_up'),
    )
    attempts = sa.table('attempts', sa.column('id'), sa.column('quiz_id'), sa.column('submitted_at'))
    quizzes = sa.table('quizzes', sa.column('id'), sa.column('mode'))
    graded_by_a_check = (
        sa.select(attempts.c.id)
        .join(quizzes, quizzes.c.id == attempts.c.quiz_id)
        .where(
            attempts.c.id == answers.c.attempt_id,
            quizzes.c.mode == 'practice',
            sa.or_(attempts.c.submitted_at.is_(None), answers.c.graded_at < attempts.c.submitted_at),
        )
    )
    op.execute(
        answers.update()
        .where(
            answers.c.score == 0,
            answers.c.checks < PRACTICE_TRIES,
            answers.c.graded_at.is_not(None),
            graded_by_a_check.exists(),
        )
        .values(gave_up=sa.true())
    )


def upgrade():
    # SQLite cannot add a CHECK to an existing table: batch mode copies the table.
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gave_up', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('rescored_at', sa.DateTime(timezone=True), nullable=True))
    _mark_given_up_answers()
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.create_check_constraint(batch_op.f('ck_attempt_answers_given_up_unscored'), 'NOT gave_up OR score = 0')
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rescored_through', sa.DateTime(timezone=True), nullable=True))
    # Cards are derived from the answers, and those built before now may hold the rating of a score a regrade
    # has since changed (nothing recorded which): the next sync rebuilds every card from the answers.
    op.execute('DELETE FROM review_cards')


def downgrade():
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_column('rescored_through')
    with op.batch_alter_table('attempt_answers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_attempt_answers_given_up_unscored'), type_='check')
        batch_op.drop_column('rescored_at')
        batch_op.drop_column('gave_up')
