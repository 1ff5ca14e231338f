"""Live sessions: starting one, joining it, a question's life, and the attempts it leaves in students' histories.

Plain functions on an explicit session; the caller commits once. Every time comes from the caller's ``now``, the
server's clock: nothing here trusts a time a browser sends. The teacher's controls lock the session's row, so two
clicks (or two projector tabs) apply one after the other; each change of state adds one to ``version``.

The life of a session: ``lobby`` --next--> ``question`` (index 0) --time up or reveal--> ``reveal`` --next-->
``question`` (index 1) ... --next after the last, or end at any time--> ``ended``. A question whose closing time
has passed is closed by whoever next reads the state (``current_state``): no timer runs anywhere.
"""

from __future__ import annotations

import logging
import random
import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, and_, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload

from quizapp.attempts.grading import GradingError, grade
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import InvalidResponse, read_response
from quizapp.attempts.scoring import graded_or_none, scored
from quizapp.attempts.shown_versions import ShownVersion, shown_versions
from quizapp.attempts.starting import EmptyQuiz, quiz_slots
from quizapp.attempts.submitting import await_mark
from quizapp.auth.models import User
from quizapp.bank.models import QuestionVersion
from quizapp.classes.services import CODE_ALPHABET, normalise_code
from quizapp.database import begin_writing
from quizapp.exceptions import Conflict, DomainError, NotFound
from quizapp.live import clock
from quizapp.live.models import NICKNAME_MAX, SECONDS_MAX, SECONDS_MIN, LiveAnswer, LiveParticipant, LiveSession
from quizapp.live.scoring import live_points
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.request_args import has_control_characters
from quizapp.statuses import AttemptStatus, LiveState

logger = logging.getLogger(__name__)

CODE_LENGTH = 6
CODE_TRIES = 10
# A join code works until the session ends, and never longer than this after it started.
SESSION_LIFETIME = timedelta(hours=12)
EXTEND_STEP = 10  # seconds the "+time" button adds

NO_SUCH_SESSION = "There is no such live session, or it is not yours."
EXPIRED = (
    f"This live session ran for its {SESSION_LIFETIME.total_seconds() / 3600:g} hours and is over: nothing more is "
    "counted, and its results are kept."
)
UNKNOWN_CODE = "No live session has this code, or it has ended. Check the code on the board."


class InvalidLiveSettings(DomainError):
    pass


class UnknownLiveCode(DomainError):
    status_code = 404


class GuestsNotAllowed(DomainError):
    status_code = 403


class InvalidNickname(DomainError):
    pass


class AnswerRefused(Conflict):
    """The answer came for a question that is not open (any more), or a second time: not counted."""


class InvalidAnswer(DomainError):
    """The form does not make an answer to the open question."""


class ControlRefused(Conflict):
    """The teacher's button does not apply in the session's state (a double click, a stale projector tab)."""


# --- starting and finding a session ------------------------------------------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def start_session(
    session: Session,
    quiz_id: int,
    teacher: User,
    *,
    seconds: int,
    allow_guests: bool,
    show_names: bool,
    now: datetime,
    seed: int | None = None,
) -> LiveSession:
    """A new session in its lobby, of the teacher's own quiz: its approved questions are fixed now, in one order
    (and one option order) for the whole class, with a fresh join code."""
    if not SECONDS_MIN <= seconds <= SECONDS_MAX:
        raise InvalidLiveSettings(f"Give each question {SECONDS_MIN} to {SECONDS_MAX} seconds.")
    quiz = quiz_of_teacher(session, quiz_id, teacher)
    rng = random.Random(seed if seed is not None else secrets.randbits(64))  # noqa: S311 - shuffling, not secrecy
    slots = quiz_slots(session, quiz, rng)
    if not slots:
        raise EmptyQuiz("This quiz has no approved questions to ask.")
    questions = [
        {
            "question_id": slot.candidate.question_id,
            "version_id": slot.candidate.version_id,
            "points": slot.points,
            "option_order": list(slot.option_order),
        }
        for slot in slots
    ]
    for _ in range(CODE_TRIES):
        live = LiveSession(
            quiz_id=quiz.id,
            teacher_id=teacher.id,
            join_code=_new_code(),
            allow_guests=allow_guests,
            show_names=show_names,
            seconds_per_question=seconds,
            state=LiveState.LOBBY,
            questions=questions,
            question_count=len(questions),
            current_index=0,
            version=1,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
        try:
            with session.begin_nested():
                session.add(live)
                session.flush()
        except IntegrityError:
            continue  # the code was taken: another one
        return live
    raise Conflict("No free join code was found; please try again.")


def live_for_teacher(
    session: Session, live_id: int, teacher: User, *, lock: bool = False, players: bool = False
) -> LiveSession:
    """The teacher's own session; NotFound for anyone else's (it must look like one that does not exist).
    ``players`` loads the participants with their accounts in two statements, for the pages that name them all
    (the projector fetches its screen every other second: one statement per student would be 300)."""
    query = select(LiveSession).where(LiveSession.id == live_id, LiveSession.teacher_id == teacher.id)
    if players:
        query = query.options(selectinload(LiveSession.participants).selectinload(LiveParticipant.user))
    live = session.scalar(query.with_for_update() if lock else query)
    if live is None:
        raise NotFound(NO_SUCH_SESSION)
    return live


@dataclass(frozen=True)
class GuestsOfSession:
    """A live session of a quiz that had guests: they have no attempt, so the quiz's results leave them out."""

    live_id: int
    started_at: datetime
    guests: int


def guests_of_quiz(session: Session, quiz_id: int, teacher_id: int) -> list[GuestsOfSession]:
    """The teacher's live sessions of the quiz that had guests, newest first, with how many (one statement)."""
    guests = func.count(LiveParticipant.id)
    rows = session.execute(
        select(LiveSession.id, LiveSession.created_at, guests)
        .join(LiveParticipant, LiveParticipant.live_session_id == LiveSession.id)
        .where(LiveSession.quiz_id == quiz_id, LiveSession.teacher_id == teacher_id, LiveParticipant.user_id.is_(None))
        .group_by(LiveSession.id, LiveSession.created_at)
        .order_by(LiveSession.created_at.desc(), LiveSession.id.desc())
    ).all()
    return [GuestsOfSession(live_id, started_at, int(count)) for live_id, started_at, count in rows]


def sessions_of_teacher(session: Session, teacher: User, *, limit: int = 20) -> Sequence[LiveSession]:
    """The teacher's latest sessions, newest first."""
    return session.scalars(
        select(LiveSession)
        .options(joinedload(LiveSession.quiz))
        .where(LiveSession.teacher_id == teacher.id)
        .order_by(LiveSession.created_at.desc(), LiveSession.id.desc())
        .limit(limit)
    ).all()


# --- joining -----------------------------------------------------------------------------------------------------


def check_nickname(nickname: str) -> str:
    """A guest's nickname as shown: whitespace collapsed, 1 to NICKNAME_MAX characters, no control characters."""
    if has_control_characters(nickname):
        raise InvalidNickname("A nickname cannot hold control characters (tabs, line breaks ...).")
    name = " ".join(nickname.split())
    if not name or len(name) > NICKNAME_MAX:
        raise InvalidNickname(f"A nickname has 1 to {NICKNAME_MAX} characters.")
    if not any(char.isalnum() for char in name):
        raise InvalidNickname("A nickname needs at least one letter or digit.")
    return name


def session_by_code(session: Session, code: str, *, now: datetime) -> LiveSession:
    """The session a join code opens: not ended, not expired; UnknownLiveCode for any other code."""
    live = session.scalar(
        select(LiveSession).where(
            LiveSession.join_code == normalise_code(code),
            LiveSession.state != LiveState.ENDED,
            LiveSession.expires_at > now,
        )
    )
    if live is None:
        raise UnknownLiveCode(UNKNOWN_CODE)
    return live


def join(session: Session, code: str, *, student: User | None, nickname: str | None, now: datetime) -> LiveParticipant:
    """Join with a code: a signed-in student (joining again returns the same place), or a guest with a nickname
    unique in the session (any case) when the teacher allows guests."""
    live = session_by_code(session, code, now=now)
    if student is not None:
        existing = session.scalar(
            select(LiveParticipant).where(
                LiveParticipant.live_session_id == live.id, LiveParticipant.user_id == student.id
            )
        )
        if existing is not None:
            return existing
        participant = LiveParticipant(live_session_id=live.id, user_id=student.id, joined_at=now)
    else:
        if not live.allow_guests:
            raise GuestsNotAllowed("This session is for signed-in students: log in, then join with the code.")
        name = check_nickname(nickname or "")
        participant = LiveParticipant(
            live_session_id=live.id, nickname=name, nickname_key=name.casefold(), joined_at=now
        )
    try:
        with session.begin_nested():
            session.add(participant)
            session.flush()
    except IntegrityError:
        if student is not None:  # the same student joining in two tabs at once: one place
            return session.scalars(
                select(LiveParticipant).where(
                    LiveParticipant.live_session_id == live.id, LiveParticipant.user_id == student.id
                )
            ).one()
        raise Conflict("Someone in this session already has that nickname: choose another.") from None
    # The projector's list of who joined changes: phones and projector see a new version.
    session.execute(update(LiveSession).where(LiveSession.id == live.id).values(version=LiveSession.version + 1))
    forget_state(session, live.id)
    return participant


def participant_of(session: Session, live_id: int, participant_id: int) -> LiveParticipant:
    """A participant of this session; NotFound for any other pairing."""
    participant = session.scalar(
        select(LiveParticipant)
        .options(joinedload(LiveParticipant.live_session))
        .where(LiveParticipant.id == participant_id, LiveParticipant.live_session_id == live_id)
    )
    if participant is None:
        raise NotFound("You are not in this live session: join it with its code.")
    return participant


def player_count(session: Session, live_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(LiveParticipant).where(LiveParticipant.live_session_id == live_id)
        )
        or 0
    )


def place_of(session: Session, participant: LiveParticipant) -> int:
    """1 + how many in the session have more points (equal points share a place)."""
    better = session.scalar(
        select(func.count())
        .select_from(LiveParticipant)
        .where(
            LiveParticipant.live_session_id == participant.live_session_id,
            LiveParticipant.score > participant.score,
        )
    )
    return (better or 0) + 1


def participant_for_student(session: Session, live_id: int, student_id: int) -> LiveParticipant | None:
    return session.scalar(
        select(LiveParticipant).where(LiveParticipant.live_session_id == live_id, LiveParticipant.user_id == student_id)
    )


# --- the state every phone polls ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateRow:
    """What the state endpoint answers from: the session row's few columns, read without the ORM."""

    id: int
    version: int
    state: str
    current_index: int
    question_count: int
    closes_at: datetime | None
    paused_remaining: float | None
    teacher_id: int

    def timing(self) -> clock.Timing:
        return clock.Timing(self.closes_at, self.paused_remaining)

    def is_over(self, now: datetime) -> bool:
        """True when an open question's time is up by the server's clock (it is to be closed)."""
        return self.state == LiveState.QUESTION and clock.is_over(self.timing(), now)

    def as_json(self, now: datetime) -> dict[str, Any]:
        question = self.state == LiveState.QUESTION
        return {
            "version": self.version,
            "state": self.state,
            "index": self.current_index,
            "count": self.question_count,
            "closes_at": self.closes_at.isoformat() if question and self.closes_at else None,
            "paused": question and self.closes_at is None,
            "server_now": now.isoformat(),
            "seconds_left": round(clock.seconds_left(self.timing(), now), 2) if question else None,
        }


_COLUMNS = LiveSession.__table__.c
# Built once: the statement every poll runs.
_STATE_QUERY = select(
    _COLUMNS.id,
    _COLUMNS.version,
    _COLUMNS.state,
    _COLUMNS.current_index,
    _COLUMNS.question_count,
    _COLUMNS.closes_at,
    _COLUMNS.paused_remaining,
    _COLUMNS.teacher_id,
).where(_COLUMNS.id == bindparam("live_id"))


def read_state(executor: Session | Connection, live_id: int) -> StateRow | None:
    """The session's state row by one Core select, on a session or a bare connection; None for no such session."""
    row = executor.execute(_STATE_QUERY, {"live_id": live_id}).first()
    return None if row is None else StateRow(*row)


_PLAYER_TABLE = LiveParticipant.__table__
_ANSWER_TABLE = LiveAnswer.__table__
_PLAYERS = _PLAYER_TABLE.c
_ANSWERS = _ANSWER_TABLE.c
_OTHERS = _PLAYER_TABLE.alias("others")
# Built once: a participant's own result once a question closed, in one statement (their row, their answer to
# the question, how many have more points and how many play), for the state poll.
_RESULT_QUERY = (
    select(
        _PLAYERS.score,
        _PLAYERS.user_id.is_(None),
        _ANSWERS.correct,
        _ANSWERS.fraction,
        _ANSWERS.points,
        select(func.count())
        .where(_OTHERS.c.live_session_id == _PLAYERS.live_session_id, _OTHERS.c.score > _PLAYERS.score)
        .scalar_subquery(),
        select(func.count()).where(_OTHERS.c.live_session_id == _PLAYERS.live_session_id).scalar_subquery(),
    )
    .select_from(
        _PLAYER_TABLE.outerjoin(
            _ANSWER_TABLE,
            and_(_ANSWERS.participant_id == _PLAYERS.id, _ANSWERS.question_index == bindparam("index")),
        )
    )
    .where(_PLAYERS.id == bindparam("participant_id"), _PLAYERS.live_session_id == bindparam("live_id"))
)


def read_result(connection: Connection, live_id: int, participant_id: int, index: int) -> dict[str, Any] | None:
    """A participant's own standing after question ``index`` closed, as the phone shows it: whether they answered,
    right or partly right, the points it earned, the running score, place and players. None for no such seat."""
    row = connection.execute(
        _RESULT_QUERY, {"live_id": live_id, "participant_id": participant_id, "index": index}
    ).first()
    if row is None:
        return None
    score, guest, correct, fraction, points, better, players = row
    return {
        "answered": correct is not None,
        "correct": bool(correct),
        "partly": correct is not None and not correct and (fraction or 0) > 0,
        "points": points or 0,
        "score": score,
        "place": (better or 0) + 1,
        "players": players or 0,
        "guest": bool(guest),
    }


# The state rows this process read lately, by engine and session id, with the monotonic time of the read. The
# database stays the truth: an entry is used for at most ``max_age`` seconds, and every change this process makes
# drops its entry at once (another process sees it when its own entry ages out).
_recent: WeakKeyDictionary[Engine, dict[int, tuple[float, StateRow]]] = WeakKeyDictionary()
_recent_lock = threading.Lock()


def remember_state(engine: Engine, live_id: int, row: StateRow | None) -> None:
    """Keep (or, with None, drop) this process's copy of the session's state row."""
    with _recent_lock:
        entries = _recent.setdefault(engine, {})
        if row is None:
            entries.pop(live_id, None)
        else:
            entries[live_id] = (time.monotonic(), row)


def remembered_state(engine: Engine, live_id: int, max_age: float) -> StateRow | None:
    """The state row this process read less than ``max_age`` seconds ago, if any."""
    if max_age <= 0:
        return None
    with _recent_lock:
        remembered = _recent.get(engine, {}).get(live_id)
    if remembered is not None and time.monotonic() - remembered[0] < max_age:
        return remembered[1]
    return None


def _engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def forget_state(session: Session, live_id: int) -> None:
    """Drop this process's remembered state of the session (after changing it)."""
    remember_state(_engine_of(session), live_id, None)


def current_state(session: Session, live_id: int, *, now: datetime, max_age: float = 0.0) -> StateRow | None:
    """The session's state from its row alone (no ORM objects), or as this process read it less than ``max_age``
    seconds ago; a question past its closing time is closed here, by a conditional update that only the first
    reader of any worker wins. None for no such session."""

    def close_and_read() -> StateRow | None:
        begin_writing(session)  # a GET that must write: on SQLite, begin again for writing
        close_if_over(session, live_id, now)
        return read_state(session, live_id)

    return state_through(
        _engine_of(session), live_id, now, max_age, lambda: read_state(session, live_id), close_and_read
    )


def state_through(
    engine: Engine,
    live_id: int,
    now: datetime,
    max_age: float,
    read: Callable[[], StateRow | None],
    close_and_read: Callable[[], StateRow | None],
) -> StateRow | None:
    """The state as ``current_state`` describes it, read and closed by the caller's own means: a request's
    session, or the polling endpoint's bare connections."""
    row = remembered_state(engine, live_id, max_age)
    if row is None:
        row = read()
        if max_age > 0:
            remember_state(engine, live_id, row)
    if row is None or not row.is_over(now):
        return row
    row = close_and_read()
    remember_state(engine, live_id, row)
    return row


def close_if_over(executor: Session | Connection, live_id: int, now: datetime) -> bool:
    """Close the session's open question if the server's clock passed its closing time: True for the one caller
    (of any worker) whose conditional update did it."""
    result = executor.execute(
        update(LiveSession)
        .where(
            LiveSession.id == live_id,
            LiveSession.state == LiveState.QUESTION,
            LiveSession.closes_at.is_not(None),
            LiveSession.closes_at <= now,
        )
        .values(state=LiveState.REVEAL, version=LiveSession.version + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


# --- the teacher's controls --------------------------------------------------------------------------------------


def _timing(live: LiveSession) -> clock.Timing:
    return clock.Timing(live.closes_at, live.paused_remaining)


def _set_timing(live: LiveSession, timing: clock.Timing) -> None:
    live.closes_at = timing.closes_at
    live.paused_remaining = timing.paused_remaining


def _settle(live: LiveSession, now: datetime) -> None:
    """Close an open question whose time is up, before anything else is decided on the row."""
    if live.state == LiveState.QUESTION and clock.is_over(_timing(live), now):
        live.state = LiveState.REVEAL
        live.version += 1


def _controlled(session: Session, live_id: int, teacher: User, now: datetime, *, ending: bool = False) -> LiveSession:
    live = live_for_teacher(session, live_id, teacher, lock=True)
    forget_state(session, live_id)
    if live.state == LiveState.ENDED:
        raise ControlRefused("This live session has ended.")
    if not ending and now >= live.expires_at:
        raise ControlRefused(EXPIRED)
    _settle(live, now)
    return live


def _open(live: LiveSession, index: int, now: datetime) -> None:
    live.state = LiveState.QUESTION
    live.current_index = index
    live.opened_at = now
    live.allowed_seconds = float(live.seconds_per_question)
    _set_timing(live, clock.opened(now, live.seconds_per_question))


def advance(session: Session, live_id: int, teacher: User, *, now: datetime) -> LiveSession:
    """ "Next" (in the lobby, or after a question's answers were shown) or "skip" (while a question is open): the next
    question opens with a fresh countdown; after the last one the session ends. A skipped question's answers so far
    still count."""
    live = _controlled(session, live_id, teacher, now)
    index = 0 if live.state == LiveState.LOBBY else live.current_index + 1
    if index >= live.question_count:
        return end_session(session, live_id, teacher, now=now)
    _open(live, index, now)
    live.version += 1
    session.flush()
    return live


def _open_question(session: Session, live_id: int, teacher: User, now: datetime) -> LiveSession:
    live = _controlled(session, live_id, teacher, now)
    if live.state != LiveState.QUESTION:
        raise ControlRefused("No question is open (its time may just have run out).")
    return live


def pause(session: Session, live_id: int, teacher: User, *, now: datetime) -> LiveSession:
    live = _open_question(session, live_id, teacher, now)
    if live.closes_at is None:
        raise ControlRefused("The question is already paused.")
    _set_timing(live, clock.paused(_timing(live), now))
    live.version += 1
    session.flush()
    return live


def resume(session: Session, live_id: int, teacher: User, *, now: datetime) -> LiveSession:
    live = _open_question(session, live_id, teacher, now)
    if live.closes_at is not None:
        raise ControlRefused("The question is not paused.")
    _set_timing(live, clock.resumed(_timing(live), now))
    live.version += 1
    session.flush()
    return live


def extend(session: Session, live_id: int, teacher: User, *, now: datetime, seconds: int = EXTEND_STEP) -> LiveSession:
    """More time for the open question (running or paused); the points count against the longer time."""
    live = _open_question(session, live_id, teacher, now)
    _set_timing(live, clock.extended(_timing(live), seconds))
    live.allowed_seconds = (live.allowed_seconds or live.seconds_per_question) + seconds
    live.version += 1
    session.flush()
    return live


def reveal(session: Session, live_id: int, teacher: User, *, now: datetime) -> LiveSession:
    """Close the open question now (everyone has answered) and show how the class answered."""
    live = _open_question(session, live_id, teacher, now)
    live.state = LiveState.REVEAL
    live.closes_at = now
    live.paused_remaining = None
    live.version += 1
    session.flush()
    return live


def end_session(session: Session, live_id: int, teacher: User, *, now: datetime) -> LiveSession:
    """End the session: the join code stops working, and every signed-in student who joined gets an attempt at
    the quiz in their history, graded by the normal graders (see ``record_attempts``)."""
    return _end(session, _controlled(session, live_id, teacher, now, ending=True), now)


def _end(session: Session, live: LiveSession, now: datetime) -> LiveSession:
    asked = live.current_index + 1 if live.opened_at is not None else 0
    live.state = LiveState.ENDED
    live.ended_at = now
    live.closes_at = now if live.closes_at is not None or live.paused_remaining is not None else live.closes_at
    live.paused_remaining = None
    live.version += 1
    record_attempts(session, live, asked, now=now)
    session.flush()
    return live


def end_expired(session: Session, *, now: datetime) -> list[int]:
    """End every session nobody ended within its SESSION_LIFETIME (the projector closed and forgotten), as "End
    session" would have at its expiry: its signed-in students get their attempts, and the phones see it ended.
    Each in its own savepoint; returns the ids ended. The worker runs this every minute (``live.tasks``)."""
    ids = session.scalars(
        select(LiveSession.id)
        .where(LiveSession.state != LiveState.ENDED, LiveSession.expires_at <= now)
        .order_by(LiveSession.id)
    ).all()
    ended = []
    for live_id in ids:
        try:
            with session.begin_nested():
                live = session.scalar(
                    select(LiveSession)
                    .where(LiveSession.id == live_id, LiveSession.state != LiveState.ENDED)
                    .with_for_update()
                )
                if live is None:  # its teacher ended it meanwhile
                    continue
                forget_state(session, live_id)
                _end(session, live, min(live.expires_at, now))
        except Exception:  # one session's failure must not stop the others
            logger.exception("live session %s could not be ended at its expiry", live_id)
            continue
        ended.append(live_id)
    return ended


# --- answering ---------------------------------------------------------------------------------------------------


def answer(
    session: Session, live_id: int, participant_id: int, index: int, fields: Mapping[str, Any], *, now: datetime
) -> LiveAnswer:
    """Count one answer to the open question, once: refused (AnswerRefused) when that question is not the open
    one, its time is up by the server's clock, it is paused, or the participant answered it already."""
    participant = participant_of(session, live_id, participant_id)
    live = participant.live_session
    if now >= live.expires_at:
        raise AnswerRefused(EXPIRED)
    if live.state == LiveState.QUESTION and clock.is_over(_timing(live), now):
        close_if_over(session, live.id, now)
        forget_state(session, live.id)
        raise AnswerRefused("Time is up: your answer came too late and was not counted.")
    if live.state != LiveState.QUESTION or live.current_index != index:
        raise AnswerRefused("This question is closed: your answer was not counted.")
    if live.closes_at is None:
        raise AnswerRefused("The teacher paused the question: answer when it goes on.")
    slot = live.questions[index]
    version_id = int(slot["version_id"])
    shown = shown_versions(session, [version_id])[version_id].shown(slot["option_order"])
    try:
        response = read_response(shown, fields)
    except InvalidResponse as error:
        raise InvalidAnswer(str(error)) from None
    if response is None:
        raise InvalidAnswer("Choose or type an answer first.")
    version = session.get(QuestionVersion, version_id)
    assert version is not None  # the foreign key of the session's question keeps it
    try:
        fraction = grade(
            version.type,
            version.answer,
            response,
            options=version.options,
            grading=version.ordering_grading,
            case_sensitive=version.case_sensitive,
        ).fraction
    except GradingError:  # a key the grader refuses: no points now; the attempt waits for the teacher's mark
        fraction = 0.0
    allowed = live.allowed_seconds or float(live.seconds_per_question)
    taken = clock.seconds_taken(allowed, clock.seconds_left(_timing(live), now))
    given = LiveAnswer(
        live_session_id=live.id,
        participant_id=participant.id,
        question_index=index,
        question_version_id=version_id,
        response=response,
        fraction=fraction,
        correct=fraction >= 1.0 - 1e-9,
        points=live_points(fraction, taken, allowed),
        seconds_taken=round(taken, 3),
        answered_at=now,
    )
    try:
        with session.begin_nested():
            session.add(given)
            session.flush()
    except IntegrityError:
        raise AnswerRefused("You already answered this question: your first answer counts.") from None
    session.execute(
        update(LiveParticipant)
        .where(LiveParticipant.id == participant.id)
        .values(score=LiveParticipant.score + given.points)
        .execution_options(synchronize_session=False)
    )
    return given


def answer_of(session: Session, participant_id: int, index: int) -> LiveAnswer | None:
    return session.scalar(
        select(LiveAnswer).where(LiveAnswer.participant_id == participant_id, LiveAnswer.question_index == index)
    )


def answers_to(session: Session, live_id: int, index: int) -> Sequence[LiveAnswer]:
    return session.scalars(
        select(LiveAnswer).where(LiveAnswer.live_session_id == live_id, LiveAnswer.question_index == index)
    ).all()


def answer_count(session: Session, live_id: int, index: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(LiveAnswer)
            .where(LiveAnswer.live_session_id == live_id, LiveAnswer.question_index == index)
        )
        or 0
    )


def shown_question(session: Session, live: LiveSession, index: int) -> tuple[ShownVersion, list[int]]:
    """What everyone is shown of question ``index``: its version's shown parts (no key) and the option order."""
    slot = live.questions[index]
    version_id = int(slot["version_id"])
    return shown_versions(session, [version_id])[version_id], list(slot["option_order"])


# --- the attempts a session leaves -------------------------------------------------------------------------------


def record_attempts(session: Session, live: LiveSession, asked: int, *, now: datetime) -> int:
    """Give every signed-in participant a submitted attempt at the quiz with the ``asked`` questions, their live
    answers as responses, graded by the normal graders: so the student's history, the teacher's results and item
    analysis, and the practice scheduler see them like any other attempt's. Guests get none. Returns how many."""
    if asked <= 0:
        return 0
    slots = live.questions[:asked]
    versions = {
        version.id: version
        for version in session.scalars(
            select(QuestionVersion).where(QuestionVersion.id.in_([int(slot["version_id"]) for slot in slots]))
        )
    }
    given: dict[tuple[int, int], LiveAnswer] = {
        (row.participant_id, row.question_index): row
        for row in session.scalars(select(LiveAnswer).where(LiveAnswer.live_session_id == live.id))
    }
    students = [p for p in live.participants if p.user_id is not None and p.attempt_id is None]
    # One read of every student's last attempt number and one flush for the class, not one of each per student.
    used = dict(
        session.execute(
            select(Attempt.student_id, func.max(Attempt.number))
            .where(Attempt.quiz_id == live.quiz_id, Attempt.student_id.in_([p.user_id for p in students]))
            .group_by(Attempt.student_id)
        ).all()
    )
    made = [
        (participant, _attempt_for(live, participant, used.get(participant.user_id) or 0, slots, versions, given, now))
        for participant in students
    ]
    session.add_all(attempt for _, attempt in made)
    session.flush()
    for participant, attempt in made:
        participant.attempt_id = attempt.id
    return len(made)


def _attempt_for(
    live: LiveSession,
    participant: LiveParticipant,
    used: int,
    slots: Sequence[Mapping[str, Any]],
    versions: Mapping[int, QuestionVersion],
    given: Mapping[tuple[int, int], LiveAnswer],
    now: datetime,
) -> Attempt:
    assert participant.user_id is not None
    attempt = Attempt(
        quiz_id=live.quiz_id,
        student_id=participant.user_id,
        number=used + 1,
        status=AttemptStatus.SUBMITTED,
        started_at=min(participant.joined_at or now, now),
        submitted_at=now,
        max_score=sum(float(slot["points"]) for slot in slots),
    )
    total = 0.0
    for index, slot in enumerate(slots):
        live_answer = given.get((participant.id, index))
        row = AttemptAnswer(
            question_id=int(slot["question_id"]),
            question_version_id=int(slot["version_id"]),
            question_version=versions[int(slot["version_id"])],
            position=index,
            points=float(slot["points"]),
            option_order=list(slot["option_order"]),
            response=live_answer.response if live_answer else None,
            saved_at=live_answer.answered_at if live_answer else None,
            checks=0,
            gave_up=False,
        )
        attempt.answers.append(row)
        result = graded_or_none(row)
        if result is None:
            await_mark(row, now)
            continue
        row.score = scored(row, live.quiz, result.fraction)
        row.feedback = result.detail
        row.graded_at = now
        total += row.score
    attempt.score = round(min(total, attempt.max_score or total), 4)
    return attempt
