"""The question numbers of an attempt, built in Python (quizapp.attempts.navigator)."""

import pytest
from markupsafe import Markup

from quizapp.attempts.navigator import NavEntry, navigator_items

ENTRIES = [
    NavEntry(position=0, number=1, answered=True, current=False),
    NavEntry(position=1, number=2, answered=False, current=True, flagged=True),
]


def test_paged_entries_are_buttons_that_say_their_state_in_words():
    html = navigator_items(ENTRIES, paged=True)
    assert isinstance(html, Markup)
    first, second = html.split("\n")
    assert first == (
        '<li class="list-inline-item mb-1"><button type="submit" name="action" value="goto-0" data-nav="0"'
        ' class="btn nav-question btn-success" aria-label="Question 1, answered">1<span class="nav-mark"'
        ' aria-hidden="true">✓</span><span class="nav-flag" aria-hidden="true"></span></button></li>'
    )
    assert 'class="btn nav-question btn-primary" aria-current="step" data-flagged="true"' in second
    assert 'aria-label="Question 2, not answered, flagged to come back to"' in second
    assert '<span class="nav-flag" aria-hidden="true">⚑</span>' in second


def test_all_on_one_page_entries_link_to_their_question():
    html = navigator_items(ENTRIES, paged=False)
    assert '<a href="#q1" data-nav="1" class="btn nav-question btn-primary" data-flagged="true"' in html
    assert "aria-current" not in html
    assert "goto-" not in html


def test_anything_but_a_whole_number_is_refused_rather_than_written_unescaped():
    with pytest.raises(ValueError, match="format code 'd'"):
        navigator_items([NavEntry(position="<b>", number=1, answered=False, current=False)], paged=True)  # type: ignore[arg-type]
