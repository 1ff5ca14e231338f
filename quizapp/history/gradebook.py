"""The teacher's gradebook of a class, and the results of one quiz.

Each page costs a fixed number of queries whatever the number of attempts: the
aggregates (count, best, average, last) are computed by the database, grouped by
student and quiz, and the "last" score is read through the unique index on
(quiz, student, attempt number).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth.models import User
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.classes.services import OUTSIDE_CLASSES, nameable_students
from quizapp.history import stats
from quizapp.quizzes.models import Quiz, QuizAssignment
from quizapp.statuses import FINISHED


@dataclass(frozen=True)
class Cell:
    """One student's results at one quiz."""

    attempts: int
    best: float | None  # percentages
    average: float | None
    last: float | None
    last_submitted_at: datetime | None
    awaiting_marks: int = 0  # answers of these attempts still waiting for the teacher's mark

    def kept(self, policy: str) -> float | None:
        """The score the quiz's policy keeps (best, last or average)."""
        return {"best": self.best, "last": self.last, "average": self.average}.get(policy)


NO_ATTEMPT = Cell(0, None, None, None, None)


@dataclass(frozen=True)
class StudentRef:
    id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class QuizRef:
    id: int
    title: str
    score_policy: str
    closes_at: datetime | None

    def is_closed(self, now: datetime) -> bool:
        return self.closes_at is not None and now >= self.closes_at


@dataclass(frozen=True)
class Gradebook:
    school_class: SchoolClass
    students: list[StudentRef]
    quizzes: list[QuizRef]
    cells: dict[tuple[int, int], Cell]
    now: datetime  # "missing" is a closed quiz without a finished attempt; an open one is "not yet"

    def cell(self, student_id: int, quiz_id: int) -> Cell:
        return self.cells.get((student_id, quiz_id), NO_ATTEMPT)

    def missing(self, student_id: int) -> int:
        """Assigned quizzes that have closed without the student finishing them once."""
        return sum(
            1 for quiz in self.quizzes if quiz.is_closed(self.now) and self.cell(student_id, quiz.id).attempts == 0
        )


def policy_cells(session: Session, student_ids: Sequence[int], quiz_ids: Sequence[int]) -> dict[tuple[int, int], Cell]:
    """Results per (student, quiz) for the finished attempts of these students at these quizzes (one query).

    Window functions give count, best, average and the newest attempt's score in one pass over the
    rows. The ids come as lists, not subqueries: with the values in hand the planner reads the
    attempts through the quiz index instead of scanning the whole table.
    """
    if not student_ids or not quiz_ids:
        return {}
    # A fraction of doubles (score and max_score are floats): multiplying by 100 in SQL would turn
    # PostgreSQL's arithmetic to NUMERIC, several times slower over thousands of rows.
    share = Attempt.score / func.nullif(Attempt.max_score, 0)
    group = (Attempt.student_id, Attempt.quiz_id)
    ranked = (
        select(
            Attempt.student_id,
            Attempt.quiz_id,
            share.label("share"),
            Attempt.submitted_at,
            func.count().over(partition_by=group).label("attempts"),
            func.max(share).over(partition_by=group).label("best"),
            func.avg(share).over(partition_by=group).label("average"),
            func.row_number().over(partition_by=group, order_by=Attempt.number.desc()).label("newest_first"),
        )
        .where(
            Attempt.quiz_id.in_(list(quiz_ids)),
            Attempt.student_id.in_(list(student_ids)),
            Attempt.status.in_(FINISHED),
        )
        .subquery()
    )
    rows = session.execute(
        select(
            ranked.c.student_id,
            ranked.c.quiz_id,
            ranked.c.attempts,
            ranked.c.best,
            ranked.c.average,
            ranked.c.share,
            ranked.c.submitted_at,
        ).where(ranked.c.newest_first == 1)
    ).all()
    awaiting = _awaiting_marks(session, student_ids, quiz_ids)
    return {
        (student_id, quiz_id): Cell(
            attempts=int(count),
            best=_percent(best),
            average=_percent(average),
            last=_percent(last),
            last_submitted_at=submitted_at,
            awaiting_marks=awaiting.get((student_id, quiz_id), 0),
        )
        for student_id, quiz_id, count, best, average, last, submitted_at in rows
    }


def _awaiting_marks(
    session: Session, student_ids: Sequence[int], quiz_ids: Sequence[int]
) -> dict[tuple[int, int], int]:
    """Answers waiting for the teacher's mark per (student, quiz): their scores are provisional (one query)."""
    rows = session.execute(
        select(Attempt.student_id, Attempt.quiz_id, func.count())
        .join(AttemptAnswer, AttemptAnswer.attempt_id == Attempt.id)
        .where(
            Attempt.quiz_id.in_(list(quiz_ids)),
            Attempt.student_id.in_(list(student_ids)),
            Attempt.status.in_(FINISHED),
            AttemptAnswer.needs_mark,
        )
        .group_by(Attempt.student_id, Attempt.quiz_id)
    ).all()
    return {(student_id, quiz_id): int(count) for student_id, quiz_id, count in rows}


def _percent(share: Any) -> float | None:
    return None if share is None else round(100.0 * float(share), 1)


def class_gradebook(session: Session, school_class: SchoolClass, *, now: datetime) -> Gradebook:
    """Students of the class by the quizzes assigned to it (four queries)."""
    member_ids = select(ClassMember.user_id).where(ClassMember.class_id == school_class.id)
    students = [
        StudentRef(*row)
        for row in session.execute(
            select(User.id, User.username, User.display_name)
            .where(User.id.in_(member_ids))
            .order_by(func.lower(User.display_name), User.id)
        ).all()
    ]
    quizzes = [
        QuizRef(*row)
        for row in session.execute(
            select(Quiz.id, Quiz.title, Quiz.score_policy, Quiz.closes_at)
            .join(QuizAssignment, QuizAssignment.quiz_id == Quiz.id)
            .where(QuizAssignment.class_id == school_class.id)
            .order_by(QuizAssignment.assigned_at, Quiz.id)
        ).all()
    ]
    cells = policy_cells(session, [s.id for s in students], [q.id for q in quizzes])
    return Gradebook(school_class, students, quizzes, cells, now)


@dataclass(frozen=True)
class QuizResults:
    quiz: Quiz
    rows: list[tuple[StudentRef, Cell]]  # students with at least one finished attempt, by name
    distribution: list[stats.Bin]

    @property
    def kept_scores(self) -> list[float]:
        return [kept for _, cell in self.rows if (kept := cell.kept(self.quiz.score_policy)) is not None]


def quiz_results(session: Session, quiz: Quiz, *, teacher: User) -> QuizResults:
    """Every student who finished the quiz, with the score its policy keeps, and how those scores spread.

    A public quiz can be taken by students outside the teacher's classes: they count in the
    figures but are not named (a teacher sees only their own classes' students).
    """
    student_ids = session.scalars(
        select(Attempt.student_id).where(Attempt.quiz_id == quiz.id, Attempt.status.in_(FINISHED)).distinct()
    ).all()
    cells = policy_cells(session, student_ids, [quiz.id])
    named = nameable_students(session, teacher, student_ids)
    students = {
        row[0]: StudentRef(*row)
        for row in session.execute(select(User.id, User.username, User.display_name).where(User.id.in_(named))).all()
    }
    rows = sorted(
        ((students.get(student_id, _unnamed(student_id)), cell) for (student_id, _), cell in cells.items()),
        key=lambda pair: (pair[0].id not in students, pair[0].display_name.lower(), pair[0].id),
    )
    kept = [value for _, cell in rows if (value := cell.kept(quiz.score_policy)) is not None]
    return QuizResults(quiz, rows, stats.score_distribution(kept))


def _unnamed(student_id: int) -> StudentRef:
    return StudentRef(student_id, "", OUTSIDE_CLASSES)


def gradebook_csv_rows(book: Gradebook) -> Sequence[Sequence[object]]:
    """Header and one row per student: the kept score of each quiz, attempts, and how many are missing."""
    header: list[object] = ["student", "username"]
    for quiz in book.quizzes:
        header += [f"{quiz.title} ({quiz.score_policy}, %)", f"{quiz.title} (attempts)"]
    header.append("missing")
    rows: list[Sequence[object]] = [header]
    for student in book.students:
        row: list[object] = [student.display_name, student.username]
        for quiz in book.quizzes:
            cell = book.cell(student.id, quiz.id)
            kept = cell.kept(quiz.score_policy)
            row += ["" if kept is None else kept, cell.attempts]
        row.append(book.missing(student.id))
        rows.append(row)
    return rows


def results_csv_rows(results: QuizResults) -> Sequence[Sequence[object]]:
    policy = results.quiz.score_policy
    header = [
        "student",
        "username",
        "attempts",
        f"kept ({policy}, %)",
        "best %",
        "last %",
        "average %",
        "last submitted",
    ]
    body = [
        [
            student.display_name,
            student.username,
            cell.attempts,
            _blank(cell.kept(policy)),
            _blank(cell.best),
            _blank(cell.last),
            _blank(cell.average),
            cell.last_submitted_at.isoformat(timespec="seconds") if cell.last_submitted_at else "",
        ]
        for student, cell in results.rows
    ]
    return [header, *body]


def _blank(value: float | None) -> object:
    return "" if value is None else value
