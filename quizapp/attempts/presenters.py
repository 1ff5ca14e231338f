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
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.attempts import loading, saving
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.navigator import NavEntry, navigator_items
from quizapp.attempts.responses import fields_for, response_problem
from quizapp.attempts.review_wording import explanation_beyond, verdict, verdict_kind
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
class Paragraph:
    before: str
    highlight: str = ""
    after: str = ""


@dataclass
class SourceLink:
    quote: str
    document_title: str
    url: str
    paragraph: Paragraph | None = None  # the sentence in its paragraph, marked


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

    @property
    def kind(self) -> str:
        """ "right", "partly", "wrong" or "awaiting"."""
        return verdict_kind(self.score, self.points, awaiting_mark=self.awaiting_mark)

    @property
    def verdict(self) -> str:
        """One sentence for the verdict, the grader's finding when it adds anything, and the marks."""
        return verdict(self.score, self.points, self.detail)


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
    flagged: bool = False  # the student flagged it to come back to

    @property
    def prefix(self) -> str:
        return f"q{self.position}-"


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

    @property
    def unanswered(self) -> int:
        return self.total - self.answered

    @property
    def flagged(self) -> int:
        return sum(1 for entry in self.navigator if entry.flagged)

    @property
    def saved_positions(self) -> str:
        """The positions answered, comma-separated, for the page's script."""
        return ",".join(str(entry.position) for entry in self.navigator if entry.answered)

    @property
    def navigator_items(self) -> Markup:
        return navigator_items(self.navigator, paged=self.position is not None)


def _sources(attempt: Attempt, answer: AttemptAnswer) -> list[SourceLink]:
    return [
        SourceLink(
            quote=source.quote,
            document_title=source.document.title,
            url=url_for("attempts.source", attempt_id=attempt.id, position=answer.position, index=index) + "#sentence",
            paragraph=next(
                (
                    p
                    for p in marked_paragraphs(source.document.cleaned_text, source.start_offset, source.end_offset)
                    if p.highlight
                ),
                None,
            ),
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
    if show_sources:
        feedback.sources = _sources(attempt, answer)
    if show_explanations:
        # The generator's "The text says: “…”" is the source sentence again: said once, in its paragraph.
        feedback.explanation = explanation_beyond(version.explanation, [s.quote for s in feedback.sources])
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
        flagged=answer.flagged_for_later,
    )


def attempt_page(
    attempt: Attempt,
    answers: Sequence[AttemptAnswer],
    position: int | None,
    *,
    now: datetime,
    versions: Mapping[int, ShownVersion],
    states: Sequence[loading.AnswerState] | None = None,
) -> AttemptPage:
    """One question (``position``) or, with ``None``, all of them on one page.

    ``answers``: every answer of the attempt; or only the one shown, with ``states`` saying what the question
    numbers show of every answer (``loading.page_answers``). ``versions``: what is shown of each answer's question
    version, by id (``loading.versions_shown``).
    """
    if states is None:
        states = [
            loading.AnswerState(a.position, a.response is not None, a.flagged_for_later, a.question_version_id)
            for a in answers
        ]
    shown = answers if position is None else [a for a in answers if a.position == position]
    total = len(states)
    return AttemptPage(
        quiz=attempt.quiz,
        questions=[question_for_student(attempt, a, versions[a.question_version_id]) for a in shown],
        navigator=[NavEntry(s.position, s.position + 1, s.answered, s.position == position, s.flagged) for s in states],
        answered=sum(1 for s in states if s.answered),
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

    @property
    def kind(self) -> str | None:
        """ "right", "partly", "wrong", "awaiting"; None where the settings hide the verdict."""
        return self.feedback.kind if self.feedback is not None and self.feedback.judged else None


@dataclass
class ReviewPage:
    show_score: bool
    score: float | None
    max_score: float | None
    entries: list[ReviewEntry]
    closed_by_deadline: bool
    awaiting_marks: int = 0  # answers the teacher has still to mark: the score is provisional
    seconds_taken: float | None = None
    only_missed: bool = False  # show only the questions not fully right (when verdicts may be seen)

    @property
    def judged(self) -> bool:
        """Whether the review settings let the student see which answers were right."""
        return any(e.feedback is not None and e.feedback.judged for e in self.entries)

    def count(self, kind: str) -> int:
        return sum(1 for e in self.entries if e.kind == kind)

    @property
    def shown(self) -> list[ReviewEntry]:
        if self.only_missed and self.judged:
            return [e for e in self.entries if e.kind != "right"]
        return self.entries


def shows_score(attempt: Attempt) -> bool:
    """Whether the student may see the attempt's score: once it is finished, where the quiz's settings show it."""
    return attempt.status != AttemptStatus.IN_PROGRESS and attempt.quiz.review_show_score


def review_page(attempt: Attempt, answers: Sequence[AttemptAnswer], *, only_missed: bool = False) -> ReviewPage:
    """The review of a submitted attempt, as its quiz's review settings allow; ``only_missed`` filters it."""
    taken = None
    if attempt.submitted_at is not None and attempt.started_at is not None:
        taken = max(0.0, (attempt.submitted_at - attempt.started_at).total_seconds())
    return ReviewPage(
        show_score=shows_score(attempt),
        score=attempt.score,
        max_score=attempt.max_score,
        closed_by_deadline=attempt.status == AttemptStatus.CLOSED_OVERDUE,
        awaiting_marks=sum(1 for a in answers if a.needs_mark),
        seconds_taken=taken,
        only_missed=only_missed,
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
    paragraphs = marked_paragraphs(source.document.cleaned_text, source.start_offset, source.end_offset)
    return SourceView(document=source.document, paragraphs=paragraphs, quote=source.quote)


def marked_paragraphs(text: str, start_offset: int, end_offset: int) -> list[Paragraph]:
    """The text's paragraphs (split at blank lines), with the characters start_offset..end_offset marked."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for chunk in text.split("\n\n"):
        start, end = offset, offset + len(chunk)
        offset = end + 2
        if start <= start_offset < end or start < end_offset <= end:
            a = max(start_offset, start) - start
            b = min(end_offset, end) - start
            paragraphs.append(Paragraph(chunk[:a], chunk[a:b], chunk[b:]))
        else:
            paragraphs.append(Paragraph(chunk))
    return paragraphs


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
