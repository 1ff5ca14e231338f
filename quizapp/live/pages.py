"""What the projector and a phone show of a live session at its current state, built from the rows.

The phone's view holds no key while its question is open: the prompt and choices come from the shown-version
cache (which never holds a key), and the answer, the class's bars and the source sentence only once the question
closed (``reveal``) by the server's clock or the teacher.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from quizapp.attempts.presenters import TYPE_LABELS, QuestionView
from quizapp.attempts.shown_versions import ShownVersion
from quizapp.bank.content import describe
from quizapp.bank.models import QuestionVersion
from quizapp.live import clock, services
from quizapp.live.models import LiveAnswer, LiveParticipant, LiveSession
from quizapp.live.scoring import ClassAnswers, Standing, class_answers, leaderboard
from quizapp.statuses import LiveState


@dataclass
class Revealed:
    """A closed question's answer, how the class answered, and the sentence it came from."""

    key: str
    answers: ClassAnswers
    sources: list[str]
    explanation: str


@dataclass
class Screen:
    """The projector at the session's current state."""

    live: LiveSession
    names: list[str]  # who joined, in joining order
    question: QuestionView | None = None
    answered: int = 0
    seconds_left: float | None = None
    paused: bool = False
    revealed: Revealed | None = None
    standings: list[Standing] = field(default_factory=list)


@dataclass
class Phone:
    """A participant's phone at the session's current state."""

    live: LiveSession
    participant: LiveParticipant
    question: QuestionView | None = None  # the open question, until answered
    answered: bool = False
    paused: bool = False
    seconds_left: float | None = None
    result: LiveAnswer | None = None  # the closed question's answer (None: not answered)
    key: str | None = None
    place: int | None = None
    players: int = 0


def question_view(shown: ShownVersion, option_order: list[int], index: int) -> QuestionView:
    """The open question as a form, without the key (``shown`` never holds it)."""
    items = shown.shown(option_order).shown_options()
    choices = (
        [("true", "True"), ("false", "False")]
        if shown.type == "true_false"
        else [(str(number), label) for number, label in enumerate(items)]
    )
    return QuestionView(
        position=index,
        number=index + 1,
        type=shown.type,
        instruction=TYPE_LABELS.get(shown.type, ""),
        prompt=shown.prompt,
        choices=choices,
        lefts=list(shown.lefts),
        fields={},
        answered=False,
        feedback=None,
    )


def _names(live: LiveSession) -> list[str]:
    return [participant.name for participant in live.participants]


def _revealed(
    session: Session,
    live: LiveSession,
    index: int,
    version: QuestionVersion | None = None,
    answers: Sequence[LiveAnswer] | None = None,
) -> Revealed:
    """What the class sees once question ``index`` closed; ``version`` (its sources loaded) and ``answers`` when the
    caller already has them, as the results page has for every question at once."""
    if version is None:
        version = session.scalar(
            select(QuestionVersion)
            .options(selectinload(QuestionVersion.sources))
            .where(QuestionVersion.id == int(live.questions[index]["version_id"]))
        )
    assert version is not None
    if answers is None:
        answers = services.answers_to(session, live.id, index)
    shown, order = services.shown_question(session, live, index)
    counted = class_answers(
        version.type,
        shown.shown(order).shown_options(),
        version.answer,
        ((row.response, row.correct) for row in answers),
    )
    return Revealed(
        key=describe(version.type, version.answer),
        answers=counted,
        sources=[source.quote for source in version.sources],
        explanation=version.explanation or "",
    )


def standings(live: LiveSession) -> list[Standing]:
    return leaderboard(((p.name, p.score) for p in live.participants), show_names=live.show_names)


def screen(session: Session, live: LiveSession, *, now: datetime) -> Screen:
    """The projector: who joined; the open question with its countdown and how many answered; once it closed,
    the bars, the key and its source sentence, and the top five."""
    view = Screen(live=live, names=_names(live))
    if live.state == LiveState.QUESTION:
        shown, order = services.shown_question(session, live, live.current_index)
        view.question = question_view(shown, order, live.current_index)
        view.answered = services.answer_count(session, live.id, live.current_index)
        view.seconds_left = clock.seconds_left(clock.Timing(live.closes_at, live.paused_remaining), now)
        view.paused = live.closes_at is None
    elif live.state == LiveState.REVEAL:
        view.revealed = _revealed(session, live, live.current_index)
        view.standings = standings(live)
    elif live.state == LiveState.ENDED:
        view.standings = standings(live)
    return view


def phone(session: Session, participant: LiveParticipant, *, now: datetime) -> Phone:
    """A phone: the open question until answered; after it closed, right or wrong, the points and running score."""
    live = participant.live_session
    # Counted in SQL: a whole class's phones fetch this at once, and loading every participant on each was
    # a class's square.
    view = Phone(live=live, participant=participant)
    if live.state != LiveState.QUESTION:  # the open question's panel says nothing of the others
        view.players = services.player_count(session, live.id)
    if live.state == LiveState.QUESTION:
        view.answered = services.answer_of(session, participant.id, live.current_index) is not None
        view.paused = live.closes_at is None
        view.seconds_left = clock.seconds_left(clock.Timing(live.closes_at, live.paused_remaining), now)
        if not view.answered:
            shown, order = services.shown_question(session, live, live.current_index)
            view.question = question_view(shown, order, live.current_index)
    elif live.state == LiveState.REVEAL:
        view.result = services.answer_of(session, participant.id, live.current_index)
        version = session.get(QuestionVersion, int(live.questions[live.current_index]["version_id"]))
        assert version is not None
        view.key = describe(version.type, version.answer)
    if live.state in (LiveState.REVEAL, LiveState.ENDED):
        view.place = services.place_of(session, participant)
    return view


@dataclass
class QuestionResult:
    number: int
    prompt: str
    key: str
    answers: ClassAnswers


@dataclass
class PlayerResult:
    name: str | None  # None for a guest: counted, not named
    score: int
    answered: int
    right: int
    attempt_id: int | None


@dataclass
class Results:
    live: LiveSession
    questions: list[QuestionResult]
    players: list[PlayerResult]
    guests: int


def results(session: Session, live: LiveSession) -> Results:
    """The teacher's results of a session: each question asked with the class's answers, each player's points.
    Guests are counted in every figure but not named."""
    asked = live.current_index + 1 if live.opened_at is not None else 0
    rows = session.scalars(select(LiveAnswer).where(LiveAnswer.live_session_id == live.id)).all()
    # One read of the answers and one of the versions for the whole page, not one of each per question asked.
    by_question: dict[int, list[LiveAnswer]] = defaultdict(list)
    answered: Counter[int] = Counter()
    right: Counter[int] = Counter()
    for row in rows:
        by_question[row.question_index].append(row)
        answered[row.participant_id] += 1
        right[row.participant_id] += row.correct
    version_ids = {int(slot["version_id"]) for slot in live.questions[:asked]}
    versions = {
        version.id: version
        for version in session.scalars(
            select(QuestionVersion)
            .options(selectinload(QuestionVersion.sources))
            .where(QuestionVersion.id.in_(version_ids))
        )
    }
    questions = []
    for index in range(asked):
        version = versions[int(live.questions[index]["version_id"])]
        revealed = _revealed(session, live, index, version, by_question[index])
        shown, _ = services.shown_question(session, live, index)
        questions.append(QuestionResult(index + 1, shown.prompt, revealed.key, revealed.answers))
    players = [
        PlayerResult(
            name=None if participant.is_guest else participant.name,
            score=participant.score,
            answered=answered[participant.id],
            right=right[participant.id],
            attempt_id=participant.attempt_id,
        )
        for participant in sorted(live.participants, key=lambda p: -p.score)
    ]
    return Results(live, questions, players, sum(1 for p in live.participants if p.is_guest))
