"""How tall the quiz builder's steps are, in Chromium at desktop (1280) and phone (390) width.

A teacher with 40 approved questions (the 5 of the test factories' quiz, 35 more) on a fresh SQLite database,
served by werkzeug in this process; prints each step's document height in CSS pixels.

    .venv/bin/python benchmarks/builder_height.py
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.factories import QUESTIONS, all_types_quiz, make_document, make_question, user
from tests.support import TEST_PASSWORD, app_config, migrate_to_head

STEPS = ("#settings", "#questions", "#picks")


def main() -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/builder.sqlite"
    migrate_to_head(url)
    app = create_app(app_config(url, TESTING=False))
    with app.app_context():
        accounts.create_user(db.session, username="measurer", password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
        quiz, _ = all_types_quiz("measurer", title="Measured quiz")
        document = make_document(user("measurer"))
        for n in range(35):
            make_question(user("measurer"), document, QUESTIONS[n % len(QUESTIONS)])
        db.session.commit()
        quiz_id = quiz.id
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in ((1280, 900), (390, 844)):
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            page.goto(base + "/login")
            page.get_by_label("Username").fill("measurer")
            page.get_by_label("Password").fill(TEST_PASSWORD)
            page.get_by_role("button", name="Log in").click()
            heights = []
            for step in STEPS:
                page.goto(f"{base}/manage/quizzes/{quiz_id}{step}")
                page.reload()
                heights.append(f"{step[1:]} {page.evaluate('document.documentElement.scrollHeight')} px")
            print(f"{width} px wide: " + ", ".join(heights))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
