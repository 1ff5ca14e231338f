"""Script written into any field comes back as text, on every page that shows it.

Every payload of ``html_checks.PAYLOADS`` is written, through the app's own forms, into every field a
teacher, a student or an admin can write: names (registration, accounts made by the admin), class names,
quiz titles and descriptions, question prompts, options, answers, explanations and tags (written, edited,
imported from GIFT and Moodle XML), reject reasons, flag comments and resolutions, rule tags, students'
typed answers, and articles uploaded as text, HTML and Markdown (title, headings, body, page chrome, file
name). Each value starts with a field tag (F01 ...), so a page that shows it can be found.

Then every GET page of ``app.url_map`` is opened as each role, with the ids of the objects that carry the
payloads, and no page may contain live markup of theirs (see ``html_checks.unsafe_markup``). The pages'
scripts' JSON (the feedback HTML of a checked answer), the CSV exports (formula cells) and the Moodle XML
export (well-formed, payloads as text) are checked too. Each field must be seen on at least one page, so
that a field nobody shows does not pass for a safe one.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import markupsafe
import pytest
from defusedxml import ElementTree
from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from quizapp.attempts.models import Attempt
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.bank.models import GenerationJob, Question, QuestionFlag
from quizapp.classes.models import SchoolClass
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument
from tests.security.html_checks import PAYLOADS, formula_cells, readable_text, unsafe_markup, zip_members
from tests.security.routes import NEW_PASSWORD, Clients, pages
from tests.security.world import Party, World
from tests.support import csrf_token

FORMULAS = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", '=HYPERLINK("http://evil.example","x")')
VIEWERS = (None, "student_1", "xss_student", "teacher_a", "admin")


def pack(tag: str, limit: int, payloads: tuple[str, ...] = PAYLOADS) -> list[str]:
    """The payloads in values of at most ``limit`` characters, each value starting with the field's tag."""
    values, current = [], tag
    for payload in payloads:
        if len(current) + 1 + len(payload) > limit:
            values.append(current)
            current = tag
        current += " " + payload
    return [*values, current]


def gift_escape(text: str) -> str:
    return re.sub(r"([~=#{}:\\])", r"\\\1", text)


@dataclass
class Writes:
    """What was written (field tag -> values) and what any response to the writing showed."""

    world: World
    clients: Clients
    written: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    responses: int = 0

    def note(self, tag: str, *values: str) -> None:
        self.written.setdefault(tag, []).extend(values)

    def post(self, who: str | None, url: str, data: dict[str, Any], *, client=None, refused=False) -> TestResponse:  # type: ignore[no-untyped-def]
        """POST as ``who`` (or with ``client``), following the redirect to the page that shows the outcome."""
        token = csrf_token(client, "/login") if client is not None else self.clients.token(who)
        client = client or self.clients(who)
        response = client.post(url, data={**data, "csrf_token": token}, follow_redirects=True)
        self.check(f"POST {url} as {who}", response)
        if not refused:
            said = re.findall(r"(?:alert-danger|invalid-feedback)[^>]*>(.*?)<", response.get_data(as_text=True), re.S)
            assert response.status_code < 400, f"POST {url} was refused ({response.status_code}): {said}"
        return response

    def check(self, where: str, response: TestResponse) -> None:
        self.responses += 1
        assert response.status_code < 500, f"{where}: {response.status_code}"
        if response.mimetype == "text/html":
            self.problems += [f"{where}: {p}" for p in unsafe_markup(response.get_data(as_text=True))]


def _question_forms() -> list[dict[str, str]]:
    """Question forms of every type that between them carry every payload in every field."""
    forms = []
    option_sets = [PAYLOADS[i : i + 8] for i in range(0, len(PAYLOADS), 8)]
    for options in option_sets:
        lines = [f"F05 {p}" for p in options]
        forms.append({"type": "multiple_choice", "options": "\n".join(lines), "answer": lines[0]})
    for items in [PAYLOADS[i : i + 5] for i in range(0, len(PAYLOADS), 5)]:
        lines = [f"F06-{n} {p}" for n, p in enumerate(items)]
        forms.append({"type": "ordering", "options": "\n".join(reversed(lines)), "answer": "\n".join(lines)})
        forms.append(
            {"type": "matching", "answer": "\n".join(f"F06L{n} {p} => F06R{n} {p}" for n, p in enumerate(items))}
        )
        forms.append({"type": "fill_in", "answer": "\n".join(lines)})
    forms.append({"type": "true_false", "answer": "true"})
    prompt, explanation = pack("F04", 2000)[0], pack("F07", 5000)[0]
    tags = ", ".join(f"F08 {p}"[:60] for p in PAYLOADS if "," not in p)[:500].rsplit(",", 1)[0]
    return [{"prompt": prompt, "explanation": explanation, "tags": tags, "options": "", **form} for form in forms]


def _gift() -> bytes:
    questions = []
    for number, payload in enumerate(PAYLOADS):
        title, prompt = gift_escape(f"F10 title {payload}"), gift_escape(f"F10 {payload}")
        right, wrong = gift_escape(f"F10 right {payload}"), gift_escape(f"F10 wrong {number}")
        feedback = gift_escape(f"F10 feedback {payload}")
        questions.append(f"::{title}::{prompt} {{={right} ~{wrong} ####{feedback}}}")
    return "\n\n".join(questions).encode()


def _moodle_xml() -> bytes:
    def text(value: str) -> str:
        # Moodle keeps HTML: the payload as escaped text, and a live script the import must drop.
        return f"<text><![CDATA[<p>{html.escape(value)}</p><script>alert('live')</script>]]></text>"

    questions = "".join(
        f'<question type="multichoice"><name><text>{html.escape("F12 " + p)}</text></name>'
        f'<questiontext format="html">{text("F12 " + p)}</questiontext>'
        f'<generalfeedback format="html">{text("F12 feedback " + p)}</generalfeedback>'
        f'<answer fraction="100">{text("F12 right " + p)}</answer><answer fraction="0">{text("F12 wrong")}</answer>'
        f"<tags><tag><text>{html.escape(('F12 ' + p)[:60])}</text></tag></tags></question>"
        for p in PAYLOADS
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><quiz>{questions}</quiz>'.encode()


def _articles() -> list[tuple[str, bytes]]:
    body = " ".join(f"The canal was opened in 18{20 + n} by the company. {p}" for n, p in enumerate(PAYLOADS))
    chrome = "\n\n".join(
        ["Subscribe to our newsletter F17 " + PAYLOADS[0], "Published: 12 March 2020 " + PAYLOADS[1],
         "© 2020 The Daily Canal " + PAYLOADS[2]]
    )  # fmt: skip
    txt = f"F17 {PAYLOADS[0]} {PAYLOADS[1]}\n\n{chrome}\n\nF17 {body}"
    escaped = html.escape(body)
    page = (
        f"<html><head><title>F18 {html.escape(PAYLOADS[4])}</title><script>alert('live')</script></head><body>"
        f"<nav>Home F18 {html.escape(PAYLOADS[0])}</nav><h1>F18 {html.escape(PAYLOADS[1])}</h1>"
        f"<p>F18 {escaped} <a href=\"javascript:alert('F18')\">a link</a> <img src=x onerror=alert('F18')></p>"
        f"<h2>F18 {html.escape(PAYLOADS[3])}</h2><p>F18 The second part.</p>"
        f"<footer>© 2020 F18 {html.escape(PAYLOADS[2])}</footer></body></html>"
    )
    markdown = (
        f"# F19 {PAYLOADS[0]} {PAYLOADS[1]}\n\nF19 {body} [a link](javascript:alert('F19'))\n\n"
        f"## F19 {PAYLOADS[3]}\n\n<script>alert('F19')</script>\n\nF19 The second part.\n"
    )
    # File names carry payloads too (F21): they are shown as the document's file name.
    return [
        (f"F21 {PAYLOADS[1]}.txt", txt.encode()),
        (f"F21 {PAYLOADS[2]}.html", page.encode()),
        (f"F21 {PAYLOADS[12]}.md", markdown.encode()),
    ]


def _ids(model, *where) -> list[int]:  # type: ignore[no-untyped-def]
    db.session.rollback()
    return list(db.session.scalars(select(model.id).where(*where).order_by(model.id)))


def write_everything(writes: Writes) -> None:
    world, teacher = writes.world, writes.world["teacher_a"]
    me = teacher.values["self_id"]

    for value in pack("F01", 120):
        writes.post("teacher_a", "/classes/", {"name": value})
    writes.note("F01", *pack("F01", 120))

    for form in _question_forms():
        writes.post("teacher_a", "/bank/questions/new", {**form, "save_approve": "Save and approve"})
    writes.note("F04", *pack("F04", 2000))
    writes.note("F05", *[f"F05 {p}" for p in PAYLOADS])
    writes.note("F06", *[f"F06 {p}" for p in PAYLOADS])
    writes.note("F07", *pack("F07", 5000))
    writes.note("F08", *[f"F08 {p}".lower() for p in PAYLOADS])
    edited = {"type": "multiple_choice", "prompt": pack("F09", 2000)[0], "options": "\n".join(
        f"F09 {p}" for p in PAYLOADS[:8]), "answer": f"F09 {PAYLOADS[0]}", "explanation": pack("F09", 2000)[0],
        "tags": f"F09 {PAYLOADS[5]}, " + f"F16 {PAYLOADS[1]}"[:60], "save": "Save"}  # fmt: skip
    writes.post("teacher_a", f"/bank/questions/{teacher.ids['question_id']}/edit", edited)
    writes.note("F09", *pack("F09", 2000))
    payload_questions = _ids(Question, Question.owner_id == me, Question.status == "approved")

    writes.post("teacher_a", "/bank/import", {"file": (io.BytesIO(_gift()), f"F11 {PAYLOADS[2]}.gift")})
    writes.post("teacher_a", "/bank/import", {"file": (io.BytesIO(_moodle_xml()), f"F11 {PAYLOADS[9]}.xml")})
    writes.note("F10", *[f"F10 {p}" for p in PAYLOADS])
    writes.note("F12", *[f"F12 {p}" for p in PAYLOADS])
    drafts = _ids(Question, Question.owner_id == me, Question.status == "draft")

    reason = pack("F13", 1000)[0]
    writes.post("teacher_a", f"/bank/questions/{drafts[0]}/review", {f"r{drafts[0]}-reason": reason,
                                                                    f"r{drafts[0]}-reject": "Reject"})  # fmt: skip
    writes.post("teacher_a", "/bank/review/bulk", {"selected": [str(drafts[1])], "reason": pack("F14", 1000)[0],
                                                  "reject": "Reject selected"})  # fmt: skip
    writes.note("F13", reason)
    writes.note("F14", pack("F14", 1000)[0])

    # Values that start like spreadsheet formulas, for the CSV exports (the tagged values never start so).
    writes.post("teacher_a", "/bank/questions/new", {
        "type": "multiple_choice", "prompt": FORMULAS[0], "options": "\n".join(FORMULAS[1:]), "answer": FORMULAS[1],
        "explanation": FORMULAS[4], "tags": "=1+1, @a", "save_approve": "Save and approve",
    })  # fmt: skip
    payload_questions = _ids(Question, Question.owner_id == me, Question.status == "approved")
    for number, title in enumerate([*pack("F02", 200), FORMULAS[1]]):
        mode = "practice" if number == 0 else "exam"
        response = writes.post("teacher_a", "/manage/quizzes/", {
            "title": title, "description": pack("F03", 5000)[0], "mode": mode, "score_policy": "best",
            "layout": "all_on_one_page", "penalty_percent": "10", "visibility": "class", "review_show_score": "y",
            "review_show_answers": "y", "review_show_explanations": "y", "review_show_sources": "y",
        })  # fmt: skip
        quiz_id = int(re.search(r"/manage/quizzes/(\d+)", response.request.path).group(1))  # type: ignore[union-attr]
        # One question stays out of the fixed list for the F16 rule to pick (an empty pool blocks publishing).
        fixed = [str(i) for i in payload_questions if i != teacher.ids["question_id"]]
        writes.post("teacher_a", f"/manage/quizzes/{quiz_id}/questions", {"question": fixed})
        writes.post(
            "teacher_a",
            f"/manage/quizzes/{quiz_id}/rules",
            {
                "rule-count": "1",
                "rule-document": "",
                "rule-question_type": "",
                "rule-tag": f"F16 {PAYLOADS[1]}"[:60],
            },
        )
        writes.post("teacher_a", f"/manage/quizzes/{quiz_id}/publish", {"publish": "1"})
        writes.post("teacher_a", f"/classes/{teacher.ids['class_id']}/quizzes", {"quiz_id": str(quiz_id)})
    writes.note("F02", *pack("F02", 200))
    writes.note("F03", pack("F03", 5000)[0])
    writes.note("F16", f"F16 {PAYLOADS[1]}"[:60].lower())

    for name, data in _articles():
        writes.post("teacher_a", "/sources/new", {"file": (io.BytesIO(data), name)})
    writes.note("F17", "F17")
    writes.note("F18", "F18")
    writes.note("F19", "F19")
    writes.note("F21", *[name for name, _ in _articles()])
    paste_title = f"F20 {PAYLOADS[1]} {PAYLOADS[0]}"
    writes.post(
        "teacher_a",
        "/sources/new",
        {"title": paste_title, "text": " ".join(f"F20 The canal opened in 18{n}. {p}" for n, p in enumerate(PAYLOADS))},
    )
    writes.note("F20", paste_title)
    pasted = _ids(SourceDocument, SourceDocument.owner_id == me, SourceDocument.is_current)[-1]
    writes.post(
        "teacher_a",
        f"/sources/{pasted}/revision",
        {
            "title": "F22 " + PAYLOADS[4],
            "text": " ".join(f"F22 The canal closed in 19{n}. {p}" for n, p in enumerate(PAYLOADS)),
        },
    )
    writes.note("F22", "F22")

    # Accounts: names an admin gives, names students give themselves; usernames refuse the payloads.
    for number, name in enumerate(pack("F23", 80)):
        account = {"username": f"xssteacher{number}", "display_name": name, "role": "teacher"}
        writes.post("admin", "/admin/users", {**account, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    writes.note("F23", *pack("F23", 80))
    students = []
    for number, name in enumerate(pack("F24", 80)):
        client = writes.clients.app.test_client()
        writes.post(None, "/register", {"username": f"xss{number}", "display_name": name, "password": NEW_PASSWORD,
                                        "confirm": NEW_PASSWORD}, client=client)  # fmt: skip
        writes.post(None, "/classes/join", {"code": world["teacher_a"].values["class_code"]}, client=client)
        students.append(client)
    writes.note("F24", *pack("F24", 80))
    formula_student = writes.clients.app.test_client()
    writes.post(None, "/register", {"username": "xssformula", "display_name": FORMULAS[4], "password": NEW_PASSWORD,
                                    "confirm": NEW_PASSWORD}, client=formula_student)  # fmt: skip
    writes.post(None, "/classes/join", {"code": world["teacher_a"].values["class_code"]}, client=formula_student)
    for payload in PAYLOADS[:3]:
        writes.post(
            None,
            "/register",
            {"username": payload, "display_name": "x", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
            client=writes.clients.app.test_client(),
            refused=True,
        )
        writes.post(
            "admin",
            "/admin/users",
            {
                "username": payload,
                "display_name": "x",
                "role": "teacher",
                "password": NEW_PASSWORD,
                "confirm": NEW_PASSWORD,
            },
            refused=True,
        )
        login_page = writes.clients.app.test_client()
        writes.post(None, "/login", {"username": payload, "password": "x"}, client=login_page, refused=True)
        writes.post("student_1", "/classes/join", {"code": payload}, refused=True)
    assert not _ids(User, User.username.in_(PAYLOADS)), "a username with markup was accepted"

    student = students[0]
    quizzes = _ids(Quiz, Quiz.owner_id == me, Quiz.title.like("F02%") | Quiz.title.like(FORMULAS[1]))
    for quiz_id in quizzes:
        writes.post(None, f"/quizzes/{quiz_id}/start", {}, client=student)
    attempts = _ids(Attempt, Attempt.quiz_id.in_(quizzes))
    practice_attempt, exam_attempt = attempts[0], attempts[1]
    answers = {f"q{n}-text": f"F25 {p}" for n, p in enumerate(PAYLOADS)} | {"q0-text": FORMULAS[2]}
    writes.post(None, f"/attempts/{exam_attempt}/save-all", answers, client=student)
    writes.post(None, f"/attempts/{exam_attempt}/submit", {}, client=student)
    writes.note("F25", *[f"F25 {p}" for p in PAYLOADS])
    comment = pack("F26", 1000)[0]
    writes.post(None, f"/attempts/{exam_attempt}/q/0/flag", {"kind": "unclear", "comment": comment}, client=student)
    writes.note("F26", comment)
    flag = _ids(QuestionFlag, QuestionFlag.attempt_id == exam_attempt)[0]
    flagged = db.session.get(QuestionFlag, flag).question_id
    writes.post(
        "teacher_a", f"/bank/questions/{flagged}/flags/{flag}/resolve", {f"f{flag}-resolution": pack("F15", 1000)[0]}
    )
    writes.note("F15", pack("F15", 1000)[0])

    # Live: the student joins teacher A's session (the projector lists their name); guests join with nicknames.
    code = world["teacher_a"].values["live_code"]
    writes.post(None, "/live/join", {"code": code}, client=student)
    nicknames = [value for value in pack("F27", 30) if len(value) <= 30]
    for nickname in nicknames:
        writes.post(None, "/live/join", {"code": code, "nickname": nickname}, client=writes.clients.app.test_client())
    writes.note("F27", *nicknames)

    # The page's script checks a practice answer: its feedback HTML comes back inside JSON.
    token = csrf_token(student, f"/attempts/{practice_attempt}")
    for position in range(3):
        response = student.post(f"/attempts/{practice_attempt}/check", json={"position": position, "give_up": True},
                                headers={"X-CSRFToken": token, "Accept": "application/json"})  # fmt: skip
        data = response.get_json()
        assert response.mimetype == "application/json", response.mimetype
        writes.problems += [f"check JSON of position {position}: {p}" for p in unsafe_markup(data.get("html", ""))]

    user = db.session.scalar(select(User).where(User.username == "xss0"))
    world.parties["xss_student"] = Party(
        "xss_student", "xss0", Role.STUDENT, "", values={"self_id": user.id}, password=NEW_PASSWORD,
        ids={"attempt_id": practice_attempt, "submitted_attempt_id": exam_attempt, "quiz_id": quizzes[1],
             "practice_quiz_id": quizzes[0], "live_id": world["teacher_a"].ids["live_id"]},
    )  # fmt: skip


@pytest.fixture(scope="module")
def writes(world_app: Flask, world: World, clients: Clients) -> Writes:
    result = Writes(world, clients)
    write_everything(result)
    return result


def _some_questions(owner_id: int) -> list[int]:
    db.session.rollback()
    rows = db.session.execute(
        select(Question.id, Question.origin, Question.status).where(Question.owner_id == owner_id).order_by(Question.id)
    ).all()
    chosen = {qid for qid, origin, status in rows if origin == "authored" or status == "rejected"}
    chosen |= {min(qid for qid, o, _ in rows if o == origin) for origin in {o for _, o, _ in rows}}
    chosen |= {flag.question_id for flag in db.session.scalars(select(QuestionFlag))}
    return sorted(chosen)


def _more_ids(world: World) -> dict[str, dict[str, list[int]]]:
    """The ids of every object the writing made, by the party that may open them."""
    me = world["teacher_a"].values["self_id"]
    xss = world["xss_student"].values["self_id"]
    classes = _ids(SchoolClass, SchoolClass.teacher_id == me)
    teacher = {
        "class_id": classes,
        "quiz_id": _ids(Quiz, Quiz.owner_id == me),
        # The written ones, and of the rest (imported, generated: all listed in full by the review queue) the
        # first of each origin, the rejected and the flagged ones, whose edit pages show more.
        "question_id": _some_questions(me),
        "document_id": _ids(SourceDocument, SourceDocument.owner_id == me),
        "job_id": _ids(GenerationJob, GenerationJob.owner_id == me),
        "student_id": _ids(User, User.role == Role.STUDENT.value),
    }
    student = {
        "attempt_id": _ids(Attempt, Attempt.student_id == xss),
        "submitted_attempt_id": _ids(Attempt, Attempt.student_id == xss, Attempt.status != "in_progress"),
    }
    return {"teacher_a": teacher, "admin": {}, "xss_student": student}


@dataclass
class Walk:
    problems: list[str] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)
    by_role: Counter[str] = field(default_factory=Counter)
    escaped_formulas: int = 0
    csv_files: int = 0


@pytest.fixture(scope="module")
def walk(world_app: Flask, world: World, clients: Clients, writes: Writes) -> Walk:
    """Every GET page of every viewer, each checked for live markup, formula cells and every field's tag."""
    result = Walk()
    more = _more_ids(world)
    tags = [(tag, tag.casefold()) for tag in writes.written]
    for who in VIEWERS:
        for rule, url in pages(world_app, world, who, more.get(who or "", {})):
            response = clients(who).get(url)
            where = f"GET {url} ({rule.endpoint}) as {who or 'anonymous'}"
            assert response.status_code < 500, f"{where}: {response.status_code}"
            result.by_role[who or "anonymous"] += 1
            body = readable_text(response.get_data())
            for name, content in (zip_members(response.get_data()) or {}).items():
                if name.endswith(".xml"):
                    ElementTree.fromstring(content)  # payloads must not break a package's XML either
            if response.mimetype == "text/html":
                result.problems += [f"{where}: {p}" for p in unsafe_markup(body)]
            elif response.mimetype == "text/csv":
                rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
                result.problems += [f"{where}: formula cell {c!r}" for c in formula_cells(rows)]
                result.escaped_formulas += sum(c.startswith(("'=", "'+", "'-", "'@")) for row in rows for c in row)
                result.csv_files += 1
            elif response.mimetype in ("application/xml", "text/xml"):
                ElementTree.fromstring(response.get_data())  # payloads must not break the document
            text = " ".join(html.unescape(body).split()).casefold()
            for tag, folded in tags:
                if folded in text:
                    result.seen[tag] += 1
    return result


def test_no_page_shows_a_payload_as_live_markup(writes: Writes, walk: Walk) -> None:
    problems = writes.problems + walk.problems
    print(
        f"\nxss: {len(PAYLOADS)} payloads in {len(writes.written)} fields "
        f"({sum(len(v) for v in writes.written.values())} values, {writes.responses} writing responses checked); "
        f"{sum(walk.by_role.values())} pages walked {dict(walk.by_role)}; "
        f"{sum(walk.seen.values())} (page, field) displays; {walk.csv_files} CSV files"
    )
    assert not problems, "\n".join(problems[:40])


def test_every_written_field_is_shown_somewhere(writes: Writes, walk: Walk) -> None:
    """A field no page shows would make the sweep above pass without testing anything."""
    unseen = sorted(tag for tag in writes.written if not walk.seen[tag])
    assert not unseen, f"fields written but found on no page: {unseen}"


def test_csv_exports_escape_formulas(walk: Walk) -> None:
    assert walk.csv_files >= 4
    assert walk.escaped_formulas >= 5, "the formula values written were not found escaped in any CSV export"


# The payloads that are markup (the others are text tricks: fullwidth brackets, invisible characters,
# spreadsheet formulas, and the template, which is checked by its value).
MARKUP = [p for p in PAYLOADS if re.search(r"P(0[1-79]|10|1[3-6])\b", p)]


@pytest.mark.parametrize("payload", MARKUP, ids=lambda p: re.search(r"P\d\d", p).group(0))  # type: ignore[union-attr]
def test_the_checks_catch_each_payload_left_unescaped(payload: str) -> None:
    """The sweeps above can fail: each markup payload, put in a page unescaped, is found; escaped, it is not."""
    contexts = (
        "<p>{}</p>",
        '<input value="{}">',
        "<input value='{}'>",
        "<textarea>{}</textarea>",
        '<a href="{}">x</a>',
    )
    page = '<html><head><title>t</title><script src="/static/app.js"></script></head><body>{}</body></html>'
    assert any(unsafe_markup(page.format(context.format(payload))) for context in contexts), payload
    escaped = str(markupsafe.escape(payload))
    for context in contexts[:-1]:  # escaping does not make a javascript: link safe: no user text goes in an href
        assert unsafe_markup(page.format(context.format(escaped))) == [], (context, escaped)


def test_the_checks_catch_an_evaluated_template() -> None:
    assert unsafe_markup("<p>P08{{7*7}}P08</p>") == []
    assert unsafe_markup("<p>P0849P08</p>")
