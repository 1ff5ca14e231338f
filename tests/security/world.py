"""A world with two of everything, for attacks of one party on the other.

Teacher A and teacher B each own a document (with a finished generation job), a finished import,
questions of every type (one still a draft), an exam quiz with a rule, a
practice quiz, a spare quiz, a class with one student and a spare class, and a
student's flag. Student 1 is in A's class, student 2 in B's: each has a
practice attempt in progress and a submitted exam attempt. Every text a party
owns carries its marker, so a page that shows another party's content is found
by searching for that marker.

A party's ``ids`` name its objects by the URL parameter that usually carries
them (``class_id``, ``quiz_id`` ...). A new route whose parameter is not here
makes the sweeps fail: add the object to ``_teacher_objects`` or
``_student_objects`` under that name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from quizapp.api import tokens
from quizapp.attempts import flagging, saving, starting, submitting
from quizapp.auth import services as accounts
from quizapp.auth.models import PasswordResetToken, User
from quizapp.auth.roles import Role
from quizapp.bank.models import GenerationJob, ImportJob, Question, QuestionSource, QuestionVersion
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.extensions import db
from quizapp.live import services as live_services
from quizapp.models import utcnow
from quizapp.quizzes.builder import update_settings
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizRule
from quizapp.sources.models import SourceDocument, content_hash
from tests.conftest import app_on
from tests.factories import ARTICLE, QUESTIONS, make_quiz
from tests.support import TEST_PASSWORD


@dataclass
class Party:
    """One user and what they own: ids by URL parameter name, other values (codes, names) by key."""

    key: str
    username: str
    role: Role
    marker: str
    ids: dict[str, int] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    password: str = TEST_PASSWORD


@dataclass
class World:
    parties: dict[str, Party]

    def __getitem__(self, key: str) -> Party:
        return self.parties[key]


# Who attacks whom: each attacker tries the victim's ids on every route its role may use.
ATTACKS = (("teacher_a", "teacher_b"), ("admin", "teacher_b"), ("student_1", "student_2"))

MC, TF, FILL_IN, ORDERING, MATCHING = (spec for spec in QUESTIONS)


# Each teacher-like party (the admin can own things too) with the student in its class.
TEACHING = (("teacher_a", "student_1"), ("teacher_b", "student_2"), ("admin", "student_1"))


def build_world() -> World:
    """Create the world in the current database (which must be empty) and commit it."""
    users = {
        "teacher_a": _user("teach", Role.TEACHER),
        "teacher_b": _user("teach2", Role.TEACHER),
        "student_1": _user("stu", Role.STUDENT),
        "student_2": _user("stu2", Role.STUDENT),
        "admin": _user("admin", Role.ADMIN),
    }
    db.session.flush()
    markers = {
        "teacher_a": "ALFA7", "teacher_b": "BRAVO7", "student_1": "ALFA7S", "student_2": "BRAVO7S", "admin": "ADM7",
    }  # fmt: skip
    parties = {key: Party(key, user.username, Role(user.role), markers[key]) for key, user in users.items()}
    for key, user in users.items():
        parties[key].values["self_id"] = user.id
    for teacher, student in TEACHING:
        _teacher_objects(parties[teacher], users[teacher], users[student])
    db.session.commit()
    for teacher, student in TEACHING:
        _student_objects(parties[student], users[student], parties[teacher], primary=teacher != "admin")
        _add_rule(parties[teacher])
        _live_session(parties[teacher], users[teacher], parties[student], users[student], primary=teacher != "admin")
        # Through the service, so the audit log has an event about each teacher's quiz (its title, its marker).
        exam = db.session.get(Quiz, parties[teacher].ids["quiz_id"])
        update_settings(db.session, exam, {"title": exam.title, "attempts_allowed": 50}, actor=users[teacher])
    parties["admin"].ids["user_id"] = users["student_2"].id  # the account whose role the admin sets
    for key, user in users.items():
        _api_token(parties[key], user)
    _reset_link_of_a_bystander()
    db.session.commit()
    return World(parties)


def _api_token(party: Party, user: User) -> None:
    """A personal API token of every party: its row (``token_id``) and the token itself (for the API sweeps)."""
    new = tokens.create_token(
        db.session, user, name=f"script {party.marker}", write=user.role != Role.STUDENT, days=30, now=utcnow()
    )
    party.ids["token_id"] = new.row.id
    party.values["api_token"] = new.token


# The token of a "Forgot password" link in the world (see LOCATORS in routes.py), for an account no party uses:
# using it ends that account's sessions.
RESET_TOKEN = "world-reset-token"


def _reset_link_of_a_bystander() -> None:
    bystander = _user("bystander", Role.STUDENT)
    bystander.email = "bystander@school.example"
    db.session.flush()
    token_hash = hashlib.sha256(RESET_TOKEN.encode()).hexdigest()
    db.session.add(
        PasswordResetToken(user_id=bystander.id, token_hash=token_hash, expires_at=utcnow() + timedelta(days=1))
    )


def _user(username: str, role: Role) -> User:
    return accounts.create_user(db.session, username=username, password=TEST_PASSWORD, role=role)


def _document(owner: User, marker: str) -> SourceDocument:
    text = f"{ARTICLE}\n\nThis copy of the article belongs to {marker}."
    document = SourceDocument(
        owner_id=owner.id,
        title=f"The Riverside Canal {marker}",
        original_filename=f"canal-{marker}.txt",
        format="txt",
        cleaned_text=text,
        blocks=[],
        stripped=[f"Page chrome {marker}"],
        content_hash=content_hash(text),
    )
    db.session.add(document)
    db.session.flush()
    return document


def _question(owner: User, document: SourceDocument, spec: dict[str, Any], marker: str, status: str) -> Question:
    question = Question(owner_id=owner.id, document_id=document.id, status=status, origin="authored")
    version = QuestionVersion(
        version=1,
        type=spec["type"],
        prompt=f"{spec['prompt']} ({marker})",
        options=list(spec["options"]),
        answer=spec["answer"],
        explanation=f"{spec['explanation']} {marker}",
        confidence=0.9,
        created_by_id=owner.id,
    )
    start = document.cleaned_text.index(spec["quote"])
    version.sources.append(
        QuestionSource(
            position=0, document_id=document.id, start_offset=start, end_offset=start + len(spec["quote"]),
            quote=spec["quote"],
        )
    )  # fmt: skip
    question.versions.append(version)
    db.session.add(question)
    db.session.flush()
    return question


def _quiz(owner: User, title: str, questions: list[Question], **settings: Any) -> Quiz:
    # Nothing shuffled: two runs of the same request make the same rows (test_extra_fields compares them).
    values = {"description": f"About the canal. {title}", "visibility": "class", "shuffle_questions": False,
              "shuffle_options": False}  # fmt: skip
    return make_quiz(owner, questions, **{"title": title, **values, **settings})


def _teacher_objects(party: Party, teacher: User, student: User) -> None:
    marker = party.marker
    document = _document(teacher, marker)
    questions = [_question(teacher, document, spec, marker, "approved") for spec in QUESTIONS]
    draft = _question(teacher, document, MC, f"{marker} draft", "draft")
    exam = _quiz(teacher, f"Canal exam {marker}", questions)
    practice = _quiz(teacher, f"Canal practice {marker}", questions[:2], mode="practice")
    spare = _quiz(teacher, f"Spare quiz {marker}", questions[:1], is_published=False)
    school_class = SchoolClass(name=f"Class {marker}", teacher_id=teacher.id, join_code=f"{marker[:5]}C1")
    member = ClassMember(user_id=student.id)
    school_class.members.append(member)
    spare_class = SchoolClass(name=f"Spare class {marker}", teacher_id=teacher.id, join_code=f"{marker[:5]}C2")
    db.session.add_all([school_class, spare_class])
    db.session.flush()
    db.session.add_all(
        [QuizAssignment(quiz_id=exam.id, class_id=school_class.id),
         QuizAssignment(quiz_id=practice.id, class_id=school_class.id)]
    )  # fmt: skip
    job = GenerationJob(
        owner_id=teacher.id, document_id=document.id, status="done", stage="done", progress=1.0,
        message=f"Finished {marker}", questions_made=5, finished_at=utcnow(),
    )  # fmt: skip
    import_job = ImportJob(
        owner_id=teacher.id, filename=f"bank {marker}.gift", format="gift", status="done", stage="done",
        progress=1.0, imported=3, skipped=[f'line 9 "Essay {marker}": essay questions are not supported'],
        finished_at=utcnow(),
    )  # fmt: skip
    db.session.add_all([job, import_job])
    db.session.flush()
    party.ids.update(
        class_id=school_class.id, spare_class_id=spare_class.id, member_id=member.id, student_id=student.id,
        quiz_id=exam.id, practice_quiz_id=practice.id, spare_quiz_id=spare.id, question_id=questions[0].id,
        draft_question_id=draft.id, document_id=document.id, job_id=job.id,
        import_job_id=import_job.id,
    )  # fmt: skip
    party.values.update(
        approved_question_ids=[q.id for q in questions], spare_join_code=spare_class.join_code,
        class_code=school_class.join_code,
    )  # fmt: skip


AWAITING_MARK_POSITION = 1


def _student_objects(party: Party, student: User, teacher: Party, *, primary: bool) -> None:
    """An exam attempt submitted (with a flag on its first question) and a practice attempt in progress.

    ``primary``: the teacher whose quizzes make the student's party (a student can be in two classes).
    """
    now = utcnow()
    exam = starting.start_attempt(db.session, teacher.ids["quiz_id"], student, now=now, seed=1)
    saving.save_answer(db.session, exam.id, student, 0, {"choice": "1"}, now=now)
    submitting.submit_attempt(db.session, exam.id, student, now=now)
    # One answer waits for the teacher's mark (as when its key could not be graded), for the marking route.
    awaiting = exam.answers[AWAITING_MARK_POSITION]
    awaiting.score, awaiting.needs_mark = None, True
    flag = flagging.flag_question(
        db.session, exam.id, student, 0, kind="wrong", comment=f"The key looks wrong to me {party.marker}"
    )
    practice = starting.start_attempt(db.session, teacher.ids["practice_quiz_id"], student, now=now, seed=1)
    db.session.flush()
    teacher.ids.update(flag_id=flag.id, attempt_id=exam.id)  # an attempt at the teacher's quiz, for staff pages
    if not primary:
        return
    party.ids.update(
        attempt_id=practice.id, submitted_attempt_id=exam.id, quiz_id=teacher.ids["quiz_id"],
        practice_quiz_id=teacher.ids["practice_quiz_id"],
    )  # fmt: skip
    party.values.update(join_code=teacher.values["spare_join_code"])


def _live_session(teacher: Party, owner: User, student: Party, pupil: User, *, primary: bool) -> None:
    """A live session of the teacher's exam with its first question open, which the student
    joined; guests allowed (the join sweep joins as one)."""
    now = utcnow()
    live = live_services.start_session(
        db.session, teacher.ids["quiz_id"], owner, seconds=600, allow_guests=True, show_names=True, now=now, seed=1
    )
    seat = live_services.join(db.session, live.join_code, student=pupil, nickname=None, now=now)
    live_services.advance(db.session, live.id, owner, now=now)
    # Open for a hundred days: an answer in any sweep comes in time, and earns the same points whenever it comes.
    live.closes_at = now + timedelta(days=100)
    live.allowed_seconds = timedelta(days=100).total_seconds()
    teacher.ids["live_id"] = live.id
    teacher.values["live_code"] = live.join_code
    if primary:
        student.ids["live_id"] = live.id
        student.values["live_seat"] = seat.id


def _add_rule(teacher: Party) -> None:
    # No document: the rule may only ever draw from the teacher's own approved questions.
    rule = QuizRule(quiz_id=teacher.ids["quiz_id"], count=3, question_type="multiple_choice")
    db.session.add(rule)
    db.session.flush()
    teacher.ids["rule_id"] = rule.id


# The fixtures of every module that sweeps the world (tests/security/, and tests/api/ with tokens): imported by
# their conftest.py files.
@pytest.fixture(scope="module")
def world_app(database_url: str) -> Iterator[Flask]:
    """An app for the module, on one database; emptied when the module ends."""
    with app_on(database_url) as app:
        yield app


@pytest.fixture(scope="module")
def world(world_app: Flask) -> World:
    """The world, built once per module and database."""
    return build_world()
