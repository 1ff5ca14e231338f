"""An emulated LMS registered in quizapp, and a teacher's quiz its links may open."""

from __future__ import annotations

import pytest
from flask import Flask

from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz
from tests.lti.platform import Platform


@pytest.fixture
def lms(app: Flask, users: Accounts) -> Platform:
    platform = Platform()
    platform.register_in_quizapp()
    return platform


@pytest.fixture
def quiz(app: Flask, users: Accounts, lms: Platform) -> Quiz:
    """The teacher's quiz, placed in the emulated LMS by deep linking (so its links there may open it)."""
    made, _ = all_types_quiz(users.teacher, visibility="class")
    lms.place(made)
    return made


@pytest.fixture
def unplaced_quiz(app: Flask, users: Accounts) -> Quiz:
    """A quiz of the same teacher never placed in the LMS: a link naming it is refused, except to its owner."""
    made, _ = all_types_quiz(users.teacher, visibility="class")
    return made
