"""The kinds of question quizapp knows, named once: the generator drafts them, the bank stores them (a check
constraint lists them), the importers read them, and the graders grade them. Pure: imports nothing."""

from __future__ import annotations

# What the generator drafts from an article.
GENERATED_TYPES: tuple[str, ...] = ("multiple_choice", "true_false", "fill_in", "ordering", "matching")

# Everything a question may be. "multiple_answer" is Moodle's multiple choice with ``<single>false</single>``
# ("choose all that apply"): only teachers write or import it.
QUESTION_TYPES: tuple[str, ...] = (*GENERATED_TYPES, "multiple_answer")

# How an ordering question is graded: the grading types of Moodle's ordering question (qtype_ordering),
# by the names its GIFT and XML formats use, lower-cased. An ordering question stored before they were kept
# grades by the longest ordered subset, as quizapp always did.
ORDERING_GRADINGS: tuple[str, ...] = (
    "all_or_nothing",
    "absolute_position",
    "relative_next_exclude_last",
    "relative_next_include_last",
    "relative_one_previous_and_next",
    "relative_all_previous_and_next",
    "longest_ordered_subset",
    "longest_contiguous_subset",
    "relative_to_correct",
)
DEFAULT_ORDERING_GRADING = "longest_ordered_subset"

# What a teacher reads for each grading type (the editor's choices, the review pages).
ORDERING_GRADING_LABELS: dict[str, str] = {
    "all_or_nothing": "All or nothing",
    "absolute_position": "Absolute position: each item at its own place",
    "relative_next_exclude_last": "Relative to the next item (excluding the last)",
    "relative_next_include_last": "Relative to the next item (including the last)",
    "relative_one_previous_and_next": "Relative to both the previous and the next item",
    "relative_all_previous_and_next": "Relative to all the previous and next items",
    "longest_ordered_subset": "Longest ordered subset",
    "longest_contiguous_subset": "Longest contiguous subset",
    "relative_to_correct": "Relative to the correct position",
}
