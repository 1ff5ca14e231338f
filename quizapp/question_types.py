"""The kinds of question quizapp knows, named once: the generator drafts them, the bank stores them (a check
constraint lists them), the importers read them, and the graders grade them. Pure: imports nothing."""

from __future__ import annotations

QUESTION_TYPES: tuple[str, ...] = ("multiple_choice", "true_false", "fill_in", "ordering", "matching")
