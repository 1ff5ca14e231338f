"""Import and export of quiz questions: Moodle's GIFT and Moodle XML formats, and CSV export.

Pure: the standard library and defusedxml only. Every function works on plain
question dicts (see :mod:`.types`); importers return an :class:`ImportResult`
(questions, and one line per question skipped and why) or raise
:class:`InterchangeError` when the file is refused as a whole.

What survives an export followed by an import (both formats): type, prompt,
options, answer (a fill-in's answers with their fractions and wildcards, as
Moodle's short answers), explanation, tags, title (the question's name) and
case_sensitive (Moodle's usecase), in the canonical form of
:func:`normalise_question` (whitespace tidied, control characters dropped), with
these losses:

* ordering: the shown order of the items; they come back in the right order
  (Moodle shuffles them anyway), with their grading type. GIFT writes Moodle's
  ordering syntax ``{>N ALL VERTICAL GRADING SHOW none`` and one item a line;
  quizapp's older files, matching marked ``// quizapp: ordering``, still read back.
* matching: options come back as the pairs' right-hand values, then distractors.
* GIFT: a fill-in answer containing ``->`` cannot be written (Moodle would read
  matching); the question is replaced by a comment saying so.
* Tags: Moodle XML ``<tags>``; GIFT ``// [tag:name]`` comments, as Moodle writes them.

* GIFT: a case-sensitive short answer is marked with a ``// quizapp: case-sensitive``
  comment (GIFT cannot say it; Moodle reads the question as case-blind).

A GIFT question with a brace out of place is left out with its line, and the rest
of the file read, as Moodle does. On import, anything the shape cannot hold is
dropped: categories, per-answer feedback other than the right answer's (used as explanation when there is no
general feedback), penalties, images. Numerical questions with one exact number
become fill_in; essays, descriptions, cloze, numerical with tolerance or units,
a single-answer multiple choice with partial credit, choose all that apply whose right options do
not add up to 100%, and an ordering question showing a random subset of its items
are skipped. Multiple choice with several answers (``<single>false</single>``, or
GIFT weights with no ``=``) is read as multiple_answer, each option's fraction kept.
"""

from quizapp.spreadsheets import escape_csv_cell

from .csv_export import export_csv
from .gift_export import export_gift
from .gift_import import import_gift
from .moodle_xml_export import export_moodle_xml
from .moodle_xml_import import import_moodle_xml
from .types import QUESTION_TYPES, ImportResult, InterchangeError, normalise_question

__all__ = [
    "QUESTION_TYPES",
    "ImportResult",
    "InterchangeError",
    "escape_csv_cell",
    "export_csv",
    "export_gift",
    "export_moodle_xml",
    "import_gift",
    "import_moodle_xml",
    "normalise_question",
]
