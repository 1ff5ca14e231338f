"""History, gradebook and item analysis services, on a real database, without a request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from quizapp.attempts.models import Attempt
from quizapp.bank.models import Question, Tag
from quizapp.bank.review import approve
from quizapp.extensions import db
from quizapp.history import analysis, gradebook, student
from quizapp.history.stats import MIN_ATTEMPTS_FOR_STATISTICS
from quizapp.models import utcnow
from quizapp.sources import duplicates
from quizapp.sources.models import PendingUpload
from tests.conftest import Accounts
from tests.factories import all_types_quiz, assign, class_with, finished_attempt, make_quiz, user

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


@pytest.fixture
def canal(users: Accounts):  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher, score_policy="best")
    return quiz, questions


def test_history_lists_finished_attempts_newest_first_with_percent_and_time(canal, users: Accounts) -> None:
    quiz, _ = canal
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 0, 0, 0, 0], submitted_at=days_ago(3), minutes=7)
    finished_attempt(quiz, stu, [1, 1, 1, 0, 0], submitted_at=days_ago(2), minutes=5)
    finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=days_ago(1), minutes=4)
    finished_attempt(quiz, user(users.other_student), [0, 0, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    history = student.student_history(db.session, stu.id, now=NOW)

    assert [row.number for row in history.attempts] == [3, 2, 1]
    assert [row.percent for row in history.attempts] == [100.0, 60.0, 20.0]
    assert [row.seconds_taken for row in history.attempts] == [240.0, 300.0, 420.0]
    # The chart runs oldest to newest.
    assert [value for _, value in history.chart_points] == [20.0, 60.0, 100.0]


def test_mastery_by_document_and_tag_weights_recent_answers_more(canal, users: Accounts) -> None:
    quiz, questions = canal
    tag = Tag(name="engineering")
    questions[0].tags.append(tag)
    stu = user(users.student)
    # Question 1 (tagged): wrong long ago, right recently; the others always wrong.
    finished_attempt(quiz, stu, [0, 0, 0, 0, 0], submitted_at=days_ago(120))
    finished_attempt(quiz, stu, [1, 0, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    history = student.student_history(db.session, stu.id, now=NOW)

    [by_tag] = history.by_tag
    assert by_tag.label == "engineering"
    assert by_tag.answers == 2
    assert by_tag.share > 0.5  # the recent right answer outweighs the old wrong one
    [by_document] = history.by_document
    assert by_document.label == "The Riverside Canal"
    assert by_document.answers == 10
    assert 0.0 < by_document.share < 0.25


def test_mastery_keeps_two_documents_of_the_same_title_apart(users: Accounts) -> None:
    # Two teachers each uploaded an article called "The Riverside Canal": they are two documents.
    quiz, _ = all_types_quiz(users.teacher)
    other_quiz, _ = all_types_quiz(users.other_teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=days_ago(1))
    finished_attempt(other_quiz, stu, [0, 0, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    history = student.student_history(db.session, stu.id, now=NOW)

    assert [(m.label, m.answers, m.share) for m in history.by_document] == [
        ("The Riverside Canal", 5, 0.0),
        ("The Riverside Canal", 5, 1.0),
    ]


def test_hidden_scores_stay_hidden_from_the_student_but_not_the_teacher(users: Accounts) -> None:
    quiz, _ = all_types_quiz(users.teacher, review_show_score=False)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 1, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    mine = student.student_history(db.session, stu.id, now=NOW)
    assert mine.attempts[0].percent is None
    assert mine.chart_points == []
    assert mine.by_document == []

    seen_by_teacher = student.student_history(
        db.session, stu.id, now=NOW, for_student=False, quiz_owner_id=user(users.teacher).id
    )
    assert seen_by_teacher.attempts[0].percent == 40.0


def test_teacher_sees_only_attempts_at_their_own_quizzes(canal, users: Accounts) -> None:
    quiz, _ = canal
    other_quiz, _ = all_types_quiz(users.other_teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=days_ago(2))
    finished_attempt(other_quiz, stu, [0, 0, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    history = student.student_history(
        db.session, stu.id, now=NOW, for_student=False, quiz_owner_id=user(users.teacher).id
    )
    assert [row.quiz_id for row in history.attempts] == [quiz.id]


def test_gradebook_keeps_the_score_each_quiz_policy_says(users: Accounts) -> None:
    teacher = user(users.teacher)
    best_quiz, questions = all_types_quiz(users.teacher, score_policy="best", title="Best")
    last_quiz = make_quiz(teacher, questions, score_policy="last", title="Last")
    average_quiz = make_quiz(
        teacher, questions, score_policy="average", title="Average", closes_at=days_ago(1), opens_at=days_ago(10)
    )
    school_class = class_with(users.teacher, [users.student, users.other_student])
    for quiz in (best_quiz, last_quiz, average_quiz):
        assign(quiz, school_class)
    stu, stu2 = user(users.student), user(users.other_student)
    for quiz in (best_quiz, last_quiz, average_quiz):
        finished_attempt(quiz, stu, [1, 1, 1, 1, 0], submitted_at=days_ago(3))  # 80%
        finished_attempt(quiz, stu, [1, 1, 0, 0, 0], submitted_at=days_ago(2))  # 40%
    finished_attempt(best_quiz, stu2, [1, 0, 0, 0, 0], submitted_at=days_ago(2))
    db.session.commit()

    book = gradebook.class_gradebook(db.session, school_class, now=NOW)

    assert [s.username for s in book.students] == ["stu", "stu2"]
    assert [q.title for q in book.quizzes] == ["Best", "Last", "Average"]
    assert book.cell(stu.id, best_quiz.id).kept("best") == 80.0
    assert book.cell(stu.id, last_quiz.id).kept("last") == 40.0
    assert book.cell(stu.id, average_quiz.id).kept("average") == 60.0
    assert book.cell(stu.id, best_quiz.id).attempts == 2
    assert book.cell(stu2.id, best_quiz.id).kept("best") == 20.0
    assert book.cell(stu2.id, last_quiz.id).attempts == 0
    # Missing is a closed quiz left unfinished ("Average"); the open "Last" is not yet missing.
    assert book.missing(stu2.id) == 1
    assert book.missing(stu.id) == 0
    rows = gradebook.gradebook_csv_rows(book)
    assert rows[1][:4] == [stu.display_name, "stu", 80.0, 2]
    assert rows[2][-1] == 1


def test_quiz_results_do_not_name_students_outside_the_teachers_classes(canal, users: Accounts) -> None:
    quiz, _ = canal  # public: anyone may take it
    class_with(users.teacher, [users.student])
    finished_attempt(quiz, user(users.student), [1, 1, 1, 1, 1], submitted_at=days_ago(2))
    finished_attempt(quiz, user(users.other_student), [0, 0, 0, 0, 1], submitted_at=days_ago(1))
    db.session.commit()

    results = gradebook.quiz_results(db.session, quiz, teacher=user(users.teacher))

    names = [s.display_name for s, _ in results.rows]
    assert user(users.student).display_name in names
    assert user(users.other_student).display_name not in names
    assert "A student outside your classes" in names
    assert sorted(results.kept_scores) == [20.0, 100.0]
    assert sum(b.count for b in results.distribution) == 2


def _class_of_attempts(quiz, questions, users: Accounts, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` attempts in which question 1 is always right (no discrimination) and question 5 tracks the total."""
    stu = user(users.student)
    for i in range(count):
        strong = i % 2 == 0
        scores = [1, 1 if strong else 0, 1 if strong else 0, 1 if i % 3 else 0, 1 if strong else 0]
        finished_attempt(
            quiz, stu, scores, submitted_at=days_ago(30 - i % 30), responses=["Margaret Hale", True, None, None, None]
        )


def test_item_analysis_finds_the_question_everyone_gets_right_and_the_distractors_nobody_picks(
    canal, users: Accounts
) -> None:
    quiz, questions = canal
    _class_of_attempts(quiz, questions, users, MIN_ATTEMPTS_FOR_STATISTICS + 2)
    db.session.commit()

    found = analysis.item_analysis(db.session, quiz)

    assert found.attempts == MIN_ATTEMPTS_FOR_STATISTICS + 2
    assert found.reliable
    first = found.items[0]
    assert first.question_id == questions[0].id
    assert first.statistics.facility == 1.0
    chosen = {o.option: o.count for o in first.options or []}
    assert chosen["Margaret Hale"] == found.attempts
    assert chosen["Thomas Reed"] == 0
    assert any("Thomas Reed" in reason for reason in first.reasons)
    fifth = found.items[4]
    assert fifth.statistics.discrimination_index is not None
    assert fifth.statistics.discrimination_index > 0.5
    assert found.quiz_statistics.cronbach_alpha is not None
    rows = analysis.item_analysis_csv_rows(found)
    assert rows[1][1] == questions[0].id
    assert rows[1][5] == 100.0


def test_too_few_attempts_mark_the_figures_unreliable_and_send_nothing_back(canal, users: Accounts) -> None:
    quiz, questions = canal
    _class_of_attempts(quiz, questions, users, 3)
    db.session.commit()

    found = analysis.item_analysis(db.session, quiz)

    assert not found.reliable
    assert not any(item.statistics.reliable for item in found.items)
    assert analysis.send_weak_questions_back(db.session, found, user(users.teacher)) == []


def test_weak_questions_go_back_to_review_once_and_a_teachers_new_approval_holds(canal, users: Accounts) -> None:
    quiz, questions = canal
    _class_of_attempts(quiz, questions, users, MIN_ATTEMPTS_FOR_STATISTICS + 2)
    db.session.commit()
    teacher = user(users.teacher)

    sent = analysis.send_weak_questions_back(db.session, analysis.item_analysis(db.session, quiz), teacher)
    db.session.commit()

    assert questions[0].id in {s.question_id for s in sent}
    first = db.session.get(Question, questions[0].id)
    assert first is not None
    assert first.status == "draft"
    assert "item analysis" in (first.review_note or "")
    assert "Thomas Reed" in (first.review_note or "")
    # The teacher looks again and approves it: with no new attempts, the check leaves it alone.
    approve(first, teacher)
    db.session.commit()
    again = analysis.send_weak_questions_back(db.session, analysis.item_analysis(db.session, quiz), teacher)
    assert questions[0].id not in {s.question_id for s in again}
    # A new attempt is new evidence: the question can go back again.
    finished_attempt(quiz, user(users.student), [1, 1, 1, 1, 1], submitted_at=datetime.now(UTC) + timedelta(minutes=1))
    db.session.commit()
    later = analysis.send_weak_questions_back(db.session, analysis.item_analysis(db.session, quiz), teacher)
    assert questions[0].id in {s.question_id for s in later}


def test_first_attempts_only(canal, users: Accounts) -> None:
    quiz, _ = canal
    finished_attempt(quiz, user(users.student), [0, 0, 0, 0, 0], submitted_at=days_ago(2))
    finished_attempt(quiz, user(users.student), [1, 1, 1, 1, 1], submitted_at=days_ago(1))
    finished_attempt(quiz, user(users.other_student), [1, 0, 0, 0, 0], submitted_at=days_ago(1))
    db.session.commit()

    assert analysis.item_analysis(db.session, quiz, which="first").attempts == 2
    assert analysis.item_analysis(db.session, quiz, which="all").attempts == 3


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: object, **kwargs: object) -> None:
        self.count += 1


def count_queries(call) -> int:  # type: ignore[no-untyped-def]
    counter = QueryCounter()
    db.session.rollback()
    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return counter.count


def test_pages_cost_a_fixed_number_of_queries_whatever_the_attempts(canal, users: Accounts) -> None:
    quiz, questions = canal
    school_class = class_with(users.teacher, [users.student, users.other_student])
    assign(quiz, school_class)
    tag = Tag(name="canals")
    for question in questions:
        question.tags.append(tag)
    db.session.commit()
    stu_id = user(users.student).id

    def measure() -> tuple[int, int, int, int]:
        reload_quiz = lambda: db.session.get(type(quiz), quiz.id)  # noqa: E731
        return (
            count_queries(lambda: student.student_history(db.session, stu_id, now=NOW)),
            count_queries(lambda: gradebook.class_gradebook(db.session, school_class, now=NOW)),
            count_queries(lambda: gradebook.quiz_results(db.session, reload_quiz(), teacher=user(users.teacher))),
            count_queries(lambda: analysis.item_analysis(db.session, reload_quiz())),
        )

    for name in (users.student, users.other_student):
        finished_attempt(quiz, user(name), [1, 0, 1, 0, 1], submitted_at=days_ago(5))
    db.session.commit()
    few = measure()
    for day in range(20):
        for name in (users.student, users.other_student):
            finished_attempt(quiz, user(name), [1, 1, day % 2, 0, 1], submitted_at=days_ago(day))
    db.session.commit()
    many = measure()
    assert few == many
    assert max(many) <= 8  # quiz results: names only the teacher's students, and counts answers awaiting a mark


def test_the_check_runs_once_when_a_quiz_closes(users: Accounts) -> None:
    closed_quiz, questions = all_types_quiz(
        users.teacher, title="Closed", opens_at=days_ago(40), closes_at=days_ago(0.5)
    )
    open_quiz = make_quiz(user(users.teacher), questions, title="Open", closes_at=NOW + timedelta(days=5))
    _class_of_attempts(closed_quiz, questions, users, MIN_ATTEMPTS_FOR_STATISTICS + 2)
    db.session.commit()

    first = analysis.check_quizzes(db.session, now=NOW)
    db.session.commit()

    assert [c.quiz_id for c in first] == [closed_quiz.id]
    assert questions[0].id in {s.question_id for s in first[0].sent_back}
    assert analysis.check_quizzes(db.session, now=NOW + timedelta(hours=1)) == []
    assert open_quiz.weak_check_at is None
    # Reopened and closed again later: it is checked again.
    closed_quiz.closes_at = NOW + timedelta(hours=2)
    db.session.commit()
    assert [c.quiz_id for c in analysis.check_quizzes(db.session, now=NOW + timedelta(hours=3))] == [closed_quiz.id]


def test_check_questions_command(runner, users: Accounts) -> None:  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher)
    _class_of_attempts(quiz, questions, users, MIN_ATTEMPTS_FOR_STATISTICS + 2)
    db.session.commit()

    result = runner.invoke(args=["history", "check-questions", "--quiz-id", str(quiz.id)])

    assert result.exit_code == 0, result.output
    assert f"question {questions[0].id}:" in result.output
    db.session.rollback()
    assert db.session.get(Question, questions[0].id).status == "draft"  # type: ignore[union-attr]
    missing = runner.invoke(args=["history", "check-questions", "--quiz-id", "999999"])
    assert missing.exit_code != 0
    assert "There is no quiz 999999" in missing.output


def test_the_worker_closes_overdue_attempts_and_checks_closed_quizzes_every_minute(users: Accounts) -> None:
    from quizapp.history.tasks import every_minute

    quiz, questions = all_types_quiz(users.teacher, opens_at=days_ago(40), closes_at=days_ago(0.5))
    _class_of_attempts(quiz, questions, users, MIN_ATTEMPTS_FOR_STATISTICS + 2)
    overdue = Attempt(
        quiz_id=quiz.id,
        student_id=user(users.other_student).id,
        number=1,
        started_at=days_ago(1),
        deadline=days_ago(1) + timedelta(minutes=10),
        max_score=5.0,
    )
    db.session.add(overdue)
    teacher = user(users.teacher)
    fresh = duplicates.keep_pending(db.session, teacher, "new.txt", "new", "txt", now=utcnow())
    duplicates.keep_pending(db.session, teacher, "old.txt", "old", "txt", now=days_ago(1))  # after: kept till the sweep
    db.session.commit()

    every_minute.call_local()

    db.session.rollback()
    assert db.session.get(Attempt, overdue.id).status == "closed_overdue"  # type: ignore[union-attr]
    assert db.session.get(Question, questions[0].id).status == "draft"  # type: ignore[union-attr]
    assert db.session.get(type(quiz), quiz.id).weak_check_at is not None  # type: ignore[union-attr]
    # An upload left waiting over an hour is forgotten; one waiting now stays.
    assert db.session.scalars(select(PendingUpload.token)).all() == [fresh]


def test_item_analysis_counts_true_false_and_blank_responses_and_survives_no_attempts(canal, users: Accounts) -> None:
    quiz, questions = canal
    assert analysis.item_analysis(db.session, quiz).attempts == 0
    stu = user(users.student)
    given = [True, True, False, None]
    for i, response in enumerate(given):
        finished_attempt(
            quiz,
            stu,
            [1, int(response is True), 0, 0, 0],
            submitted_at=days_ago(10 - i),
            responses=["Margaret Hale", response, None, None, None],
        )
    db.session.commit()

    found = analysis.item_analysis(db.session, quiz)

    second = next(item for item in found.items if item.question_id == questions[1].id)
    assert second.type == "true_false"
    counts = {(o.option, o.is_blank): o.count for o in second.options or []}
    assert counts[(True, False)] == 2
    assert counts[(False, False)] == 1
    assert sum(count for (_, blank), count in counts.items() if blank) == 1
    assert second.statistics.facility == 0.5
