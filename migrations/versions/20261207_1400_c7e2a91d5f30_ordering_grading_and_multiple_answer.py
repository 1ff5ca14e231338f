"""ordering grading types kept per question version; "choose all that apply" (multiple_answer) as a type

Revision ID: c7e2a91d5f30
Revises: e21d29560a5a
Create Date: 2026-12-07 11:30:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'c7e2a91d5f30'
down_revision = 'e21d29560a5a'
branch_labels = None
depends_on = None

OLD_TYPES = ('multiple_choice', 'true_false', 'fill_in', 'ordering', 'matching')
NEW_TYPES = (*OLD_TYPES, 'multiple_answer')
GRADINGS = (
    'all_or_nothing',
    'absolute_position',
    'relative_next_exclude_last',
    'relative_next_include_last',
    'relative_one_previous_and_next',
    'relative_all_previous_and_next',
    'longest_ordered_subset',
    'longest_contiguous_subset',
    'relative_to_correct',
)


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _type_checks(types):
    # SQLite cannot change a CHECK in place: batch mode copies the tables.
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_question_versions_type_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_question_versions_type_known'), _one_of('type', types))
    with op.batch_alter_table('quiz_rules', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_quiz_rules_type_known'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_quiz_rules_type_known'), f"question_type IS NULL OR {_one_of('question_type', types)}"
        )


def upgrade():
    # Existing ordering questions keep NULL, which grades as they always were: longest ordered subset.
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ordering_grading', sa.String(length=32), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f('ck_question_versions_ordering_grading_known'),
            f"ordering_grading IS NULL OR (type = 'ordering' AND {_one_of('ordering_grading', GRADINGS)})",
        )
    _type_checks(NEW_TYPES)


def downgrade():
    # The old schema cannot hold a multiple-answer question: it goes, with what points at it. Foreign keys are
    # off while migrating (env.py), so nothing cascades by itself: every dependent row is named here.
    versions = "SELECT id FROM question_versions WHERE type = 'multiple_answer'"
    op.execute(f"DELETE FROM question_sources WHERE question_version_id IN ({versions})")
    op.execute(f"UPDATE question_flags SET question_version_id = NULL WHERE question_version_id IN ({versions})")
    op.execute(f"DELETE FROM attempt_answers WHERE question_version_id IN ({versions})")
    op.execute("DELETE FROM question_versions WHERE type = 'multiple_answer'")
    gone = "SELECT id FROM questions WHERE id NOT IN (SELECT question_id FROM question_versions)"
    for table in ('attempt_answers', 'question_tags', 'question_flags', 'quiz_questions', 'review_cards'):
        op.execute(f"DELETE FROM {table} WHERE question_id IN ({gone})")
    op.execute(f"DELETE FROM questions WHERE id IN ({gone})")
    op.execute(
        "UPDATE questions SET current_version = "
        "(SELECT max(version) FROM question_versions WHERE question_versions.question_id = questions.id)"
    )
    op.execute("DELETE FROM quiz_rules WHERE question_type = 'multiple_answer'")
    _type_checks(OLD_TYPES)
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_question_versions_ordering_grading_known'), type_='check')
        batch_op.drop_column('ordering_grading')
        if op.get_bind().dialect.name == 'sqlite':
            # The copy made the case_sensitive CHECK a table constraint, which the previous revision's in-place
            # DROP COLUMN cannot remove: it goes here, and that revision's downgrade drops the column after.
            batch_op.drop_constraint(batch_op.f('ck_question_versions_case_sensitive_fill_in_only'), type_='check')
