"""What the whole document is about is no answer, whatever its kind (made-up articles): the person its title names
and its body keeps naming, the nation its people's adjective keeps pointing at; and no blank, stem or option
that gives it away."""

from types import SimpleNamespace

from quizapp.generation import guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.giveaways import people_word
from quizapp.generation.pipeline import analyse
from quizapp.generation.setting import document_settings, is_subject, subject_words
from quizapp.generation.types import Block, CleanDocument, QuestionDraft, Source

from ._articles import clean

# A life of a made-up astronomer: the title gives "Orvan Telk", the body says "Orvan" throughout, and his birth
# names him in full ("Orvald Besse Telk").
LIFE = """Orvan Telk (1601-1660): The Watcher of Sarn

Orvald Besse Telk, known as Orvan, was born in 1601 at Holmgard in the duchy of Vestra.
Orvan studied at the college of Halm, where the teacher Ida Marr showed him the stars.
In 1630 Orvan built an observatory on the island of Sarn with money from the duke.
Orvan measured the places of a thousand stars with great care.
His assistant Piet Lund copied the tables after Orvan fell ill in 1659.
Orvan died at Holmgard in 1660, and Lund printed the tables two years later.
"""

# A made-up venture of a real nation: the title does not name Scotland; the body names it or its people throughout.
VENTURE = """The Harrow Bay Venture Explained

Between 1700 and 1705 Scotland tried to found a fishing colony at Harrow Bay.
Scottish investors put a fifth of the nation's money into the company.
The Scots sailed from Leith in three ships in 1701.
At Harrow Bay the colonists built a fort and a harbour wall.
Fever killed half of the Scottish settlers in the first winter.
The English government forbade its colonies to trade with the Scots.
The survivors returned to Scotland in 1705, and the company was wound up.
Harrow Bay was abandoned, and Scotland's losses were paid back by the Treaty of Westford.
"""


def _candidate(prompt, key, quote, **kw):
    draft = QuestionDraft(
        type=kw.pop("type", "fill_in"),
        prompt=prompt,
        answer=kw.pop("answer", [key]),
        options=kw.pop("options", []),
        sources=[Source("a.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=1, para=1, doc=0, heading=False, start=0)
    return Candidate(draft, key, [sent], 0.9, "cloze", f"1:{key}", **kw)


def test_the_person_the_title_names_and_the_body_keeps_naming_is_the_subject():
    corpus, _ctx, _report = analyse([clean("life.txt", LIFE)], None, None)
    words = subject_words(corpus, 0)
    assert {"orvan", "telk"} <= words
    assert "watcher" not in words  # "The Watcher of Sarn": the body names Sarn once, so that part is no subject
    assert is_subject("Orvald Besse Telk", words)
    assert not is_subject("Ida Marr", words)
    quote = "Orvald Besse Telk, known as Orvan, was born in 1601 at Holmgard in the duchy of Vestra."
    asked = _candidate(
        "_____, known as Orvan, was born in 1601 at Holmgard.", "Orvald Besse Telk", quote, subject=words
    )
    assert "subject" in (guards.GUARDS["setting"](asked) or "")
    other = _candidate("_____ was born in 1601 at Holmgard.", "Holmgard", quote, subject=words)
    assert guards.GUARDS["setting"](other) is None


def test_a_title_word_the_body_writes_in_lower_case_is_no_name():
    text = LIFE.replace("Orvan Telk (1601-1660): The Watcher of Sarn", "The Telk Observatory") + (
        "The observatory was pulled down in 1700.\n"
    )
    corpus, _ctx, _report = analyse([clean("obs.txt", text)], None, None)
    assert "observatory" not in subject_words(corpus, 0)


def test_a_nation_its_people_keep_pointing_at_is_the_setting():
    corpus, _ctx, _report = analyse([clean("venture.txt", VENTURE)], None, None)
    assert document_settings(corpus) == {0: "scotland"}


def test_the_stem_may_not_name_the_key_place_by_its_people():
    assert people_word("Scottish merchants were shut out, and _____ had no empire.", "Scotland") == "Scottish"
    assert people_word("The Dutch traded at _____.", "the Netherlands") == "Dutch"
    assert people_word("The tent poles broke in _____.", "Poland") is None  # a common word, not the people
    quote = "Scottish merchants were shut out, and Scotland had no empire."
    c = _candidate("Scottish merchants were shut out, and _____ had no empire.", "Scotland", quote)
    assert "Scottish" in (guards.GUARDS["key_not_in_prompt"](c) or "")


def test_a_blank_never_takes_part_of_a_name_or_word():
    quote = "Visitors who enter St Bavo's Cathedral in Ghent fall quiet."
    split = _candidate("Visitors who enter St Bavo's _____ fall quiet.", "Cathedral in Ghent", quote)
    assert guards.GUARDS["split_name"](split)
    whole = _candidate("Visitors who enter _____ fall quiet.", "St Bavo's Cathedral", quote)
    assert guards.GUARDS["split_name"](whole) is None
    # a possessive before a name of its own is no split: "Napoleon's _____" for "Grande Armée"
    army = _candidate("Napoleon's _____ crossed the Niemen.", "Grande Armée", "Napoleon's Grande Armée crossed.")
    assert guards.GUARDS["split_name"](army) is None
    hyphen = _candidate("The islanders made two- _____ across the ocean.", "way voyages", "two-way voyages")
    assert guards.GUARDS["split_name"](hyphen)


def test_where_is_never_answered_by_a_time():
    quote = "The games took place in Korvion (July-August) and lasted five days."
    options = ["Korvion", "Delmos", "Harath", "Sennet"]
    month = _candidate(
        "Where did the games take place?", "Korvion", quote, type="multiple_choice", answer="Korvion", options=options
    )
    assert "time" in (guards.GUARDS["wh_kind"](month) or "")
    quote = "The games took place in Korvion, a town by the sea, and lasted five days."
    town = _candidate(
        "Where did the games take place?", "Korvion", quote, type="multiple_choice", answer="Korvion", options=options
    )
    assert guards.GUARDS["wh_kind"](town) is None
    attic = _candidate(
        "Where were the rites held?", "Boedromion", "The rites were held in Boedromion.", type="multiple_choice",
        answer="Boedromion", options=["Boedromion", "Delmos", "Harath", "Sennet"],
    )  # fmt: skip
    assert guards.GUARDS["wh_kind"](attic)


def test_a_name_the_body_writes_far_more_than_any_other_is_the_subject_under_any_title():
    # the title names no one; Kelmar stands in every sentence, Dorn in one
    text = LIFE.replace("Orvan Telk (1601-1660): The Watcher of Sarn", "Walls of stone: the city of gold").replace(
        "Orvan", "Kelmar"
    )
    corpus, _ctx, _report = analyse([clean("city.txt", text)], None, None)
    words = subject_words(corpus, 0)
    assert "kelmar" in words
    assert "watcher" not in words
    assert is_subject("Kelmar", words)
    assert not is_subject("Piet Lund", words)


def _headed(name, lines, headings):
    """A CleanDocument whose first ``headings`` lines are headings, the first of them its title."""
    text = "\n".join(lines) + "\n"
    blocks, at = [], 0
    for n, line in enumerate(lines):
        blocks.append(Block(at, at + len(line), "heading" if n < headings else "paragraph"))
        at += len(line) + 1
    return CleanDocument(name=name, title=lines[0], format="txt", text=text, blocks=tuple(blocks))


def test_the_subject_stands_in_the_heading_under_a_series_title():
    body = LIFE.splitlines()[1:]
    # a series' name over the subject's, and a title broken over two lines that the page did not mark as headings
    series = (["Lives of the Stars | Biography series", "Orvan Telk (1601-1660)"], 2)
    for first, headings in (series, (["Orvan Telk, 1601-1660:", "Explained"], 0)):
        corpus, _ctx, _report = analyse([_headed("life.txt", [*first, *body], headings)], None, None)
        words = subject_words(corpus, 0)
        assert is_subject("Orvald Besse Telk", words)
        assert not is_subject("Ida Marr", words)


def test_a_title_in_capitals_names_the_subject():
    text = LIFE.replace("Orvan Telk (1601-1660): The Watcher of Sarn", "ORVAN TELK (1601-1660)")
    corpus, _ctx, _report = analyse([clean("life.txt", text)], None, None)
    assert is_subject("Orvald Besse Telk", subject_words(corpus, 0))
