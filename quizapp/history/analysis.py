"""Item analysis of a quiz, and sending the questions that fail back to review.

Loads the graded answers of the quiz's finished attempts (marks and responses) in one query, the
question versions they were graded on in a second, open flags in a third, the quiz's own order of
its questions in a fourth, and hands plain values to the pure ``stats`` module. The figures follow
Moodle's quiz statistics.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth.models import User
from quizapp.bank import review
from quizapp.bank.models import Question, QuestionFlag, QuestionVersion
from quizapp.collector import collector_paused
from quizapp.history import slot_stats, stats
from quizapp.quizzes.exports import rule_title
from quizapp.quizzes.models import Quiz, QuizQuestion
from quizapp.quizzes.services import rule_pool
from quizapp.statuses import FINISHED

WHICH_ATTEMPTS = ("all", "first")
CHOICE_TYPES = ("multiple_choice", "true_false", "multiple_answer")


@dataclass
class ItemRow:
    question_id: int
    number: int  # the "#" of the question in the quiz: 1, 2, 3 ... with no repeat or gap, shuffled or not
    position: int  # first position the question was shown at in an attempt
    type: str
    prompt: str
    statistics: stats.QuestionStatistics
    options: list[stats.OptionCount] | None
    open_flags: int
    reasons: list[str] = field(default_factory=list)
    # Moodle's figures beside quizapp's: for a question a rule drew, Moodle correlates it with the total including it.
    moodle: slot_stats.MoodleFigures = field(default_factory=lambda: slot_stats.MoodleFigures(None, None))
    drawn_at_random: bool = False


@dataclass
class ItemAnalysis:
    quiz: Quiz
    which: str
    attempts: int
    quiz_statistics: stats.QuizStatistics
    items: list[ItemRow]
    newest_submission: datetime | None
    # With random rules: a row per slot (each fixed question, each draw of a rule) and alpha over the slots.
    slots: list[slot_stats.SlotRow] = field(default_factory=list)
    slot_alpha: float | None = None

    @property
    def random_slots(self) -> list[slot_stats.SlotRow]:
        return [row for row in self.slots if row.slot.is_random]

    @property
    def reliable(self) -> bool:
        return stats.enough_attempts(self.attempts)

    @property
    def flagged(self) -> list[ItemRow]:
        return [item for item in self.items if item.reasons]


def _option_key(value: Any) -> Any:
    return value if not isinstance(value, list) else tuple(value)


def _right_options(version_type: str, answer: Any) -> list[Any]:
    if version_type == "multiple_answer":
        return [option for option, fraction in answer if fraction > 0]
    return [_option_key(answer)]


def _choices(version_type: str, options: Sequence[Any]) -> list[Any]:
    if version_type == "true_false":
        return [True, False]
    return list(options)


def _choice_counts(
    question_ids: Sequence[int],
    version_ids: Sequence[int],
    responses: Sequence[str | None],
    choice_versions: set[int],
    several: frozenset[int] = frozenset(),
) -> dict[int, list[tuple[Any, int]]]:
    """How often each response was given to the choice questions (these versions); for the versions in
    ``several`` (choose all that apply) how often each option was ticked.

    Counted on the stored JSON text, so only the few distinct responses are decoded.
    """
    merged: dict[int, Counter[Any]] = defaultdict(Counter)
    given = Counter(zip(question_ids, version_ids, responses, strict=True))
    for (question_id, version_id, response), count in given.items():
        if version_id in choice_versions:
            # Two spellings of one JSON value (SQLite keeps the text as written) count as one response.
            value = None if response is None else json.loads(response)
            if version_id in several and isinstance(value, list):
                # Choose all that apply: each ticked option counts, as Moodle's response analysis counts them.
                for option in value:
                    merged[question_id][_option_key(option)] += count
            else:
                merged[question_id][_option_key(value)] += count
    return {question_id: list(counts.items()) for question_id, counts in merged.items()}


def _quiz_order(first_position: dict[int, int], quiz_positions: dict[int, int]) -> list[int]:
    """The analysed questions in the quiz's order: its fixed questions by their place in the quiz, then those
    a rule picked (they have no place of their own) by where they were first shown. A shuffled quiz shows a
    question at many positions, so the first one shown alone repeats and skips numbers."""
    fixed = len(quiz_positions)

    def place(question_id: int) -> tuple[int, int, int]:
        if question_id in quiz_positions:
            return (0, quiz_positions[question_id], question_id)
        return (1, fixed + first_position[question_id], question_id)

    return sorted(first_position, key=place)


def _first_positions(question_ids: Sequence[int], positions: Sequence[int]) -> dict[int, int]:
    """The first position each question was shown at, for a stable order on the page."""
    if not question_ids:
        return {}
    questions, columns = np.unique(np.asarray(question_ids, dtype=np.int64), return_inverse=True)
    first = np.full(len(questions), np.iinfo(np.int64).max)
    np.minimum.at(first, columns, np.asarray(positions, dtype=np.int64))
    return {int(q): int(p) for q, p in zip(questions, first, strict=True)}


def item_analysis(session: Session, quiz: Quiz, *, which: str = "all") -> ItemAnalysis:
    """Moodle's per-question and per-quiz statistics over the quiz's finished attempts (five queries)."""
    if which not in WHICH_ATTEMPTS:
        which = "all"
    scope = [Attempt.quiz_id == quiz.id, Attempt.status.in_(FINISHED)]
    if which == "first":
        scope.append(Attempt.number == 1)
    # Plain rows through the connection: tens of thousands of numbers, no ORM bookkeeping needed. The
    # responses come as JSON text in the same pass, for the option counts of the choice questions.
    connection = session.connection()
    newest = connection.execute(select(func.max(Attempt.submitted_at)).where(*scope)).scalar()
    with collector_paused():
        answers = connection.execute(
            select(
                AttemptAnswer.attempt_id,
                AttemptAnswer.question_id,
                AttemptAnswer.question_version_id,
                AttemptAnswer.position,
                AttemptAnswer.score,
                AttemptAnswer.points,
                cast(AttemptAnswer.response, Text),
            ).where(AttemptAnswer.attempt_id.in_(select(Attempt.id).where(*scope)))
        ).all()
        attempt_ids, question_ids, version_ids, positions, scores, points, responses = (
            zip(*answers, strict=True) if answers else ((),) * 7
        )
        marks = np.array(scores, dtype=float)
        marks[np.isnan(marks)] = 0.0  # an ungraded answer (None) earned nothing
        matrix = stats.MarkMatrix.from_rows(attempt_ids, question_ids, marks, points)
        first_position = _first_positions(question_ids, positions)

    # The newest version each question was graded on names it and lists its options.
    versions: dict[int, Any] = {}
    choice_versions: set[int] = set()
    several: set[int] = set()
    if version_ids:
        for row in connection.execute(
            select(
                QuestionVersion.id,
                QuestionVersion.question_id,
                QuestionVersion.version,
                QuestionVersion.type,
                QuestionVersion.prompt,
                QuestionVersion.options,
                QuestionVersion.answer,
            )
            .where(QuestionVersion.id.in_(set(version_ids)))
            .order_by(QuestionVersion.question_id, QuestionVersion.version)
        ).all():
            versions[row.question_id] = row
            if row.type in CHOICE_TYPES:
                choice_versions.add(row.id)
            if row.type == "multiple_answer":
                several.add(row.id)
    chosen = _choice_counts(question_ids, version_ids, responses, choice_versions, frozenset(several))
    flags = (
        dict(
            session.execute(
                # Students, not flags: one student flagging twice is one voice.
                select(QuestionFlag.question_id, func.count(func.distinct(QuestionFlag.user_id)))
                .where(QuestionFlag.question_id.in_(list(first_position)), QuestionFlag.resolved_at.is_(None))
                .group_by(QuestionFlag.question_id)
            ).all()
        )
        if first_position
        else {}
    )
    quiz_positions = dict(
        session.execute(
            select(QuizQuestion.question_id, QuizQuestion.position).where(QuizQuestion.quiz_id == quiz.id)
        ).all()
    )

    fixed = sorted(quiz_positions, key=lambda q: (quiz_positions[q], q))
    slots: list[slot_stats.SlotRow] = []
    slot_alpha = None
    if quiz.rules and answers:
        rules = [
            slot_stats.RandomRule(
                rule.id,
                rule_title(rule.count, rule.document.title if rule.document else None, rule.question_type, rule.tag),
                rule.count,
                frozenset(q.id for q in rule_pool(session, rule)) - set(fixed),
            )
            for rule in sorted(quiz.rules, key=lambda r: r.id)
        ]
        slot_matrix, slot_list = slot_stats.slot_matrix(
            attempt_ids, question_ids, positions, marks, points, [q for q in fixed if q in first_position], rules
        )
        slots = slot_stats.slot_rows(slot_matrix, slot_list)
        slot_alpha = slot_stats.slot_alpha(slot_matrix)

    items = []
    for number, question_id in enumerate(_quiz_order(first_position, quiz_positions), start=1):
        version = versions[question_id]
        question_stats = matrix.question_statistics(question_id)
        options = None
        if version.type in CHOICE_TYPES:
            options = stats.counted_option_frequencies(
                chosen.get(question_id, []),
                _choices(version.type, version.options),
                correct=_right_options(version.type, version.answer),
            )
        open_flags = int(flags.get(question_id, 0))
        items.append(
            ItemRow(
                question_id=question_id,
                number=number,
                position=first_position[question_id],
                type=version.type,
                prompt=version.prompt,
                statistics=question_stats,
                options=options,
                open_flags=open_flags,
                reasons=stats.weak_question_reasons(question_stats, options, open_flags),
                moodle=slot_stats.question_moodle_figures(
                    matrix, question_id, drawn_at_random=question_id not in quiz_positions
                ),
                drawn_at_random=question_id not in quiz_positions,
            )
        )
    return ItemAnalysis(
        quiz=quiz,
        which=which,
        attempts=matrix.attempts,
        quiz_statistics=matrix.quiz_statistics(),
        items=items,
        newest_submission=newest,
        slots=slots,
        slot_alpha=slot_alpha,
    )


@dataclass(frozen=True)
class SentBack:
    question_id: int
    reasons: list[str]


def send_weak_questions_back(session: Session, analysis: ItemAnalysis, actor: User | None) -> list[SentBack]:
    """Send every approved question the analysis found weak back to the review queue, saying why.

    A question a teacher approved again after the newest attempt analysed is left
    alone: there is no new evidence since that review, and re-flagging it on every
    run would overrule the teacher.
    """
    weak = {item.question_id: item.reasons for item in analysis.flagged}
    if not weak:
        return []
    questions = session.scalars(select(Question).where(Question.id.in_(list(weak)))).all()
    sent = []
    for question in questions:
        if (
            analysis.newest_submission is not None
            and question.reviewed_at is not None
            and question.reviewed_at >= analysis.newest_submission
        ):
            continue
        reason = f"Sent back by the item analysis of “{analysis.quiz.title}”: " + "; ".join(weak[question.id])
        if review.send_back_to_review(question, reason, actor):
            sent.append(SentBack(question.id, weak[question.id]))
    session.flush()
    return sent


def item_analysis_csv_rows(analysis: ItemAnalysis) -> list[list[object]]:
    header: list[object] = [
        "position",
        "question_id",
        "type",
        "question",
        "attempts",
        "facility_%",
        "sd_%",
        "discrimination_rest_of_quiz_%",
        "moodle_discrimination_index_%",
        "discriminative_efficiency_%",
        "open_flags",
        "options (count)",
        "reasons",
    ]
    rows: list[list[object]] = [header]
    for item in analysis.items:
        s = item.statistics.shown()  # the page's rule: no figures below the minimum of answers
        options = "" if item.options is None else "; ".join(f"{o.option}: {o.count}" for o in item.options)
        rows.append(
            [
                item.number,
                item.question_id,
                item.type,
                item.prompt,
                s.n,
                _pct(s.facility),
                _pct(s.sd),
                _pct(s.discrimination_index),
                _pct(item.moodle.discrimination_index if s.reliable else None),
                _blank(s.discriminative_efficiency),
                item.open_flags,
                options,
                "; ".join(item.reasons),
            ]
        )
    for row in analysis.random_slots:
        s = row.statistics.shown()
        moodle = row.moodle.discrimination_index if s.reliable else None
        rows.append(
            ["slot", "", "random slot", row.slot.label, s.n, _pct(s.facility), _pct(s.sd),
             _pct(s.discrimination_index), _pct(moodle), _blank(s.discriminative_efficiency), "", "", ""]
        )  # fmt: skip
    return rows


def _pct(value: float | None) -> object:
    return "" if value is None else round(100.0 * value, 2)


def _blank(value: float | None) -> object:
    return "" if value is None else round(value, 2)


@dataclass(frozen=True)
class QuizCheck:
    quiz_id: int
    title: str
    attempts: int
    sent_back: list[SentBack]


def check_quizzes(session: Session, *, now: datetime, quiz_id: int | None = None) -> list[QuizCheck]:
    """Run the weak-question check on one quiz, or on every teacher's quiz that closed since its last check."""
    query = select(Quiz).where(Quiz.owner_id.is_not(None))
    if quiz_id is not None:
        query = query.where(Quiz.id == quiz_id)
    else:
        query = query.where(
            Quiz.closes_at.is_not(None),
            Quiz.closes_at <= now,
            (Quiz.weak_check_at.is_(None)) | (Quiz.weak_check_at < Quiz.closes_at),
        )
    outcomes = []
    for quiz in session.scalars(query.order_by(Quiz.id)).all():
        found = item_analysis(session, quiz)
        sent = send_weak_questions_back(session, found, None)
        quiz.weak_check_at = now
        outcomes.append(QuizCheck(quiz.id, quiz.title, found.attempts, sent))
    session.flush()
    return outcomes
