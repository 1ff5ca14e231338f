"""What the attempt pages show, as plain values.

The templates never receive a question version: they get these views. A
``QuestionView`` for an unrevealed question is built without the key, the
explanation or the sources, so no template can leak them by mistake.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.attempts import loading, saving
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import fields_for, response_problem
from quizapp.attempts.shown_versions import ShownVersion
from quizapp.auth.models import User
from quizapp.bank.content import describe
from quizapp.exceptions import NotFound
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument
from quizapp.statuses import AttemptStatus

TYPE_LABELS = {
    "multiple_choice": "Choose one answer",
    # As Moodle says it: nothing about how many are right.
    "multiple_answer": "Select one or more",
    "true_false": "True or false?",
    "fill_in": "Fill in the blank",
    # The prompt says which order (the generator asks for chronological; a Moodle question may order words).
    "ordering": "Give each item its position in the order asked for (1 = first)",
    "matching": "Match each item on the left with one on the right",
}


@dataclass
class SourceLink:
    quote: str
    document_title: str
    url: str


@dataclass
class Feedback:
    detail: str
    checks: int
    tries_left: int
    revealed: bool
    # Whether this shows right from wrong (verdict, detail, marks); a review with answers or score hidden does not.
    judged: bool = True
    correct: bool | None = None
    score: float | None = None
    points: float = 1.0
    key: str | None = None
    explanation: str | None = None
    sources: list[SourceLink] = field(default_factory=list)
    awaiting_mark: bool = False  # grading could not mark it; the teacher will


@dataclass
class QuestionView:
    position: int
    number: int
    type: str
    instruction: str
    prompt: str
    choices: list[tuple[str, str]]  # (field value, label) in shown order
    lefts: list[str]
    fields: dict[str, str]  # the saved answer as form fields
    answered: bool
    feedback: Feedback | None
    problem: str | None = None  # what is unfinished about the saved answer, shown at the question

    @property
    def prefix(self) -> str:
        return f"q{self.position}-"


@dataclass
class NavEntry:
    position: int
    number: int
    answered: bool
    current: bool


@dataclass
class AttemptPage:
    quiz: Quiz
    questions: list[QuestionView]
    navigator: list[NavEntry]
    answered: int
    total: int
    seconds_left: float | None
    practice: bool
    position: int | None
    previous: int | None
    next: int | None


def _sources(attempt: Attempt, answer: AttemptAnswer) -> list[SourceLink]:
    return [
        SourceLink(
            quote=source.quote,
            document_title=source.document.title,
            url=url_for("attempts.source", attempt_id=attempt.id, position=answer.position, index=index) + "#sentence",
        )
        for index, source in enumerate(answer.question_version.sources)
    ]


def feedback_for(attempt: Attempt, answer: AttemptAnswer, *, review: bool = False) -> Feedback | None:
    """Feedback on one answer; the key, explanation and sources only once the question is revealed."""
    revealed = loading.is_revealed(attempt, answer)
    if not revealed and answer.checks == 0:
        return None
    feedback = Feedback(
        detail=answer.feedback or "",
        checks=answer.checks,
        tries_left=max(0, saving.PRACTICE_TRIES - answer.checks),
        revealed=revealed,
        points=answer.points,
        awaiting_mark=answer.needs_mark,
    )
    if not revealed:
        return feedback
    quiz = attempt.quiz
    # In review after submitting, the quiz's review settings decide; a practice check shows everything.
    show_answers = quiz.review_show_answers or not review
    show_explanations = quiz.review_show_explanations or not review
    show_sources = quiz.review_show_sources or not review
    version = answer.question_version
    # A verdict beside the student's answer is the key itself for true/false and narrows it for every other
    # type, and per-question marks are the score: both only where the score and the answers may be seen.
    feedback.judged = show_answers and (quiz.review_show_score or not review)
    if feedback.judged:
        feedback.score = answer.score
        feedback.correct = answer.score is not None and answer.score >= answer.points - 1e-9
    else:
        feedback.detail = ""
    if show_answers:
        feedback.key = describe(version.type, version.answer)
    if show_explanations:
        feedback.explanation = version.explanation or None
    if show_sources:
        feedback.sources = _sources(attempt, answer)
    if not (feedback.judged or feedback.key or feedback.explanation or feedback.sources):
        return None  # nothing the settings allow to say about this answer
    return feedback


def question_for_student(attempt: Attempt, answer: AttemptAnswer, version: ShownVersion) -> QuestionView:
    """One question as the student answers it; ``version`` holds no key, and feedback only comes once allowed."""
    shown = version.shown(answer.option_order)
    items = shown.shown_options()
    if shown.type == "true_false":
        choices = [("true", "True"), ("false", "False")]
    else:
        choices = [(str(index), label) for index, label in enumerate(items)]
    return QuestionView(
        position=answer.position,
        number=answer.position + 1,
        type=shown.type,
        instruction=TYPE_LABELS.get(shown.type, ""),
        prompt=version.prompt,
        choices=choices,
        lefts=list(shown.lefts),
        fields=fields_for(shown, answer.response),
        answered=answer.response is not None,
        feedback=feedback_for(attempt, answer),
        problem=response_problem(shown, answer.response),
    )


def attempt_page(
    attempt: Attempt,
    answers: Sequence[AttemptAnswer],
    position: int | None,
    *,
    now: datetime,
    versions: Mapping[int, ShownVersion],
) -> AttemptPage:
    """One question (``position``) or, with ``None``, all of them on one page.

    ``versions``: what is shown of each answer's question version, by id (``loading.versions_shown``).
    """
    shown = answers if position is None else [a for a in answers if a.position == position]
    total = len(answers)
    return AttemptPage(
        quiz=attempt.quiz,
        questions=[question_for_student(attempt, a, versions[a.question_version_id]) for a in shown],
        navigator=[
            NavEntry(a.position, a.position + 1, a.response is not None, a.position == position) for a in answers
        ],
        answered=sum(1 for a in answers if a.response is not None),
        total=total,
        seconds_left=loading.time_left(attempt, now),
        practice=attempt.quiz.mode == "practice",
        position=position,
        previous=None if position in (None, 0) else position - 1,
        next=None if position is None or position >= total - 1 else position + 1,
    )


@dataclass
class ReviewEntry:
    position: int
    number: int
    prompt: str
    type: str
    response: str
    feedback: Feedback | None


@dataclass
class ReviewPage:
    show_score: bool
    score: float | None
    max_score: float | None
    entries: list[ReviewEntry]
    closed_by_deadline: bool
    awaiting_marks: int = 0  # answers the teacher has still to mark: the score is provisional


def review_page(attempt: Attempt, answers: Sequence[AttemptAnswer]) -> ReviewPage:
    return ReviewPage(
        show_score=attempt.quiz.review_show_score,
        score=attempt.score,
        max_score=attempt.max_score,
        closed_by_deadline=attempt.status == AttemptStatus.CLOSED_OVERDUE,
        awaiting_marks=sum(1 for a in answers if a.needs_mark),
        entries=[
            ReviewEntry(
                position=a.position,
                number=a.position + 1,
                prompt=a.question_version.prompt,
                type=a.question_version.type,
                response=describe(a.question_version.type, a.response),
                feedback=feedback_for(attempt, a, review=True),
            )
            for a in answers
        ],
    )


@dataclass
class Paragraph:
    before: str
    highlight: str = ""
    after: str = ""


@dataclass
class SourceView:
    document: SourceDocument
    paragraphs: list[Paragraph]
    quote: str


def source_view(attempt: Attempt, answer: AttemptAnswer, index: int) -> SourceView:
    """The article with the question's source sentence marked; NotFound until the question is revealed."""
    sources = answer.question_version.sources
    allowed = loading.is_revealed(attempt, answer) and (
        attempt.quiz.review_show_sources
        or (attempt.status == AttemptStatus.IN_PROGRESS and answer.graded_at is not None)
    )
    if not allowed or not 0 <= index < len(sources):
        raise NotFound("There is no such source to show.")
    source = sources[index]
    text = source.document.cleaned_text
    paragraphs: list[Paragraph] = []
    offset = 0
    for chunk in text.split("\n\n"):
        start, end = offset, offset + len(chunk)
        offset = end + 2
        if start <= source.start_offset < end or start < source.end_offset <= end:
            a = max(source.start_offset, start) - start
            b = min(source.end_offset, end) - start
            paragraphs.append(Paragraph(chunk[:a], chunk[a:b], chunk[b:]))
        else:
            paragraphs.append(Paragraph(chunk))
    return SourceView(document=source.document, paragraphs=paragraphs, quote=source.quote)


def past_attempts(session: Session, quiz: Quiz, student: User) -> list[Attempt]:
    return list(
        session.scalars(
            select(Attempt)
            .where(
                Attempt.quiz_id == quiz.id,
                Attempt.student_id == student.id,
                Attempt.status != AttemptStatus.IN_PROGRESS,
            )
            .order_by(Attempt.number.desc())
        )
    )


@dataclass
class StaffEntry:
    number: int
    prompt: str
    type: str
    response: str
    key: str
    score: float | None
    points: float
    checks: int
    position: int = 0
    needs_mark: bool = False  # grading could not mark it: the teacher gives the mark


def staff_entries(answers: Sequence[AttemptAnswer]) -> list[StaffEntry]:
    """A teacher's view of each answer: everything, since the teacher owns the quiz."""
    return [
        StaffEntry(
            number=a.position + 1,
            prompt=a.question_version.prompt,
            type=a.question_version.type,
            response=describe(a.question_version.type, a.response),
            key=describe(a.question_version.type, a.question_version.answer),
            score=a.score,
            points=a.points,
            checks=a.checks,
            position=a.position,
            needs_mark=a.needs_mark,
        )
        for a in answers
    ]
