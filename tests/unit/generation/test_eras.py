"""Centuries and decades as keys of choice questions (issue #15; texts made up for the tests).

"In the twelfth century traders rebuilt the harbour" asks "In which century ...?" with the neighbouring
centuries as options; a phrase that bounds a stretch, a generalisation, or an event other sources put a century
off makes no question.
"""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.eras import Era, era_candidates, parse_era
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.giveaways import is_date_key
from quizapp.generation.nlp import get_nlp

from ._articles import clean


def _questions(text):
    """(prompt, key, options) of every finished century or decade question of the text."""
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    out = []
    for s in corpus.sentences:
        for c in era_candidates(ctx, s):
            if c.complete():
                out.append((c.draft.prompt, c.draft.answer, c.draft.options))
    return out


def test_a_century_dating_the_main_event_keys_a_question_with_its_neighbours():
    text = (
        "The town of Velmora was founded by fishermen in the 9th century. "
        "Traders from Ostrand rebuilt the harbour of Velmora during the twelfth century. "
        "A storm flooded the marshes of Brugen in 1210."
    )
    qs = {q[0]: q for q in _questions(text)}
    q = qs["In which century did traders from Ostrand rebuild the harbour of Velmora?"]
    assert q[1] == "twelfth century"  # as the article writes it, so that the key stands in its sentence
    assert q[2] == ["tenth century", "eleventh century", "twelfth century", "thirteenth century"]


def test_qualifier_goes_with_the_phrase_and_the_question_asks_the_century_alone():
    qs = _questions("The Ostrand league declined in the late 14th century. A fire destroyed its hall in 1420.")
    assert len(qs) == 1
    prompt, key, options = qs[0]
    assert prompt == "In which century did the Ostrand league decline?"
    assert key == "14th century"
    assert not any("late" in o for o in options)


def test_centuries_before_christ_count_down_and_step_over_year_zero():
    qs = _questions("The kingdom of Dassa conquered the coastal plain in the 3rd century BCE.")
    assert qs
    assert qs[0][1] == "3rd century BCE"
    # no century two or more after the article's last date (round 24): the 1st BCE is one, the 1st CE another
    assert qs[0][2] == ["5th century BCE", "4th century BCE", "3rd century BCE", "2nd century BCE"]
    assert Era(100, -1).shifted(1) == Era(100, 1)
    assert Era(100, 1, era="AD").shifted(-1) == Era(100, -1, era="AD")
    assert Era(100, -2, era="BC").render() == "2nd century BC"


def test_a_qualified_decade_asks_for_the_decade():
    qs = _questions("Merchants of Velmora built a great hall in the early 1880s. The hall burned in 1911.")
    assert [(q[1], q[2]) for q in qs] == [("1880s", ["1880s", "1890s", "1900s", "1910s"])]
    assert qs[0][0].lower() == "in which decade did merchants of velmora build a great hall?"


def test_stretches_generalisations_and_reports_make_no_question():
    text = (
        "Since the 19th century historians have debated the origins of the league. "
        "From the 12th to the 14th century the league controlled the grain trade. "
        "In the 18th century scholars argued that the league was founded by monks. "
        "By the 15th century the league had lost its fleet."
    )
    assert _questions(text) == []


def test_another_date_putting_the_same_event_a_century_off_makes_no_question():
    text = (
        "The monks of Arnholt built the abbey of Sankt Irmen in the 11th century. "
        "Other chronicles say the monks of Arnholt built the abbey of Sankt Irmen in 1120."
    )
    assert not any(q[1] == "11th century" for q in _questions(text))


def test_a_century_the_article_gives_the_same_subject_is_no_option():
    text = (
        "The city of Tarvena minted gold coins in the 10th century. "
        "The city of Tarvena lost its mint in the 11th century. "
        "Pilgrims crossed the river Amber in 1290."
    )
    q = next(q for q in _questions(text) if q[1] == "10th century")
    assert "11th century" not in q[2]


def test_options_stay_inside_the_years_the_article_covers():
    text = (
        "Weavers from Larn settled in the valley in 1110. "
        "The weavers of Larn built a cloth hall in the 12th century. "
        "A flood ruined the valley in 1480."
    )
    q = next(q for q in _questions(text) if q[1] == "12th century")
    assert q[2] == ["12th century", "13th century", "14th century", "15th century"]


def test_century_keys_count_as_dates():
    assert parse_era("the mid-1500s") == (Era(100, 16, "hundreds"), "mid")
    assert is_date_key("the 12th century", "In which century did the weavers build a hall?")


def test_a_participle_dating_a_noun_asks_when_the_noun_was_made():
    qs = _questions("The north tower, built in the twelfth century, has a plain stone spire. A fire hit it in 1194.")
    assert ("In which century was the north tower built?", "twelfth century") in [(q[0], q[1]) for q in qs]


def test_a_year_beside_the_century_makes_no_question():
    assert _questions("In the early 10th century, around 928 CE, the court of Varesh moved to the coast.") == []


def test_the_end_or_half_of_a_century_asks_the_century_and_an_era_marker_goes_with_it():
    qs = _questions(
        "At the end of the fourteenth century the guild of Marlow built a stone bridge. "
        "In the sixth century BCE Korinna founded a colony on the isle of Sarn. "
        "The temple of Korinna burned in 480 BCE."
    )
    keys = {q[1]: q[0] for q in qs}
    assert keys.get("fourteenth century") == "In which century did the guild of Marlow build a stone bridge?"
    assert keys.get("sixth century BCE") == "In which century did Korinna found a colony on the isle of Sarn?"


def test_lasting_conditions_and_unnamed_subjects_make_no_question():
    text = (
        "In the sixth century BCE Korinna was ruled by wealthy families. "
        "The mines of Varos opened in 1540. In the seventeenth century the ore grew poorer. "
        "In the eighteenth century it declined."
    )
    assert _questions(text) == []
