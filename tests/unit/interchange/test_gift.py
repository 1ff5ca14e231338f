"""GIFT import and export: round trips, Moodle's own syntax, and files that must be refused."""

from __future__ import annotations

import pytest

from quizapp.bank.interchange import InterchangeError, export_gift, import_gift, normalise_question

from .samples import awkward_questions, plain_questions, shown_as_returned


@pytest.mark.parametrize("question", plain_questions() + awkward_questions(), ids=lambda q: q["type"])
def test_every_type_survives_a_round_trip(question):
    result = import_gift(export_gift([question]))
    assert result.skipped == []
    assert result.questions == [shown_as_returned(normalise_question(question))]


def test_round_trip_keeps_order_tags_and_titles_of_a_whole_bank():
    questions = plain_questions() + awkward_questions()
    result = import_gift(export_gift(questions))
    assert result.questions == [shown_as_returned(normalise_question(q)) for q in questions]
    assert result.questions[0]["tags"] == ["rome", "tetrarchy"]
    assert result.questions[0]["title"] == "Tetrarchy capital"


def test_export_writes_moodle_syntax():
    text = export_gift(plain_questions())
    assert "// [tag:rome] [tag:tetrarchy]\n::Tetrarchy capital::Which city" in text
    assert "\t=Nicomedia\n" in text
    assert "\t~Rome\n" in text
    assert "::Rubicon::Julius Caesar crossed the Rubicon in 49 BC. {TRUE####January 49 BC.}" in text
    assert "{FALSE}" in text
    assert "\t=753\n\t=753 BC\n" in text
    assert "\t=Actium -> 31 BC\n" in text
    assert "\t= -> 476 AD\n" in text
    # Ordering is written as Moodle's ordering question type writes it, items in the right order.
    assert "{>3 ALL VERTICAL LONGEST_ORDERED_SUBSET SHOW none\n\tAugustus\n\tTiberius\n\tNero\n" in text
    assert "// quizapp: ordering" not in text


def test_special_characters_are_escaped_or_written_in_html():
    text = export_gift([awkward_questions()[0]])
    assert "\\{x\\}" in text
    assert "\\=" in text
    assert "\\~" in text
    assert "\\#" in text
    assert "\\:" in text
    assert "[html]" in text
    assert "&lt;b&gt;not bold&lt;/b&gt;" in text
    assert "&amp;amp;" in text
    assert "<br>" in text  # in html a line break is <br>
    plain = export_gift([{"type": "true_false", "prompt": "One\nTwo", "answer": True}])
    assert "One\\nTwo {TRUE}" in plain  # in the default format it is escaped, as Moodle writes it


MOODLE_DOCS_SAMPLE = """\
// true/false
::Q1:: 1+1=2 {T}

// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// fill-in-the-blank
::Q3:: Two plus {=two =2} equals four.

// matching
::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// math range specified with interval end points
::Q6:: What is a number from 1 to 5? {#1..5}
// translated on import to the same as Q5, but unavailable from Moodle question interface

// multiple numeric answers with partial credit and feedback
::Q7:: When was Ulysses S. Grant born? {#
         =1822:0      # Correct! Full credit.
         =%50%1822:2  # He was born in 1822. Half credit for being close.
}

// essay
::Q8:: How are you? {}
"""


def test_the_examples_of_moodles_gift_documentation():
    result = import_gift(MOODLE_DOCS_SAMPLE)
    by_title = {q["title"]: q for q in result.questions}
    assert set(by_title) == {"Q1", "Q2", "Q3", "Q4"}
    assert by_title["Q1"]["prompt"] == "1+1=2"
    assert by_title["Q1"]["answer"] is True
    q2 = by_title["Q2"]
    assert q2["options"] == ["yellow", "red", "blue"]
    assert q2["answer"] == "yellow"
    assert q2["explanation"] == "right; good!"  # no general feedback: the right answer's feedback stands in
    q3 = by_title["Q3"]
    assert q3["type"] == "fill_in"
    assert q3["prompt"] == "Two plus _____ equals four."
    assert q3["answer"] == ["two", "2"]
    q4 = by_title["Q4"]
    assert q4["answer"] == [["cat", "cat food"], ["dog", "dog food"]]
    assert q4["options"] == ["cat food", "dog food"]
    assert len(result.skipped) == 4
    assert result.skipped[0].startswith('line 15 "Q5": numerical')
    assert "line 18" in result.skipped[1]
    assert "Q6" in result.skipped[1]
    assert "Q7" in result.skipped[2]
    assert "tolerance, a range or several answers" in result.skipped[2]
    assert result.skipped[3] == 'line 28 "Q8": essay questions (an empty answer block {}) are not supported'


TEACHER_FILE = """\
$CATEGORY: $course$/top/History/Rome

// question: 1234  name: Founding of Rome
// [id:ROME-1] [tag:rome] [tag:founding]
::Founding of Rome::[html]<p dir\\="ltr" style\\="text-align\\: left;">In which year was <b>Rome</b>
founded, according to &quot;legend&quot;?</p>{
\t=753 BC#Right\\: Varro's date.
\t~%-25%509 BC#That is the Republic.
\t~44 BC#That is Caesar's death.
\t####<p>Legend dates it to 21 April 753&nbsp;BC.</p>
}

// A question written over several lines, in the default format
::Caesar::Julius Caesar crossed
the Rubicon in 49 BC.
{TRUE#No, he did.#Yes, in January.####He said "alea iacta est".}

::Emperors::[markdown]Who came **first**? {
  ~Nero
  =Augustus
}

Which is an emperor? {~%50%Nero ~%50%Trajan ~Cicero}

$CATEGORY: $course$/top/History/Greece

::Greek letters::Match the letters. {
  =\\{alpha\\} -> α
  =beta -> β
  = -> γ
}

::Missing::The Parthenon stands in {=Athens =athens#Yes} today.

::Scale::[moodle]How far is Rome from Athens, in km? {#1050}
"""


def test_a_teachers_file_with_categories_comments_formats_and_feedback():
    result = import_gift(TEACHER_FILE)
    assert len(result.questions) == 7
    rome, caesar, emperors, emperor, greek, missing, scale = result.questions
    assert emperor["type"] == "multiple_answer"
    assert emperor["answer"] == [["Nero", 0.5], ["Trajan", 0.5], ["Cicero", 0.0]]
    assert rome == {
        "type": "multiple_choice",
        "prompt": 'In which year was Rome founded, according to "legend"?',
        "options": ["753 BC", "509 BC", "44 BC"],
        "answer": "753 BC",
        "explanation": "Legend dates it to 21 April 753 BC.",
        "tags": ["rome", "founding"],
        "title": "Founding of Rome",
        "case_sensitive": False,
    }
    assert caesar["type"] == "true_false"
    assert caesar["answer"] is True
    assert caesar["prompt"] == "Julius Caesar crossed\nthe Rubicon in 49 BC."
    assert caesar["explanation"] == 'He said "alea iacta est".'
    assert emperors["prompt"] == "Who came **first**?"
    assert emperors["answer"] == "Augustus"
    assert greek["answer"] == [["{alpha}", "α"], ["beta", "β"]]
    assert greek["options"] == ["α", "β", "γ"]
    assert missing["prompt"] == "The Parthenon stands in _____ today."
    assert missing["answer"] == ["Athens", "athens"]
    assert missing["explanation"] == "Yes"
    # A single exact number is read as fill_in with that number.
    assert scale["type"] == "fill_in"
    assert scale["answer"] == ["1050"]
    # No "=" in the block: Moodle reads several right answers (single = 0), the weights kept.
    assert result.skipped == []


def test_description_without_answer_block_is_skipped_not_refused():
    result = import_gift("::Intro::Read the text below.\n\n::Q::Ready? {T}\n")
    assert [q["title"] for q in result.questions] == ["Q"]
    assert result.skipped == ['line 1 "Intro": a description without an answer block is not a question']


def test_multiple_right_options_are_skipped_with_a_reason():
    result = import_gift("Pick two {=a =b ~c}\n\nPick none {~a ~b}\n\nOK {=a ~b}")
    assert len(result.questions) == 1
    assert "2 options are marked right" in result.skipped[0]
    assert "no option is marked right (choose all that apply needs weights" in result.skipped[1]


def test_windows_text_bytes_are_read():
    bom = "\ufeff::Q::Café? {T}\r\n".encode()
    assert import_gift(bom).questions[0]["prompt"] == "Café?"
    assert import_gift("::Q::Café? {T}".encode("cp1252")).questions[0]["prompt"] == "Café?"
    assert import_gift("::Q::Café? {T}".encode("utf-16")).questions[0]["prompt"] == "Café?"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "contains no questions"),
        ("  \n// only a comment\n\n", "contains no questions"),
        ("Just some prose.\n\nAnd more.", "contains no questions"),
        ("$CATEGORY: top\n", "contains no questions"),
        (b"::Q:: x {T}\n\x81\x8d\x8f", "line 2: the file is not UTF-8 text (byte 0x81)"),
        (bytes(range(256)) * 4, "not UTF-8 text"),
        (b"\x00\x01\x02{T}", "binary data"),
        ("Q {T}\x00", "line 1: the file contains binary data (character U+0000)"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_line(data, message):
    with pytest.raises(InterchangeError, match=None) as caught:
        import_gift(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "kept", "left_out"),
    [
        ("::Q1::Fine {T}\n\n::Q2::Broken {=a ~b\n\n::Q3::x {T}", ["Q1", "Q3"], """line 3 "Q2": '{' is never closed"""),
        ("::Q1::Fine {T}\n\nBroken }\n", ["Q1"], """line 3 "Broken": '}' without an opening '{'"""),
        ("Q {=a\n{~b}\n}\n\nR {F}", ["R"], """line 2 "Q": a second '{' inside an answer block"""),
        ("Q {T} and {F}\n\n\nR {F}", ["R"], """line 1 "Q": a second '{' after the answer block"""),
    ],
)
def test_a_stray_brace_leaves_out_its_question_with_its_line_and_keeps_the_rest(data, kept, left_out):
    # Moodle reads a GIFT file question by question: one with a brace out of place is refused, the others imported.
    result = import_gift(data)
    assert [q["title"] or q["prompt"] for q in result.questions] == kept
    assert len(result.skipped) == 1
    assert result.skipped[0].startswith(left_out)


def test_oversized_and_overfull_files_are_refused():
    with pytest.raises(InterchangeError, match=r"^the file is 2\.5 KB; at most 1 KB$"):
        import_gift("Q {T}\n\n" * 357, max_bytes=1_000)
    with pytest.raises(InterchangeError, match="the file has 3 questions; at most 2"):
        import_gift("A {T}\n\nB {T}\n\nC {T}", max_questions=2)


def test_a_short_answer_with_an_arrow_is_left_out_with_a_comment():
    question = {"type": "fill_in", "prompt": "Arrow?", "answer": ["->"], "options": []}
    text = export_gift([question, plain_questions()[1]])
    assert "// Not exported: question 1 \"Arrow?\": GIFT cannot hold a short answer containing '->'." in text
    assert [q["title"] for q in import_gift(text).questions] == ["Rubicon"]


def test_invalid_questions_are_refused_on_export():
    with pytest.raises(InterchangeError, match=r'question 1 "Q": the answer must be one of the options'):
        export_gift([{"type": "multiple_choice", "prompt": "Q", "options": ["a", "b"], "answer": "c"}])


def test_matching_with_numbered_lefts_stays_matching_without_the_ordering_mark():
    text = "Match {\n=1 -> I\n=2 -> II\n}"
    assert import_gift(text).questions[0]["type"] == "matching"
    marked = "// quizapp: ordering question\n" + text
    assert import_gift(marked).questions[0] == {
        "type": "ordering",
        "prompt": "Match",
        "options": ["I", "II"],
        "answer": ["I", "II"],
        "explanation": "",
        "tags": [],
        "title": "",
        "case_sensitive": False,
        "grading": "longest_ordered_subset",  # as quizapp graded every ordering question when it wrote these
    }


def test_the_ordering_mark_on_a_question_of_another_type_is_ignored():
    # Found by fuzz/ingest_atheris.py: the mark before a true/false question raised a TypeError.
    result = import_gift("// quizapp: ordering question\nAugustus was Caesar's heir. {TRUE}")
    assert [(q["type"], q["answer"]) for q in result.questions] == [("true_false", True)]


def test_a_question_with_hundreds_of_answers_is_skipped():
    result = import_gift("Many {=a " + "~b " * 500 + "}\n\nFew {T}")
    assert result.skipped == ['line 1 "Many": the question has 501 answers; at most 200']
    assert len(result.questions) == 1


def test_an_unclosed_title_is_read_as_text_like_moodle_does():
    assert import_gift("::No title {T}").questions[0]["prompt"] == "No title"


def test_numerical_with_other_answer_feedback_is_still_an_exact_number():
    result = import_gift("::N::How many hills? {#7 ~ Count again.####Seven.}")
    assert result.questions[0]["answer"] == ["7"]
    assert result.questions[0]["explanation"] == "Seven."
