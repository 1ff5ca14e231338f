"""Small made-up content for tests: a document, approved questions of every type, quizzes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionSource, QuestionVersion
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizQuestion
from quizapp.sources.models import SourceDocument, content_hash

ARTICLE = (
    "The Riverside Canal opened in 1821 after nine years of work.\n\n"
    "Its chief engineer, Margaret Hale, planned the route from Eastport to Millbridge.\n\n"
    "In 1834 the Eastport Company bought the canal. The railway reached Eastport in 1852."
)

# One question of each type, with a key made to be easy to search for in responses.
QUESTIONS: list[dict[str, Any]] = [
    {
        "type": "multiple_choice",
        "prompt": "Who was the chief engineer of the Riverside Canal?",
        "options": ["Thomas Reed", "Margaret Hale", "John Brindley", "Ada Moss"],
        "answer": "Margaret Hale",
        "explanation": "EXPLAIN-MC: Hale planned the route.",
        "quote": "Its chief engineer, Margaret Hale, planned the route from Eastport to Millbridge.",
    },
    {
        "type": "true_false",
        "prompt": "The Riverside Canal opened in 1821.",
        "options": [],
        "answer": True,
        "explanation": "EXPLAIN-TF: it opened in 1821.",
        "quote": "The Riverside Canal opened in 1821 after nine years of work.",
    },
    {
        "type": "fill_in",
        "prompt": "The Riverside Canal opened in 1821 after ___ of work.",
        "options": [],
        "answer": ["nine years", "9 years"],
        "explanation": "EXPLAIN-FI: building took nine years.",
        "quote": "The Riverside Canal opened in 1821 after nine years of work.",
    },
    {
        "type": "ordering",
        "prompt": "Put these events in the order they happened.",
        "options": ["The railway reached Eastport.", "The canal opened.", "The Eastport Company bought the canal."],
        "answer": ["The canal opened.", "The Eastport Company bought the canal.", "The railway reached Eastport."],
        "explanation": "EXPLAIN-OR: 1821, 1834, 1852.",
        "quote": "The railway reached Eastport in 1852.",
    },
    {
        "type": "matching",
        "prompt": "Match each year with what happened.",
        "options": ["the canal opened", "the company bought the canal", "the railway arrived"],
        "answer": [
            ["1821", "the canal opened"],
            ["1834", "the company bought the canal"],
            ["1852", "the railway arrived"],
        ],
        "explanation": "EXPLAIN-MA: years from the article.",
        "quote": "In 1834 the Eastport Company bought the canal.",
    },
]


# The kinds Moodle has beyond what the generator drafts: choose all that apply, and matching with a distractor.
MULTIPLE_ANSWER: dict[str, Any] = {
    "type": "multiple_answer",
    "prompt": "Which of these did the Riverside Canal company do?",
    "options": ["Opened the canal", "Bought the railway", "Planned the route", "Closed the docks"],
    "answer": [
        ["Opened the canal", 0.5],
        ["Bought the railway", -1.0],
        ["Planned the route", 0.5],
        ["Closed the docks", 0.0],
    ],
    "explanation": "EXPLAIN-MANS: it opened the canal along the route Hale planned.",
    "quote": "Its chief engineer, Margaret Hale, planned the route from Eastport to Millbridge.",
}
MATCHING_WITH_DISTRACTOR: dict[str, Any] = {
    "type": "matching",
    "prompt": "Match each year with what happened (one is left over).",
    "options": ["the canal opened", "the company bought the canal", "the railway arrived", "the docks burned"],
    "answer": [
        ["1821", "the canal opened"],
        ["1834", "the company bought the canal"],
        ["1852", "the railway arrived"],
    ],
    "explanation": "EXPLAIN-MD: years from the article.",
    "quote": "In 1834 the Eastport Company bought the canal.",
}


def make_document(owner: User) -> SourceDocument:
    existing = db.session.scalar(
        select(SourceDocument).where(
            SourceDocument.owner_id == owner.id, SourceDocument.content_hash == content_hash(ARTICLE)
        )
    )
    if existing is not None:
        return existing
    document = SourceDocument(
        owner_id=owner.id,
        title="The Riverside Canal",
        original_filename="canal.txt",
        format="txt",
        cleaned_text=ARTICLE,
        blocks=[],
        stripped=[],
        content_hash=content_hash(ARTICLE),
    )
    db.session.add(document)
    db.session.flush()
    return document


def make_question(owner: User, document: SourceDocument, spec: dict[str, Any], status: str = "approved") -> Question:
    question = Question(owner_id=owner.id, document_id=document.id, status=status, origin="authored")
    version = QuestionVersion(
        version=1,
        type=spec["type"],
        prompt=spec["prompt"],
        options=list(spec["options"]),
        answer=spec["answer"],
        explanation=spec["explanation"],
        ordering_grading=spec.get("ordering_grading"),
        confidence=0.9,
    )
    start = document.cleaned_text.index(spec["quote"])
    version.sources.append(
        QuestionSource(
            position=0,
            document_id=document.id,
            start_offset=start,
            end_offset=start + len(spec["quote"]),
            quote=spec["quote"],
        )
    )
    question.versions.append(version)
    db.session.add(question)
    db.session.flush()
    return question


def user(username: str) -> User:
    found = db.session.scalar(select(User).where(User.username == username))
    assert found is not None, username
    return found


def make_quiz(owner: User, questions: list[Question], **settings: Any) -> Quiz:
    values: dict[str, Any] = {"title": "Canal quiz", "mode": "exam", "visibility": "public", "is_published": True}
    values.update(settings)
    quiz = Quiz(owner_id=owner.id, **values)
    for position, question in enumerate(questions):
        quiz.questions.append(QuizQuestion(question_id=question.id, position=position))
    db.session.add(quiz)
    db.session.flush()
    return quiz


def all_types_quiz(teacher_name: str, **settings: Any) -> tuple[Quiz, list[Question]]:
    teacher = user(teacher_name)
    document = make_document(teacher)
    questions = [make_question(teacher, document, spec) for spec in QUESTIONS]
    quiz = make_quiz(teacher, questions, **settings)
    db.session.commit()
    return quiz, questions


def class_with(
    teacher_name: str, student_names: list[str], *, extra_time: int = 0, code: str = "JOIN1234"
) -> SchoolClass:
    school_class = SchoolClass(name="7B", teacher_id=user(teacher_name).id, join_code=code)
    for name in student_names:
        school_class.members.append(ClassMember(user_id=user(name).id, extra_time_percent=extra_time))
    db.session.add(school_class)
    db.session.flush()
    return school_class


def assign(quiz: Quiz, school_class: SchoolClass) -> None:
    db.session.add(QuizAssignment(quiz_id=quiz.id, class_id=school_class.id))
    db.session.flush()


def finished_attempt(
    quiz: Quiz,
    student: User,
    scores: list[float],
    *,
    submitted_at: Any,
    responses: list[Any] | None = None,
    minutes: int = 10,
) -> Any:
    """A submitted attempt at a fixed-list quiz with the given score per question (1 point each), written directly:
    history and analytics tests need many attempts, and grading has tests of its own."""
    from datetime import timedelta

    from sqlalchemy import func

    from quizapp.attempts.models import Attempt, AttemptAnswer

    number = 1 + (
        db.session.scalar(
            select(func.max(Attempt.number)).where(Attempt.quiz_id == quiz.id, Attempt.student_id == student.id)
        )
        or 0
    )
    attempt = Attempt(
        quiz_id=quiz.id,
        student_id=student.id,
        number=number,
        status="submitted",
        started_at=submitted_at - timedelta(minutes=minutes),
        submitted_at=submitted_at,
        score=float(sum(scores)),
        max_score=float(len(scores)),
    )
    for position, (slot, score) in enumerate(zip(quiz.questions, scores, strict=True)):
        question = db.session.get(Question, slot.question_id)
        assert question is not None
        attempt.answers.append(
            AttemptAnswer(
                question_id=question.id,
                question_version_id=question.latest.id,
                position=position,
                points=1.0,
                response=None if responses is None else responses[position],
                score=float(score),
                graded_at=submitted_at,
            )
        )
    db.session.add(attempt)
    db.session.flush()
    return attempt
