"""Dates (quality, round 18): a three-digit year read as a year, not a count, so that a choice never mixes years
with counts; and a fill-in on a full date after "on" that accepts the year alone where the document dates nothing
else to that year."""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.nlp import get_nlp

from ._articles import clean
from .test_fill_in_answers import _fill_ins

MEDIEVAL = (
    "Prince Oleg of Velm ruled from 980 to 1015. In 987 the emperor faced a rebellion led by the general Bardas. "
    "Oleg sent 6,000 warriors to the emperor. Oleg was baptised in 957 at the harbour of Velm. "
    "In 986 envoys from several faiths came to Velm. The stone church was finished in 996 by Greek builders. "
    "Oleg died in 1015, and his sons fought over Velm."
)


def _kinds(text: str) -> dict[str, tuple[str, object]]:
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    return {m.text: (m.label, m.date.year if m.date else None) for m in corpus.mentions()}


def test_a_three_digit_year_after_in_is_a_year():
    kinds = _kinds(MEDIEVAL)
    for year in ("987", "957", "986", "996"):
        assert kinds[year] == ("DATE", int(year)), year
    assert kinds["6,000"][0] == "CARDINAL"


def test_a_three_digit_count_stays_a_count():
    kinds = _kinds(
        "The fleet of Velm sailed in 1204. The duke arrived in 300 ships at the harbour. "
        "The council voted by 150 of its members."
    )
    assert kinds["300"] == ("CARDINAL", None)
    assert kinds["150"] == ("CARDINAL", None)
    # no full year of the document within reach: a count in a modern article
    assert _kinds("The ministry was founded in 2019. By 250 the tally stood.")["250"] == ("CARDINAL", None)


VASA = (
    "The warship Tessa sank in Velm harbour on 10 August 1628. The wreck was found by Anders Velden in 1956. "
    "On 24 April 1961, Tessa broke the surface for the first time in 333 years."
)


def test_on_a_full_date_the_year_alone_is_accepted():
    assert "1961" in _fill_ins(VASA)[0]["24 April 1961"]


def test_on_a_full_date_the_year_alone_is_refused_where_the_year_holds_another_date():
    text = VASA + " On 4 May 1961 the hull was towed into dry dock."
    assert "1961" not in _fill_ins(text)[0]["24 April 1961"]
