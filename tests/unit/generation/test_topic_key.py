"""A key that is what the whole document is about, though its title does not say it, is no answer: a land whose
people the article follows, named by its adjective as often as by its name (a made-up article)."""

from types import SimpleNamespace

from quizapp.generation import guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.pipeline import analyse
from quizapp.generation.setting import names_topic, shares_stem
from quizapp.generation.types import QuestionDraft, Source

from ._articles import clean

# Veltria and its people are in nearly every sentence; Korran, Abel Strand and the Oss river in one or two.
TRADERS = """Traders of the Steppe

Veltria lay between the two great rivers of the eastern steppe. Veltrian merchants carried silk and silver to the markets of Korran in the sixth century. Each Veltrian family kept a house in the market towns along the road.

The merchant Abel Strand wrote letters home to Veltria in 612. His letters tell of a famine on the Oss river and of the price of silk. Veltrian traders settled in Korran and built a temple there.

After 750 the Veltrians lost their place on the road to new rivals. Their language was forgotten, and Veltria became a province of its neighbours. Historians read the Veltrian letters today for what they say about the trade.
"""  # noqa: E501


def test_two_forms_of_one_name_share_a_stem():
    assert shares_stem("veltrians", "veltria")
    assert shares_stem("egypt", "egyptian")
    assert not shares_stem("veltria", "velum")  # a short common start is no stem
    assert not shares_stem("korran", "korrantines")  # too long an ending


def test_the_name_no_other_outnumbers_is_the_topic():
    corpus, _ctx, _report = analyse([clean("traders.txt", TRADERS)], None, None)
    assert names_topic(corpus, 0, "Veltria")  # seven sentences say "Veltria", three more "Veltrian(s)"
    assert not names_topic(corpus, 0, "Korran")
    assert not names_topic(corpus, 0, "Abel Strand")
    assert not names_topic(corpus, 0, "612")


def test_the_topic_is_no_key():
    _corpus, ctx, _report = analyse([clean("traders.txt", TRADERS)], None, None)
    quote = "Veltria lay between the two great rivers of the eastern steppe."
    draft = QuestionDraft(
        type="fill_in",
        prompt="_____ lay between the two great rivers of the eastern steppe.",
        answer=["Veltria"],
        sources=[Source("traders.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=1, para=1, doc=0, heading=False, start=0)
    asked = Candidate(draft, "Veltria", [sent], 0.9, "cloze", "1:Veltria", topic=ctx.topic(sent))
    assert "most-named" in (guards.GUARDS["setting"](asked) or "")
    other = QuestionDraft(type="fill_in", prompt=draft.prompt, answer=["Korran"], sources=draft.sources)
    elsewhere = Candidate(other, "Korran", [sent], 0.9, "cloze", "1:Korran", topic=ctx.topic(sent))
    assert guards.GUARDS["setting"](elsewhere) is None
