"""Matching questions in Chromium: drag an answer onto a prompt with the mouse, pair by keyboard alone, drag with a
finger on a phone; each journey's pairs are autosaved through the dropdowns and graded when submitted.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from tests.browser.conftest import ARTIFACTS, AxeChecker, LiveServer
from tests.browser.test_ordering import phone, start_exam
from tests.browser.test_taking_quizzes import press_on, start_quiz_of, wait_for_questions, wait_saved
from tests.factories import MATCHING_WITH_DISTRACTOR, QUESTIONS

__all__ = ["phone"]  # the fixture, imported so that pytest finds it here

MATCHING = next(spec for spec in QUESTIONS if spec["type"] == "matching")
POSITION = QUESTIONS.index(MATCHING)
SCREENS = ARTIFACTS / "screens"


def answer_of(server: LiveServer, quiz_id: int, position: int = POSITION) -> Any:
    """The matching question's saved row of the student's only attempt at the quiz."""
    with server.app.app_context():
        attempt = db.session.scalars(select(Attempt).where(Attempt.quiz_id == quiz_id)).one()
        answer = next(a for a in attempt.answers if a.position == position)
        db.session.expunge(answer)
        db.session.remove()
    return answer


def until_saved(page: Any, server: LiveServer, quiz_id: int, expected: list[list[str]], position: int) -> None:
    """The server has ``expected``, within 5 s: "Saved" may still be the previous pairing's."""
    for _ in range(50):
        if answer_of(server, quiz_id, position).response == expected:
            return
        page.wait_for_timeout(100)
    assert answer_of(server, quiz_id, position).response == expected


def tile(page: Any, answer: str) -> Any:
    return (
        page.locator(f"[data-matchable='{POSITION}']")
        .locator("xpath=..")
        .locator(f".match-tile[data-label='{answer}']")
    )


def row(page: Any, left: str, position: int = POSITION) -> Any:
    return page.locator(f"[data-matchable='{position}'] [data-match-row][data-left='{left}']")


def chosen(page: Any, left: str) -> str:
    """The answer the prompt's dropdown shows."""
    return page.get_by_label(left, exact=True).locator("option:checked").inner_text()


def submit_and_score(page: Any, server: LiveServer, quiz_id: int, position: int = POSITION) -> float | None:
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    return answer_of(server, quiz_id, position).score


def start_and_show(page: Any, server: LiveServer, student: str, screenshot: str) -> int:
    """A new exam of every type, the matching question in view and photographed as it first looks."""
    quiz_id = start_exam(page, server, student)
    page.locator(f"[data-matchable='{POSITION}']").scroll_into_view_if_needed()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.locator(f"#q{POSITION}").screenshot(path=str(SCREENS / screenshot))
    return quiz_id


def mouse_drag(page: Any, grip: Any, target_row: Any) -> None:
    """Press the mouse on a tile's handle, move it onto the middle of a prompt's row, and (seen lit) let go."""
    start = grip.bounding_box()
    target = target_row.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"] + 20, target["y"] + target["height"] / 2, steps=8)
    expect(target_row).to_have_class(re.compile(r"\bdrop-target\b"))
    page.mouse.up()


def test_mouse_drags_answers_onto_prompts_and_it_is_graded(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    quiz_id = start_and_show(page, live_server, "match_drag_kid", "matching-desktop.png")
    for left, right in MATCHING["answer"]:
        mouse_drag(page, tile(page, right).locator(".match-grip"), row(page, left))
        assert chosen(page, left) == right
        expect(tile(page, right)).to_have_attribute("aria-pressed", "false")  # a drag is not a press
        wait_saved(page)
    expect(tile(page, MATCHING["answer"][0][1])).to_contain_text(f"(paired with {MATCHING['answer'][0][0]}")
    until_saved(page, live_server, quiz_id, MATCHING["answer"], POSITION)
    page.locator(f"#q{POSITION}").screenshot(path=str(SCREENS / "matching-desktop-paired.png"))
    axe.check(page, wcag22=True)
    page.reload()  # the saved pairs come back in the dropdowns, ticked on the tiles
    wait_for_questions(page)
    assert [chosen(page, left) for left, _ in MATCHING["answer"]] == [right for _, right in MATCHING["answer"]]
    expect(page.locator(f"#q{POSITION} .match-tile.is-placed")).to_have_count(3)
    # A drop outside every prompt changes nothing.
    grip = tile(page, MATCHING["answer"][0][1]).locator(".match-grip").bounding_box()
    page.mouse.move(grip["x"] + 5, grip["y"] + 5)
    page.mouse.down()
    page.mouse.move(grip["x"] + 400, grip["y"] - 60, steps=5)
    page.mouse.up()
    assert chosen(page, MATCHING["answer"][0][0]) == MATCHING["answer"][0][1]
    assert submit_and_score(page, live_server, quiz_id) == 1.0
    assert axe.problems == [], "\n".join(axe.problems)


def test_keyboard_alone_pairs_answers_and_says_so(page: Any, live_server: LiveServer) -> None:
    quiz_id = start_exam(page, live_server, "match_key_kid")
    SCREENS.mkdir(parents=True, exist_ok=True)
    announcer = page.locator(f"[data-matchable='{POSITION}'] + [role='status']")
    pair_buttons = page.locator(f"[data-matchable='{POSITION}'] .match-pair")
    expect(pair_buttons.first).to_be_hidden()  # no "Pair here" until an answer is picked
    left, right = MATCHING["answer"][0]
    # Pick, then Escape: nothing paired, the focus back on the answer.
    press_on(page, tile(page, right), "Enter")
    expect(tile(page, right)).to_have_attribute("aria-pressed", "true")
    expect(announcer).to_contain_text(f"“{right}” picked.")
    expect(pair_buttons).to_have_count(3)
    expect(pair_buttons.first).to_be_visible()
    page.locator(f"#q{POSITION}").screenshot(path=str(SCREENS / "matching-desktop-picked.png"))
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(announcer).to_have_text(f"Pairing of “{right}” cancelled.")
    expect(tile(page, right)).to_be_focused()
    expect(tile(page, right)).to_have_attribute("aria-pressed", "false")
    expect(pair_buttons.first).to_be_hidden()
    assert chosen(page, left) == "Choose…"
    # Pick with Space, then Tab forward to the prompt's "Pair here" and press it.
    for left, right in MATCHING["answer"]:
        tile(page, right).focus()
        page.keyboard.press("Space")
        target = page.get_by_role("button", name=f"Pair here: “{right}” with “{left}”")
        for _ in range(20):
            if target.evaluate("el => el === document.activeElement"):
                break
            page.keyboard.press("Tab")
        expect(target).to_be_focused()
        page.keyboard.press("Enter")
        expect(announcer).to_have_text(f"“{right}” paired with “{left}”.")
        expect(tile(page, right)).to_be_focused()  # back among the answers, for the next one
        assert chosen(page, left) == right
    wait_saved(page)
    until_saved(page, live_server, quiz_id, MATCHING["answer"], POSITION)
    left, right = MATCHING["answer"][1]
    expect(tile(page, right)).to_have_accessible_name(f"{right} (paired with {left})")
    assert submit_and_score(page, live_server, quiz_id) == 1.0


def test_a_finger_drags_answers_onto_prompts_on_a_phone(phone: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    quiz_id = start_and_show(phone, live_server, "match_touch_kid", "matching-phone.png")
    for left, right in MATCHING["answer"]:
        row(phone, left).scroll_into_view_if_needed()
        grip = tile(phone, right).locator(".match-grip")
        grip.scroll_into_view_if_needed()
        target = row(phone, left).bounding_box()
        start = grip.bounding_box()
        cdp_drag(phone, start, target["x"] + 20, target["y"] + target["height"] / 2)
        assert chosen(phone, left) == right
        wait_saved(phone)
    until_saved(phone, live_server, quiz_id, MATCHING["answer"], POSITION)
    phone.locator(f"#q{POSITION}").screenshot(path=str(SCREENS / "matching-phone-paired.png"))
    axe.check(phone, wcag22=True)
    # A tap (no drag) on a tile picks it: "Pair here" then pairs by touch too.
    left = MATCHING["answer"][0][0]
    spare = tile(phone, MATCHING["answer"][1][1])
    settle(phone, spare)  # a tap on a page still moving only stops it (Chromium sends no click)
    spare.tap()
    expect(spare).to_have_attribute("aria-pressed", "true")
    row(phone, left).get_by_role("button", name="Pair here").tap()
    assert chosen(phone, left) == MATCHING["answer"][1][1]
    wait_saved(phone)
    # One pair of three is now wrong.
    assert submit_and_score(phone, live_server, quiz_id) == pytest.approx(2 / 3, abs=1e-3)
    assert axe.problems == [], "\n".join(axe.problems)


def settle(page: Any, locator: Any) -> None:
    """Wait until ``locator`` stops moving on the screen (a smooth scroll or a layout change has ended)."""
    last = None
    for _ in range(30):
        box = locator.bounding_box()
        if box == last:
            return
        last = box
        page.wait_for_timeout(100)


def cdp_drag(page: Any, start: dict[str, float], end_x: float, end_y: float) -> None:
    """A finger on ``start`` moved to (end_x, end_y) and lifted, as Chromium's touch input (CDP)."""
    cdp = page.context.new_cdp_session(page)
    x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x + (end_x - x) * step / 10, "y": y + (end_y - y) * step / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_a_distractor_stays_choosable_by_drag(page: Any, live_server: LiveServer) -> None:
    quiz_id = start_quiz_of(page, live_server, "match_spare_kid", [MATCHING_WITH_DISTRACTOR], mode="exam")
    tiles = page.locator("[data-matchable='0']").locator("xpath=..").locator(".match-tile")
    labels = [tiles.nth(i).get_attribute("data-label") for i in range(tiles.count())]
    assert sorted(labels) == sorted(MATCHING_WITH_DISTRACTOR["options"])
    spare = "the docks burned"
    mouse_drag(page, tiles.filter(has_text=spare).locator(".match-grip"), row(page, "1821", 0))
    assert page.get_by_label("1821", exact=True).locator("option:checked").inner_text() == spare
    wait_saved(page)
    until_saved(page, live_server, quiz_id, [["1821", spare], ["1834", None], ["1852", None]], 0)
    assert submit_and_score(page, live_server, quiz_id, 0) == 0.0
