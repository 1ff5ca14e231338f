"""Ordering questions in Chromium: drag with the mouse, move with the keyboard alone, drag with a finger.

Every move leaves a whole order (1..n, never two items at one number): no red "unfinished" error on the way,
and the order is saved by the page's autosave.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import make_quiz, make_student, press_on, wait_for_questions, wait_saved
from tests.factories import QUESTIONS

ORDERING = next(spec for spec in QUESTIONS if spec["type"] == "ordering")
POSITION = QUESTIONS.index(ORDERING)


def start_quiz(page: Any, server: LiveServer, student: str, **settings: Any) -> int:
    """A new student starts a new quiz of every question type (an exam unless ``settings`` say otherwise)."""
    make_student(server, student)
    quiz_id = make_quiz(server, f"Quiz of {student}", **{"mode": "exam", **settings})
    log_in(page, server, student)
    page.goto(f"{server.url}/quizzes/{quiz_id}")
    page.get_by_role("button", name="Start").click()
    wait_for_questions(page)
    return quiz_id


def start_exam(page: Any, server: LiveServer, student: str) -> int:
    return start_quiz(page, server, student, layout="all_on_one_page")


def saved_response(server: LiveServer, quiz_id: int) -> Any:
    with server.app.app_context():
        attempt = db.session.scalars(select(Attempt).where(Attempt.quiz_id == quiz_id)).one()
        response = next(a.response for a in attempt.answers if a.position == POSITION)
        db.session.remove()
    return response


def until_saved(page: Any, server: LiveServer, quiz_id: int, expected: Any) -> None:
    """The server has ``expected``, within 5 s: "Saved" may still be the previous move's."""
    for _ in range(50):
        if saved_response(server, quiz_id) == expected:
            return
        page.wait_for_timeout(100)
    assert saved_response(server, quiz_id) == expected


def shown_order(page: Any) -> list[str]:
    items = page.locator(f"ol[data-orderable='{POSITION}'] > li")
    return [items.nth(i).get_attribute("data-label") for i in range(items.count())]


def wait_for_order(page: Any, expected: list[str]) -> None:
    """The list shows ``expected``, within 2 s: a key's change event may come a moment after the key."""
    for _ in range(40):
        if shown_order(page) == expected:
            return
        page.wait_for_timeout(50)
    assert shown_order(page) == expected


def numbers(page: Any) -> list[str]:
    selects = page.locator(f"ol[data-orderable='{POSITION}'] select")
    return [selects.nth(i).input_value() for i in range(selects.count())]


def assert_whole_order(page: Any) -> None:
    """The dropdowns say 1..n in list order, and nothing is marked unfinished."""
    assert numbers(page) == [str(n) for n in range(1, len(ORDERING["answer"]) + 1)]
    expect(page.locator(f"[data-problem='{POSITION}']")).to_have_text("")
    assert page.locator(f"ol[data-orderable='{POSITION}'] .is-invalid").count() == 0


def handle(page: Any, label: str) -> Any:
    return page.get_by_role("button", name=f"Move “{label}”")


def test_mouse_drag_puts_items_in_order_and_saves(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    quiz_id = start_exam(page, live_server, "drag_kid")
    assert numbers(page) == ["", "", ""]  # nothing answered until the student moves something
    page.locator(f"ol[data-orderable='{POSITION}']").scroll_into_view_if_needed()  # the mouse acts on what is seen
    for rank, label in enumerate(ORDERING["answer"]):
        if shown_order(page)[rank] == label:
            continue
        grip = handle(page, label).bounding_box()
        target = page.locator(f"ol[data-orderable='{POSITION}'] > li").nth(rank).bounding_box()
        page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
        page.mouse.down()
        page.mouse.move(grip["x"] + grip["width"] / 2, target["y"] + 4, steps=8)
        page.mouse.up()
        assert shown_order(page)[rank] == label
        assert_whole_order(page)
        wait_saved(page)
    if shown_order(page) == ORDERING["answer"] and numbers(page) == ["", "", ""]:
        handle(page, ORDERING["answer"][0]).click()  # shown in order already: a click on a handle keeps it
        wait_saved(page)
    assert shown_order(page) == ORDERING["answer"]
    until_saved(page, live_server, quiz_id, ORDERING["answer"])
    axe.check(page, wcag22=True)
    page.reload()  # the saved order comes back as a list in that order
    wait_for_questions(page)
    assert shown_order(page) == ORDERING["answer"]
    assert axe.problems == [], "\n".join(axe.problems)


def test_keyboard_alone_moves_items_and_says_where_they_went(page: Any, live_server: LiveServer) -> None:
    quiz_id = start_exam(page, live_server, "key_kid")
    announcer = page.locator(f"ol[data-orderable='{POSITION}'] + [role='status']")
    top = shown_order(page)[0]  # the options' shown order is the attempt's own: start from whatever is first
    grip = handle(page, top)
    grip.focus()
    page.keyboard.press("End")
    expect(announcer).to_have_text(f"“{top}” moved to position 3 of 3.")
    expect(grip).to_be_focused()  # the focus moves with the item
    for rank, label in enumerate(ORDERING["answer"]):  # arrow keys alone put them in order
        handle(page, label).focus()
        while shown_order(page).index(label) > rank:
            page.keyboard.press("ArrowUp")
    first = ORDERING["answer"][0]
    handle(page, first).focus()
    page.keyboard.press("ArrowUp")
    expect(announcer).to_have_text(f"“{first}” is already first, at position 1 of 3.")
    # The visible up/down buttons do the same, for those who do not know the arrow keys work.
    press_on(page, page.get_by_role("button", name=f"Move down: {first}"), "Enter")
    expect(announcer).to_have_text(f"“{first}” moved to position 2 of 3.")
    press_on(page, page.get_by_role("button", name=f"Move up: {first}"), "Enter")
    expect(announcer).to_have_text(f"“{first}” moved to position 1 of 3.")
    wait_for_order(page, ORDERING["answer"])
    assert_whole_order(page)
    wait_saved(page)
    until_saved(page, live_server, quiz_id, ORDERING["answer"])
    # A number typed into a dropdown moves that item there and the others make room: still a whole order.
    page.get_by_label(f"Position of: {first}").focus()
    page.keyboard.type("3")
    wait_for_order(page, [ORDERING["answer"][1], ORDERING["answer"][2], first])
    assert_whole_order(page)
    expect(page.get_by_label(f"Position of: {first}")).to_be_focused()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def touch_drag(page: Any, start: dict[str, float], end_y: float) -> None:
    """A finger on ``start``, moved to ``end_y`` and lifted, as Chromium's touch input (CDP)."""
    cdp = page.context.new_cdp_session(page)
    x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 9):
        point = {"x": x, "y": y + (end_y - y) * step / 8}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_a_finger_drags_items_into_order_on_a_phone(phone: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    quiz_id = start_exam(phone, live_server, "touch_kid")
    phone.locator(f"ol[data-orderable='{POSITION}']").scroll_into_view_if_needed()
    for rank, label in enumerate(ORDERING["answer"]):
        if shown_order(phone)[rank] == label:
            continue
        target = phone.locator(f"ol[data-orderable='{POSITION}'] > li").nth(rank).bounding_box()
        touch_drag(phone, handle(phone, label).bounding_box(), target["y"] + 4)
        assert shown_order(phone)[rank] == label
        assert_whole_order(phone)
        wait_saved(phone)
    if numbers(phone) == ["", "", ""]:
        touch_drag(phone, handle(phone, ORDERING["answer"][0]).bounding_box(), 0)  # already in order: keep it
        wait_saved(phone)
    until_saved(phone, live_server, quiz_id, ORDERING["answer"])
    axe.check(phone, wcag22=True)
    assert axe.problems == [], "\n".join(axe.problems)


def test_once_the_answer_is_shown_the_order_cannot_move(page: Any, live_server: LiveServer) -> None:
    quiz_id = start_quiz(page, live_server, "shown_kid", mode="practice", layout="all_on_one_page")
    first = shown_order(page)[0]
    handle(page, first).focus()
    page.keyboard.press("End")
    wait_saved(page)
    before = shown_order(page)
    until_saved(page, live_server, quiz_id, before)
    page.locator(f"[data-reveal='{POSITION}']").click()
    page.locator(f"#feedback-{POSITION}").get_by_text("Answer:").wait_for()
    expect(handle(page, first)).to_be_hidden()  # the controls go with the dropdowns
    grip = page.locator(f"ol[data-orderable='{POSITION}'] li[data-label='{first}'] .drag-handle")
    grip.dispatch_event("keydown", {"key": "Home"})  # a key press that reached it anyway
    assert shown_order(page)[-1] == first  # nothing moved
    assert saved_response(live_server, quiz_id) == before
