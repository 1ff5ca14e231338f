"""Moodle XML import and export: round trips, a file as Moodle writes it, and hostile files."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from quizapp.bank.interchange import InterchangeError, export_moodle_xml, import_moodle_xml, normalise_question

from .samples import awkward_questions, plain_questions, shown_as_returned


@pytest.mark.parametrize("question", plain_questions() + awkward_questions(), ids=lambda q: q["type"])
def test_every_type_survives_a_round_trip(question):
    result = import_moodle_xml(export_moodle_xml([question]))
    assert result.skipped == []
    assert result.questions == [shown_as_returned(normalise_question(question))]


def test_export_is_utf8_moodle_xml():
    data = export_moodle_xml(plain_questions() + awkward_questions())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
    root = fromstring(data)
    types = [q.get("type") for q in root.findall("question")]
    assert types == [
        "multichoice",
        "truefalse",
        "truefalse",
        "shortanswer",
        "ordering",
        "matching",
        "multichoice",
        "truefalse",
        "shortanswer",
        "ordering",
        "matching",
    ]
    first = root.find("question")
    assert first.findtext("name/text") == "Tetrarchy capital"
    assert first.find("questiontext").get("format") == "html"
    assert first.findtext("single") == "true"
    assert [a.get("fraction") for a in first.findall("answer")] == ["0", "100", "0", "0"]
    assert [t.findtext("text") for t in first.findall("tags/tag")] == ["rome", "tetrarchy"]
    # Without a title the name is the prompt's opening, as Moodle names such questions.
    assert root.findall("question")[2].findtext("name/text") == "Augustus was Caesar's brother."
    ordering = root.findall("question")[4]
    assert [a.findtext("text") for a in ordering.findall("answer")] == ["Augustus", "Tiberius", "Nero"]
    matching = root.findall("question")[5]
    subquestions = [(s.findtext("text"), s.findtext("answer/text")) for s in matching.findall("subquestion")]
    assert subquestions[-1] == ("", "476 AD")  # a distractor: a right-hand value with no left
    awkward = root.findall("question")[6].findtext("questiontext/text")
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; &amp;amp; é 😀<br>Second line" in awkward


MOODLE_EXPORT = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Default for History</text>
    </category>
    <info format="moodle_auto_format">
      <text>The default category for questions shared in context 'History'.</text>
    </info>
    <idnumber></idnumber>
  </question>

<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Rome founding</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p style="text-align: left;">In which year was <strong>Rome</strong> founded?<br></p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Varro&rsquo;s date: 753&nbsp;BC &amp; no other.</p>]]></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>ROME-1</idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <correctfeedback format="html">
      <text>Your answer is correct.</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Your answer is partially correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>Your answer is incorrect.</text>
    </incorrectfeedback>
    <shownumcorrect/>
    <answer fraction="100" format="html">
      <text><![CDATA[<p dir="ltr">753 BC</p>]]></text>
      <feedback format="html">
        <text><![CDATA[<p>Right.</p>]]></text>
      </feedback>
    </answer>
    <answer fraction="-33.33333" format="html">
      <text><![CDATA[<p>509 BC</p>]]></text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>&lt;p&gt;44 BC &amp;amp; later&lt;/p&gt;</text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
    <tags>
      <tag><text>rome</text>
</tag>
      <tag><text>legend</text>
</tag>
    </tags>
  </question>

<!-- question: 102  -->
  <question type="truefalse">
    <name>
      <text>Rubicon</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>Caesar crossed the Rubicon
in 49 BC.</text>
    </questiontext>
    <generalfeedback format="moodle_auto_format">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>1.0000000</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <answer fraction="0" format="moodle_auto_format">
      <text>true</text>
      <feedback format="html">
        <text><![CDATA[<p>He did not cross it.</p>]]></text>
      </feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text>false</text>
      <feedback format="html">
        <text><![CDATA[<p>Right, a trick question: it was January <em>49</em>... no, wait.</p>]]></text>
      </feedback>
    </answer>
  </question>

<!-- question: 103  -->
  <question type="shortanswer">
    <name>
      <text>Capital</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>The capital of Italy is ____.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format">
      <text>Rome</text>
      <feedback format="html">
        <text><![CDATA[<p>Yes.</p>]]></text>
      </feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text>Roma</text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
    <answer fraction="50" format="moodle_auto_format">
      <text>Milan</text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
  </question>

<!-- question: 104  -->
  <question type="matching">
    <name>
      <text>Rivers</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Match the city with its river.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <shuffleanswers>true</shuffleanswers>
    <correctfeedback format="html">
      <text>Your answer is correct.</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Your answer is partially correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>Your answer is incorrect.</text>
    </incorrectfeedback>
    <shownumcorrect/>
    <subquestion format="html">
      <text><![CDATA[<p>Rome</p>]]></text>
      <answer>
        <text>Tiber</text>
      </answer>
    </subquestion>
    <subquestion format="html">
      <text><![CDATA[<p>Paris</p>]]></text>
      <answer>
        <text>Seine</text>
      </answer>
    </subquestion>
    <subquestion format="html">
      <text></text>
      <answer>
        <text>Danube</text>
      </answer>
    </subquestion>
  </question>

<!-- question: 105  -->
  <question type="ordering">
    <name>
      <text>Kings</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Put the kings of Rome in order.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <selectcount>0</selectcount>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <showgrading>SHOW</showgrading>
    <numberingstyle>none</numberingstyle>
    <shownumcorrect>1</shownumcorrect>
    <answer fraction="1" format="moodle_auto_format">
      <text>Romulus</text>
    </answer>
    <answer fraction="2" format="moodle_auto_format">
      <text>Numa Pompilius</text>
    </answer>
    <answer fraction="3" format="moodle_auto_format">
      <text>Tullus Hostilius</text>
    </answer>
  </question>

<!-- question: 106  -->
  <question type="numerical">
    <name>
      <text>Hills</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>How many hills has Rome?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Seven.</p>]]></text>
    </generalfeedback>
    <answer fraction="100" format="moodle_auto_format">
      <text>7</text>
      <feedback format="html"><text></text></feedback>
      <tolerance>0</tolerance>
    </answer>
    <answer fraction="0" format="moodle_auto_format">
      <text>*</text>
      <feedback format="html"><text>Count again.</text></feedback>
      <tolerance>0</tolerance>
    </answer>
    <unitgradingtype>0</unitgradingtype>
    <unitpenalty>0.1000000</unitpenalty>
    <showunits>3</showunits>
    <unitsleft>0</unitsleft>
  </question>

<!-- question: 107  -->
  <question type="essay">
    <name>
      <text>Essay</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Discuss the fall of Rome.</p>]]></text>
    </questiontext>
  </question>

<!-- question: 108  -->
  <question type="multianswer">
    <name>
      <text>Cloze</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Rome was founded in {1:SHORTANSWER:=753} BC.</p>]]></text>
    </questiontext>
  </question>

<!-- question: 109  -->
  <question type="multichoice">
    <name>
      <text>Two right</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Which were emperors?</p>]]></text>
    </questiontext>
    <single>false</single>
    <answer fraction="50" format="html"><text>Nero</text></answer>
    <answer fraction="50" format="html"><text>Trajan</text></answer>
    <answer fraction="-100" format="html"><text>Cicero</text></answer>
  </question>

<!-- question: 110  -->
  <question type="description">
    <name>
      <text>Intro</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Read this first.</p><script>alert(1)</script>]]></text>
    </questiontext>
  </question>

</quiz>
"""


def test_a_file_as_moodle_exports_it():
    result = import_moodle_xml(MOODLE_EXPORT.encode())
    rome, rubicon, capital, rivers, kings, hills, two_right = result.questions
    assert rome == {
        "type": "multiple_choice",
        "prompt": "In which year was Rome founded?",
        "options": ["753 BC", "509 BC", "44 BC & later"],
        "answer": "753 BC",
        "explanation": "Varro’s date: 753 BC & no other.",
        "tags": ["rome", "legend"],
        "title": "Rome founding",
        "case_sensitive": False,
    }
    assert rubicon["answer"] is False
    assert rubicon["prompt"] == "Caesar crossed the Rubicon\nin 49 BC."
    assert rubicon["explanation"] == "Right, a trick question: it was January 49... no, wait."
    # Moodle's partial credit is kept, not dropped: Milan is worth half marks.
    assert capital["answer"] == ["Rome", "Roma", {"text": "Milan", "fraction": 0.5}]
    assert capital["explanation"] == "Yes."
    assert rivers["answer"] == [["Rome", "Tiber"], ["Paris", "Seine"]]
    assert rivers["options"] == ["Tiber", "Seine", "Danube"]
    assert kings["answer"] == ["Romulus", "Numa Pompilius", "Tullus Hostilius"] == kings["options"]
    assert kings["grading"] == "absolute_position"  # its <gradingtype>, kept
    # <single>false</single>: choose all that apply, each option's fraction kept.
    assert two_right["type"] == "multiple_answer"
    assert two_right["answer"] == [["Nero", 0.5], ["Trajan", 0.5], ["Cicero", -1.0]]
    assert hills["type"] == "fill_in"
    assert hills["answer"] == ["7"]
    assert hills["explanation"] == "Seven."
    assert result.skipped == [
        'question 7 "Essay": essay questions are not supported',
        'question 8 "Cloze": cloze (embedded answers) questions are not supported',
        'question 10 "Intro": a description is not a question',
    ]


def test_declared_single_byte_encoding_is_honoured():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><quiz><question type="truefalse">'
    data += "<questiontext><text>Café?</text></questiontext>"
    data += '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
    data += "</question></quiz>"
    assert import_moodle_xml(data.encode("latin-1")).questions[0]["prompt"] == "Café?"
    # A wrong declaration falls back to UTF-8 when the bytes are UTF-8.
    wrong = data.replace("ISO-8859-1", "no-such-encoding").encode()
    assert import_moodle_xml(wrong).questions[0]["prompt"] == "Café?"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol3;</text></questiontext></question></quiz>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><questiontext><text>&xxe;</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""

DTD_ONLY = b'<?xml version="1.0"?><!DOCTYPE quiz SYSTEM "http://example.com/quiz.dtd"><quiz/>'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "the file declares entities or a DTD, which are not accepted"),
        (EXTERNAL_ENTITY, "the file declares entities or a DTD, which are not accepted"),
        (DTD_ONLY, "the file declares entities or a DTD, which are not accepted"),
        (b"<quiz><question type='truefalse'>", "the file is not well-formed XML (no element found: line 1, column 33)"),
        (b"<quiz>\n<a></b></quiz>", "not well-formed XML (mismatched tag: line 2"),
        (b"", "the file is empty: it contains no questions"),
        (b"<quiz>\n</quiz>", "the file contains no questions"),
        (b'<quiz><question type="category"/></quiz>', "the file contains no questions"),
        (b"<html><body/></html>", "the root element is <html>, not <quiz>"),
        (b"<quiz>caf\xe9</quiz>", "the file is not valid utf-8 text"),
        (b'<?xml version="1.0" encoding="UTF-8"?><quiz>\xff\xfe</quiz>', "the file is not valid utf-8 text"),
        (b'<?xml version="1.0" encoding="ascii"?><quiz>\xc3\xa9\xff</quiz>', "not valid ascii nor utf-8 text"),
        (bytes(range(256)) * 8, "not valid utf-8"),
        (b"\x00\x01\x02\x03garbage", "not well-formed XML"),
    ],
)
def test_hostile_and_malformed_files_are_refused(data, message):
    with pytest.raises(InterchangeError) as caught:
        import_moodle_xml(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_oversized_and_overfull_files_are_refused():
    data = export_moodle_xml(plain_questions())
    with pytest.raises(InterchangeError, match=r"^the file is \d+(\.\d)? KB; at most 500 bytes$"):
        import_moodle_xml(data, max_bytes=500)
    with pytest.raises(InterchangeError, match="the file has 6 questions; at most 5"):
        import_moodle_xml(data, max_questions=5)


def test_broken_questions_are_skipped_and_the_rest_imported():
    data = b"""<quiz>
      <question type="truefalse"><name><text>No answers</text></name>
        <questiontext format="html"><text>Q?</text></questiontext></question>
      <question type="multichoice"><questiontext><text>Bad fraction</text></questiontext>
        <answer fraction="abc"><text>a</text></answer></question>
      <question type="shortanswer"><questiontext format="plain_text"><text>a &lt;b&gt; c</text></questiontext>
        <answer fraction="100"><text>x &lt; y</text></answer></question>
      <question type="ddwtos"><questiontext><text>Drag</text></questiontext></question>
    </quiz>"""
    result = import_moodle_xml(data)
    assert result.questions[0]["prompt"] == "a <b> c"
    assert result.questions[0]["answer"] == ["x < y"]
    assert result.skipped == [
        'question 1 "No answers": a true/false question needs two answers, not 0',
        "question 2 \"Bad fraction\": an answer has an invalid fraction 'abc'",
        'question 4 "Drag": ddwtos questions are not supported',
    ]


def test_invalid_questions_are_refused_on_export():
    with pytest.raises(InterchangeError, match=r'question 2 "Q": a true/false answer must be true or false'):
        export_moodle_xml([plain_questions()[0], {"type": "true_false", "prompt": "Q", "answer": "yes"}])


def test_a_question_with_hundreds_of_answers_is_skipped():
    answers = b'<answer fraction="0"><text>x</text></answer>' * 300
    data = b'<quiz><question type="multichoice"><questiontext><text>Many</text></questiontext>'
    data += answers + b"</question></quiz>"
    assert import_moodle_xml(data).skipped == ['question 1 "Many": the question has 300 answers; at most 200']
