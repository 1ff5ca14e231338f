"""The place a whole document is about is no answer (a made-up article on a made-up monastery)."""

from types import SimpleNamespace

from quizapp.generation import guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.pipeline import analyse
from quizapp.generation.setting import document_settings, is_setting
from quizapp.generation.types import QuestionDraft, Source

from ._articles import clean

# Norway is named in every paragraph; Tarsk, Ostrel and Brinmouth once or twice each.
TEMPLE = """The temple of Kaluvar

The temple of Kaluvar stands in the hills of central Norway, about 40 km north of the port of Tarsk. It was built by the Sandhara kings between 780 and 830, when Norway was the richest kingdom of the north.

Pilgrims came to Norway from the southern kingdoms in great numbers. In 1006 an eruption of Mount Orun buried the terraces in ash, and the court moved east to Ostrel. The kings of Norway never returned to the temple.

Over the next centuries the jungle covered the site. In 1814 the governor Edwin Marsh heard of the ruins from villagers of Norway and sent the engineer Hendrik Cole to clear them. Cole's team of 200 men worked for six weeks.

The first full restoration took place between 1907 and 1911 under Theo van Erp. A second one, from 1975 to 1982, was paid for by the government of Norway and by a fund raised in Brinmouth. The temple was listed as a world heritage site in 1991, and today it is the most visited monument of Norway.
"""  # noqa: E501


def test_a_qualified_or_bare_setting_is_the_setting():
    assert is_setting("Norway", "norway")
    assert is_setting("central Norway", "norway")
    assert not is_setting("Tarsk", "norway")
    assert not is_setting("Norway", "")


def test_the_most_named_place_is_the_setting_and_no_key():
    corpus, _ctx, _report = analyse([clean("temple.txt", TEMPLE)], None, None)
    assert document_settings(corpus) == {0: "norway"}
    quote = "Pilgrims came to Norway from the southern kingdoms in great numbers."
    draft = QuestionDraft(
        type="fill_in",
        prompt="Pilgrims came to _____ from the southern kingdoms in great numbers.",
        answer=["Norway"],
        sources=[Source("temple.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=3, para=2, doc=0, heading=False, start=0)
    asked = Candidate(draft, "Norway", [sent], 0.9, "cloze", "3:Norway", setting="norway")
    assert "setting" in (guards.GUARDS["setting"](asked) or "")
    elsewhere = Candidate(draft, "Norway", [sent], 0.9, "cloze", "3:Norway", setting="tarsk")
    assert guards.GUARDS["setting"](elsewhere) is None


def test_two_places_named_as_often_make_no_setting():
    text = TEMPLE.replace("Norway", "Norway and Tarsk")
    corpus, _ctx, _report = analyse([clean("two.txt", text)], None, None)
    assert document_settings(corpus) == {}


def _as_city(text):
    return text.replace("Norway", "Bergen").replace("kingdom", "port").replace("government", "council")


def test_a_city_named_most_often_is_no_setting():
    # where a thing stood in the city an article is about is often the point of a question
    corpus, _ctx, _report = analyse([clean("city.txt", _as_city(TEMPLE))], None, None)
    assert document_settings(corpus) == {}
