"""Round 10 (issue #15): raw copy-and-paste leftovers make no question: a numbered table of contents on one line,
the items of a list run into the text, a bare infinitive put in the past (texts made up for the tests)."""

from quizapp.generation.fragments import list_item
from quizapp.generation.ingest.pipeline import ingest
from quizapp.generation.tense import past_statement
from quizapp.generation.types import DocumentInput

from ._articles import parsed, sentence

LIST = (
    "The guild of Osmira divides the age of the salt towns into:\n\n"
    "Early Osmar, from about 1500 BCE to 900 BCE, when settled fishing villages appear;\n\n"
    "Late Osmar, from 900 BCE to 300 BCE, when the towns grow;\n\n"
    "High Osmar, from 300 BCE to 100 CE, when the first iron furnaces appear.\n\n"
    "Not everyone accepts the scheme; some date the towns later. The guild met in 1402."
)


def test_the_items_of_a_list_are_no_sentences():
    c = parsed(LIST)
    items = [s.text.split(",")[0] for s in c.sentences if list_item(c, s)]
    assert items == ["Early Osmar", "Late Osmar", "High Osmar"]
    assert not list_item(c, sentence(c, "Not everyone"))  # a semicolon inside a line joins two statements


def test_a_numbered_table_of_contents_on_one_line_makes_no_question():
    text = (
        "The Harbour of Veldmark\n\nContents\n\n"
        "1 The town 2 The harbour 3 Trade and decline 4 Later history 5 See also\n\n"
        "1 The town\n\nVeldmark stood on a cliff above the river Sel. It was founded in 1204 by Duke Anselm of Brisk. "
        "The duke built a harbour of red stone in 1210. Merchants from Ostergau settled there in 1230.\n\n"
        "2 The harbour\n\nThe harbour silted up in 1390, and the merchants moved to Tesk in 1402."
    )
    clean = ingest(DocumentInput("veldmark.txt", text))
    assert "Later history" not in clean.text  # page chrome: no question can come from it
    assert "Veldmark stood on a cliff" in clean.text
    # a line that counts something is no table of contents
    kept = ingest(DocumentInput("ships.txt", text.replace("1 The town 2 The harbour", "1 ship came in 2 The harbour")))
    assert "Later history" in kept.text


def test_a_bare_infinitive_stays_bare_in_the_past():
    c = parsed("1402 - Friends of the rebels help them escape, many to the hills above Tesk.")
    out = past_statement(c, sentence(c, "escape"), "In 1402, friends of the rebels help them escape, many to _____.")
    assert out == "In 1402, friends of the rebels helped them escape, many to _____."
