"""The teacher, account and landing pages at desktop and phone width: axe with the WCAG 2.2 rules (target size on)
finds no serious or critical violation, no page scrolls sideways, and each page is saved as a screenshot in
test-artifacts/screens/."""

from __future__ import annotations

from typing import Any

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.models import GenerationJob, QuestionFlag
from quizapp.extensions import db
from tests.browser.conftest import ARTIFACTS, AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import all_types_quiz, class_with, user
from tests.support import TEST_PASSWORD

SCREENS = ARTIFACTS / "screens"
WIDTHS = ((1280, 900), (390, 844))


def build(server: LiveServer) -> dict[str, int]:
    with server.app.app_context():
        for name, role in (("looker", Role.TEACHER), ("lookstudent", Role.STUDENT)):
            accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=role)
        db.session.commit()
        quiz, questions = all_types_quiz("looker", title="Canal quiz")
        teacher = user("looker")
        questions[1].status = "draft"  # two drafts for the queue; the flagged question stays approved
        questions[1].latest.confidence_reasons = ["the answer is a date", "a short sentence"]
        questions[1].latest.checks = ["the answer is in its source sentence"]
        questions[2].status = "draft"
        db.session.add(
            QuestionFlag(question_id=questions[0].id, user_id=user("lookstudent").id, kind="wrong",
                         comment="The canal opened in 1822, not 1821.")
        )  # fmt: skip
        school_class = class_with("looker", ["lookstudent"], code="LOOK1234")
        job = GenerationJob(owner_id=teacher.id, document_id=questions[0].document_id, status="running",
                            stage="parse", progress=0.4)  # fmt: skip
        db.session.add(job)
        db.session.commit()
        ids = {"quiz": quiz.id, "class": school_class.id, "job": job.id}
        db.session.remove()
    return ids


def shoot(page: Any, name: str, width: int) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)


def test_pages_pass_axe_at_both_widths_and_are_photographed(
    browser: Any, live_server: LiveServer, axe22: AxeChecker
) -> None:
    ids = build(live_server)
    anonymous = {"landing": "/", "login": "/login", "forgot": "/password/forgot", "register": "/register"}
    teacher = {
        "dashboard": "/",
        "queue-flagged": "/bank/review?status=&flagged=1",
        "queue-drafts": "/bank/review",
        "builder-settings": f"/manage/quizzes/{ids['quiz']}#settings",
        "builder-questions": f"/manage/quizzes/{ids['quiz']}#questions",
        "builder-picks": f"/manage/quizzes/{ids['quiz']}#picks",
        "upload": "/sources/new",
        "job": f"/sources/jobs/{ids['job']}",
        "import": "/bank/import",
        "class": f"/classes/{ids['class']}",
        "account": "/account",
    }
    admin = {"admin-users": "/admin/users"}
    for width, height in WIDTHS:
        for who, pages in ((None, anonymous), ("looker", teacher), (live_server.staff["admin"], admin)):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            if who:
                log_in(page, live_server, who)
            for name, path in pages.items():
                response = page.goto(live_server.url + path)
                if "#" in path:
                    response = page.reload()  # the step named in the address opens (a hash alone loads nothing)
                assert response is not None
                assert response.status == 200, path
                page.wait_for_timeout(150)
                axe22.check(page)
                if name == "queue-drafts":  # "Why this confidence", "What the guards found": 21 px high before
                    measure = "all => all.map(s => s.getBoundingClientRect().height)"
                    heights = page.eval_on_selector_all("summary", measure)
                    assert len(heights) >= 2
                    assert min(heights) >= 24, heights
                wide = page.evaluate("document.documentElement.scrollWidth")
                if wide > width:  # WCAG 1.4.10: no scrolling sideways
                    axe22.problems.append(f"{path} at {width} px: the page is {wide} px wide")
                shoot(page, name, width)
            context.close()
    assert axe22.problems == [], "\n".join(axe22.problems)
