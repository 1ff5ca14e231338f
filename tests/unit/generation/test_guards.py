"""Each guard on a crafted candidate: it lets a good one through and is the first to fail a bad one."""

from types import SimpleNamespace

import pytest

from quizapp.generation import generate, guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.textutil import word_count
from quizapp.generation.types import QuestionDraft, Source

QUOTE = "The Rhine bridge at Arnheim was completed by the engineer Otto Falk in 1872."


def _mc(
    prompt="Who completed the Rhine bridge at Arnheim in 1872?",
    answer="Otto Falk",
    options=("Otto Falk", "Karl Brandt", "Hugo Lenz", "Paul Weber"),
    quote=QUOTE,
    heading=False,
):
    draft = QuestionDraft(
        type="multiple_choice",
        prompt=prompt,
        answer=answer,
        options=list(options),
        sources=[Source("a.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=1, para=0, doc=0, heading=heading, start=0, mentions=[])
    return Candidate(draft, answer, [sent], 0.5, "wh", f"1:{answer}")


def _check(name, bad):
    good = _mc()
    assert guards.GUARDS[name](good) is None
    assert guards.GUARDS[name](bad), f"guard {name} let a bad candidate through"
    # the pipeline drops a candidate by the first guard it fails, and counts it under that guard's name
    assert guards.first_failure(good) is None
    assert guards.first_failure(bad)[0] == name


def test_key_in_source():
    _check("key_in_source", _mc(answer="Karl Brandt", options=("Otto Falk", "Karl Brandt", "Hugo Lenz", "Paul Weber")))


def test_key_not_in_prompt():
    _check("key_not_in_prompt", _mc(prompt="Did Otto Falk complete the Rhine bridge at Arnheim in 1872?"))


@pytest.mark.parametrize(
    "prompt",
    [
        "He completed which bridge in 1872?",
        "In return, who completed the bridge?",
        "One month later, who completed the bridge at Arnheim?",
        "Who built these bridges for these purposes?",
        "Who was the latter engineer at the bridge?",
    ],
)
def test_anaphora(prompt):
    _check("anaphora", _mc(prompt=prompt))


def test_prompt_length():
    long_prompt = "Who " + " ".join(["completed"] * 30) + " the bridge?"
    _check("prompt_length", _mc(prompt=long_prompt))


def test_a_prompt_of_28_words_is_short_enough():
    prompt = "In 1301 the " + " ".join(["old"] * 22) + " town hall burned."
    assert word_count(prompt) == 28
    assert guards.prompt_length(_mc(prompt=prompt)) is None
    assert guards.prompt_length(_mc(prompt=prompt.replace("In 1301", "In May 1301"))) is not None


def test_chrome():
    _check("chrome", _mc(quote="Home | About | Contact (https://example.org/bridges) Otto Falk"))
    assert guards.no_chrome(_mc(heading=True))


def test_day_month_option():
    _check("day_month_option", _mc(answer="Otto Falk", options=("Otto Falk", "15.7.", "Hugo Lenz", "Paul Weber")))


def test_options_sound():
    _check("options", _mc(options=("Otto Falk", "Otto Falk Jr", "Hugo Lenz", "Paul Weber")))  # overlap
    assert guards.options_sound(_mc(options=("Otto Falk", "Arnheim", "Hugo Lenz", "Paul Weber")))  # in source
    assert guards.options_sound(_mc(options=("Otto Falk", "Hugo Lenz", "Paul Weber")))  # three options
    assert guards.options_sound(
        _mc(options=("Otto Falk", "Karl Maximilian von Brandenburg-Ansbach", "Hugo Lenz", "Paul Weber"))
    )  # length giveaway


def test_duplicate():
    a = _mc()
    same_fact = _mc(prompt="The Rhine bridge at Arnheim was completed in 1872 by the engineer _____.")
    assert guards.is_duplicate(same_fact, [a])
    other = _mc(prompt="Where was the Rhine bridge completed in 1872?", answer="Arnheim")
    other.fact = "1:arnheim"
    near = _mc(prompt="Where was the Rhine bridge completed in 1872 by Falk?", answer="Arnheim")
    near.fact = "2:arnheim"
    assert not guards.is_duplicate(other, [a])
    assert guards.is_duplicate(near, [other])


def test_pipeline_never_returns_pronoun_stems_or_chrome():
    from ._articles import clean

    text = (
        "Bridges of the Rhine\n\nHe completed the bridge at Arnheim in 1872. They opened it in 1873. "
        "It carried trains to Cologne from 1874.\n\n"
        "The engineer Otto Falk completed the Rhine bridge at Arnheim in 1872. "
        "The railway reached Cologne in 1874 and Bonn in 1880.\n\n"
        "Home | Bridges | Contact (https://example.org) Subscribe to our newsletter today for news"
    )
    result = generate([clean("b.txt", text)], max_questions=30)
    for q in result.questions:
        assert q.prompt.split()[0].lower() not in ("he", "they", "it"), q.prompt
        for s in q.sources:
            assert "https://" not in s.quote
    assert result.report.rejected_by_guard  # something was dropped, and counted by name


def test_context():
    _check("context", _mc(prompt="When did testing activities outweigh training activities?"))
    assert guards.has_context(_mc(prompt="In 1930, testing outweighed _____.")) is not None  # a year is not enough
    assert guards.has_context(_mc(prompt="When did the canal reach Wigan?")) is None


def test_a_name_at_the_start_of_a_prompt_is_context():
    # a capital at the start says nothing by itself; the source sentence's parse says whether it is a name
    from ._articles import parsed

    corpus = parsed("Venice grew rich because its merchants traded salt. Markets grew because roads improved.")
    named, plain = corpus.sentences[-2], corpus.sentences[-1]
    town = _mc(prompt="Venice grew rich because its merchants traded salt.")
    town.sentences = [named]
    assert guards.has_context(town) is None
    vague = _mc(prompt="Markets grew because roads improved.")
    vague.sentences = [plain]
    assert guards.has_context(vague) is not None


def test_the_name_the_title_gives_is_context():
    # the article's own subject, named in its title, tells the reader what the prompt is about
    site = _mc(prompt="Velmora was gradually abandoned from about _____.")
    site.title = "VELMORA"
    assert guards.has_context(site) is None
    site.title = "The harbours of Velm"
    assert guards.has_context(site) is not None  # another name
    common = _mc(prompt="Markets grew because roads improved.")
    common.title = "Markets and roads"
    assert guards.has_context(common) is not None  # a common word at the start is no name, title or not
    article = _mc(prompt="The young _____ published three essays in 1756.")
    article.title = "The Velm earthquake"
    assert guards.has_context(article) is not None


def test_quotes():
    _check("quotes", _mc(prompt='Who said the bridge at Arnheim was "a miracle of iron in 1872?'))
    assert guards.quotes_closed(_mc(prompt='Who called the bridge at Arnheim "a miracle of iron" in 1872?')) is None
    assert guards.quotes_closed(_mc(prompt="Who called the bridge at Arnheim \u201ca miracle of iron in 1872?"))
