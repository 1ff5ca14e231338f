"""A table's rows ("Season | Months | Main work") become a matching question: its key column against another
column whose header is a noun and whose cells are short. (Texts made up for the tests.)"""

from __future__ import annotations

from collections import Counter

from quizapp.generation import DocumentInput, generate
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.tables import find_tables, table_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.guards import first_failure

TABLE = (
    "The Orvel calendar had three seasons, each tied to the river Sabel.\n\n"
    "Season | Months | Main work\n\n"
    "Varna (flood) | June to October | Repairing the dykes and the granaries\n\n"
    "Telos (growing) | November to February | Ploughing and sowing barley\n\n"
    "Quen (harvest) | March to May | Reaping, threshing and storing grain\n\n"
    "Farmers paid their tax in grain after the harvest."
)


def _table_doc():
    return DocumentInput("orvel.md", "# The Orvel farming year\n\n" + TABLE)


def _ingested():
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    return parse_corpus([ingest(_table_doc())], get_nlp())


def test_a_table_of_short_cells_is_a_matching_question():
    corpus = _ingested()
    tables = find_tables(corpus)
    assert [t.header for t in tables] == [["Season", "Months", "Main work"]]
    made = table_candidates(Context(corpus, DistractorIndex(corpus)))
    assert made, "a table with a noun header and short cells makes a matching question"
    first = made[0].draft
    assert first.prompt == "Match each season with the months."
    assert first.answer[0] == ["Varna (flood)", "June to October"]
    assert first_failure(made[0]) is None  # the cells' bars are the table's, not a menu's
    # every source is a row, verbatim at its offsets
    text = corpus.documents[0].text
    assert all(text[s.start : s.end] == s.quote and " | " in s.quote for s in first.sources)


def test_a_column_whose_header_is_no_noun_is_not_asked():
    text = TABLE.replace("Season | Months | Main work", "Season | Months | Associated with")
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    corpus = parse_corpus([ingest(DocumentInput("orvel.md", "# The Orvel year\n\n" + text))], get_nlp())
    prompts = [c.draft.prompt for c in table_candidates(Context(corpus, DistractorIndex(corpus)))]
    assert prompts == ["Match each season with the months."]


def test_the_pipeline_asks_the_table():
    result = generate([_table_doc()])
    kinds = Counter(q.type for q in result.questions)
    assert kinds["matching"] >= 1
    assert any(q.prompt == "Match each season with the months." for q in result.questions)


def test_a_column_of_dates_is_matched_to_the_names_beside_it():
    text = (
        "New machines changed the mills of Orvel.\n\n"
        "Date | Machine | Maker\n\n"
        "1731 | Fast comb | Jan Orrik of Varro\n\n"
        "1748 | Twisting frame | Piet Anvers of Kesh\n\n"
        "1762 | Water mule | Klara Haldsson"
    )
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    corpus = parse_corpus([ingest(DocumentInput("orvel.md", "# The Orvel mills\n\n" + text))], get_nlp())
    made = table_candidates(Context(corpus, DistractorIndex(corpus)))
    assert made[0].draft.prompt == "Match each machine with the date."
    assert made[0].draft.answer[0] == ["Fast comb", "1731"]


def test_a_key_value_box_is_no_table_to_match():
    text = (
        "The book was printed in Orvel.\n\n"
        "Language | New Latin\n\n"
        "Subject | Mechanics of the river mills\n\n"
        "Publisher | Piet Anvers, for the Guild\n\n"
        "Publication date | 5 July 1702"
    )
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    corpus = parse_corpus([ingest(DocumentInput("orvel.md", "# The Orvel book\n\n" + text))], get_nlp())
    assert table_candidates(Context(corpus, DistractorIndex(corpus))) == []
