"""Apparatus is never a question's source: objectives, tasks, captions, review sections, a list set for the reader,
a kicker line before the title; and a title's capitals are not copied into a prompt. (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation import DocumentInput, generate
from quizapp.generation.caps import sentence_case
from quizapp.generation.source_form import not_a_statement, page_furniture

from ._articles import parsed, sentence

BODY = (
    "The guild of Orvel built a cloth hall beside the river Sabel in 1702. "
    "Duke Anselm of Varro besieged the town with three thousand men in 1705."
)


def test_a_plain_statement_is_a_source():
    c = parsed(BODY)
    assert not_a_statement(c, sentence(c, "cloth hall")) is None


def test_a_sentence_to_the_reader_is_not_a_source():
    c = parsed(BODY + " By the end of this section you will be able to explain why the cloth trade of Orvel grew.")
    assert not_a_statement(c, sentence(c, "you will")) == "the sentence addresses the reader"


def test_you_inside_a_quotation_is_the_source_speaking():
    c = parsed(BODY + ' The duke wrote to the guild that "you shall pay or burn" before the siege began in 1705.')
    assert not_a_statement(c, sentence(c, "shall pay")) is None


def test_an_instruction_after_a_participle_is_not_a_source():
    c = parsed(BODY + " Using the map, name two towns that traded cloth with Orvel and two that sold it wool.")
    assert not_a_statement(c, sentence(c, "Using the map")) == "the sentence is an instruction"


def test_a_caption_without_a_finite_verb_is_not_a_source():
    caption = "Pieter Vogt's Harvest of Orvel on the main staircase of the Town Hall, painted between 1710 and 1715."
    c = parsed(BODY + " " + caption)
    assert "caption" in (not_a_statement(c, sentence(c, "Harvest of Orvel")) or "")
    # a past verb after a subject in apposition is a statement
    c = parsed("In 1705 the guild masters under Pieter Vogt, mayor of Orvel, retaliated by burning the duke's camp.")
    assert not_a_statement(c, sentence(c, "retaliated")) is None


def test_a_sentence_whose_paragraph_ends_in_a_pictures_credit_is_a_caption():
    c = parsed(BODY + "\n\nThe old cloth hall still stands on the corner of Mill Lane. Photo: town archive.\n\n" + BODY)
    assert "caption" in (not_a_statement(c, sentence(c, "still stands")) or "")
    assert not_a_statement(c, sentence(c, "cloth hall beside")) is None  # the prose around it is a source
    c = parsed(BODY + " The photograph by the mayor shows the hall in 1705.")
    assert not_a_statement(c, sentence(c, "photograph by")) is None  # a sentence about a photograph is prose


def test_a_sentence_that_only_says_scholars_debate_is_not_a_source():
    c = parsed(BODY + " Historians still debate the character of the Orvel guild. Historians think that the duke lied.")
    assert "debate" in (not_a_statement(c, sentence(c, "still debate")) or "")
    assert not_a_statement(c, sentence(c, "duke lied")) is None


def test_a_sentence_under_a_review_heading_is_not_a_source():
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    text = (
        f"# Orvel\n\n{BODY}\n\n## Review questions\n\nThe siege of 1705 was the worst disaster of the guild of Orvel.\n"
    )
    c = parse_corpus([ingest(DocumentInput("orvel.md", text))], get_nlp())
    assert "Review questions" in (not_a_statement(c, sentence(c, "worst disaster")) or "")


def test_the_answers_of_a_questions_and_answers_explainer_are_sources():
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    text = (
        "THE GUILD OF ORVEL: QUESTIONS AND ANSWERS\n\nWho built the cloth hall?\n\n"
        "The guild of Orvel built a cloth hall beside the river Sabel in 1702.\n"
    )
    c = parse_corpus([ingest(DocumentInput("orvel.txt", text))], get_nlp())
    assert not_a_statement(c, sentence(c, "cloth hall beside")) is None


def test_the_list_a_sentence_to_the_reader_opens_is_not_a_source():
    c = parsed(
        "In this section you will learn:\n\nhow the guild of Orvel built its cloth hall in 1702\n\n"
        "why Duke Anselm of Varro besieged the town in 1705\n\nMain text\n\n" + BODY
    )
    assert not_a_statement(c, sentence(c, "why Duke")) == "the sentence is an item of a list set for the reader"
    assert not_a_statement(c, sentence(c, "besieged the town with")) is None


def test_review_questions_of_a_markdown_section_make_no_question():
    text = (
        "# The cloth town of Orvel\n\n" + BODY + " The guild paid a ransom of 9,000 florins to Duke Anselm.\n\n"
        "### Review questions\n\n"
        "1. Using the table, name two goods that came to Orvel from Flanders, and two that left Varro.\n"
        "2. The ransom of 9,000 florins ruined the guild of Orvel within ten years.\n"
    )
    result = generate([DocumentInput("orvel.md", text)])
    assert result.questions
    assert not any("Flanders" in q.prompt or "ruined" in q.prompt for q in result.questions)


def test_a_kicker_line_before_the_title_gives_no_options():
    html = (
        "<html><body><article><p>Trade &amp; Crafts \u00b7 Feature</p><h1>The cloth town of Orvel</h1>"
        f"<p>{BODY}</p></article></body></html>"
    )
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    c = parse_corpus([ingest(DocumentInput("orvel.html", html))], get_nlp())
    kicker = sentence(c, "Feature")
    assert page_furniture(c, kicker)
    assert not page_furniture(c, sentence(c, "cloth hall"))


def test_capitals_from_a_title_are_written_as_the_prose_writes_them():
    c = parsed(
        "The Orvel cloth hall stood beside the river. The hall burned down in 1711.", titles=("ORVEL CLOTH HALL",)
    )
    s = sentence(c, "burned down")
    assert (
        sentence_case(c, s, "The ORVEL CLOTH HALL burned down in _____.")
        == "The Orvel cloth hall burned down in _____."
    )
    # an acronym the prose also writes in capitals stays
    c = parsed("The NATO summit met in Orvel. The summit closed in 1999.", titles=("NATO IN ORVEL",))
    assert (
        sentence_case(c, sentence(c, "closed"), "The NATO summit closed in _____.")
        == "The NATO summit closed in _____."
    )


def test_a_debate_announced_without_its_argument_is_not_a_source():
    c = parsed(
        BODY + " The biggest argument among art historians concerns Pieter Vogt. The role of Anselm has been debated."
        " The dispute concerned the tolls of the river Sabel. Anselm was disputed by the guild in 1706."
        " The crown of Varro is then disputed between Anselm and Vogt."
    )
    assert "debate" in (not_a_statement(c, sentence(c, "biggest argument")) or "")
    assert "debate" in (not_a_statement(c, sentence(c, "has been debated")) or "")
    # a dispute of the story itself, and a past dispute, are facts
    assert not_a_statement(c, sentence(c, "dispute concerned")) is None
    assert not_a_statement(c, sentence(c, "disputed by the guild")) is None
    assert not_a_statement(c, sentence(c, "then disputed")) is None  # a timeline's present tells the story


def test_a_teaser_of_participles_without_a_subject_is_not_a_source():
    teaser = "Burnt, rebuilt, sold and hidden in a cellar: the strange afterlife of the cloth hall of Orvel."
    listed = "Seized, sold, split up, hidden in a mine and cleaned back to life: the afterlife of the Orvel altarpiece."
    prose = "The hall was burnt, rebuilt and sold: the guild of Orvel lost it."
    c = parsed(teaser + "\n\n" + listed + "\n\n" + BODY + " Founded in 1650, the guild of Orvel sold cloth. " + prose)
    assert "teaser" in (not_a_statement(c, sentence(c, "hidden in a cellar")) or "")
    assert "teaser" in (not_a_statement(c, sentence(c, "hidden in a mine")) or "")
    assert not_a_statement(c, sentence(c, "was burnt")) is None  # a subject and its auxiliary
    # an opening participle phrase before a subject and its finite verb is prose
    assert not_a_statement(c, sentence(c, "Founded in 1650")) is None


def _file_parsed(name, text):
    """The corpus of one uploaded file, read by the reader of its format."""
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    return parse_corpus([ingest(DocumentInput(name, text))], get_nlp())


def test_a_title_that_promises_questions_heads_the_article_not_apparatus():
    text = (
        "The Guild of Orvel Explained: Five Questions\n\nWho built the cloth hall?\n\n"
        "The guild of Orvel built a cloth hall beside the river Sabel in 1702.\n"
    )
    c = _file_parsed("orvel.txt", text)
    assert not_a_statement(c, sentence(c, "cloth hall beside")) is None
    assert generate([DocumentInput("orvel.txt", text + "\n" + BODY.split(". ")[1] + "\n")]).questions


def test_a_title_that_is_only_review_questions_still_heads_apparatus():
    text = "# Chapter 5 review questions\n\nThe siege of 1705 was the worst disaster of the guild of Orvel.\n"
    c = _file_parsed("orvel.md", text)
    assert "review questions" in (not_a_statement(c, sentence(c, "worst disaster")) or "")
