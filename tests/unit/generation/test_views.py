"""Who held which view, as statements and as "who argued" (issue #15, round 23). Texts made up for the tests."""

from __future__ import annotations

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.debates import debate_candidates
from quizapp.generation.candidates.views import view_statements
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed

DEBATE = (
    "The trade of the Orvel coast has long divided historians. "
    "The Dutch historian Jan van Orrik argued that the trade of Orvel was carried by small pedlars. "
    "The historian Klara Haldsson, by contrast, contended that the merchants of Orvel shipped goods in bulk. "
    "King Anselm ruled Orvel from 1690 to 1720."
)


def _made(text, maker=view_statements):
    c = parsed(text)
    ctx = Context(c, DistractorIndex(c))
    return [(x.draft.prompt, x.draft.answer) for s in c.sentences for x in maker(ctx, s)]


def test_a_named_scholars_view_is_a_true_statement_naming_him_in_full():
    made = _made(DEBATE)
    assert ("Jan van Orrik argued that the trade of Orvel was carried by small pedlars.", True) in made
    assert ("Klara Haldsson contended that the merchants of Orvel shipped goods in bulk.", True) in made


def test_a_view_is_given_to_the_scholar_the_article_sets_against_him_as_a_false_statement():
    made = _made(DEBATE)
    assert ("Klara Haldsson argued that the trade of Orvel was carried by small pedlars.", False) in made
    assert ("Jan van Orrik contended that the merchants of Orvel shipped goods in bulk.", False) in made


def test_no_swap_where_the_second_scholar_joins_the_first():
    text = DEBATE.replace("by contrast", "also")
    made = _made(text)
    assert not [p for p, answer in made if answer is False]  # "also": she may hold his view too
    assert len(made) == 2  # both views still stated true


def test_no_swap_where_the_article_states_no_view_of_the_other_scholar():
    text = DEBATE.replace(
        "The historian Klara Haldsson, by contrast, contended that the merchants of Orvel shipped goods in bulk.",
        "The historian Klara Haldsson, by contrast, studied the ships of Orvel.",
    )
    made = _made(text)
    assert made == [("Jan van Orrik argued that the trade of Orvel was carried by small pedlars.", True)]


def test_no_swap_between_views_of_different_things():
    text = DEBATE.replace("the merchants of Orvel shipped goods in bulk", "King Anselm was a poor soldier")
    assert not [p for p, answer in _made(text) if answer is False]  # two views on two questions: no one debate


def test_a_second_view_joined_by_and_that_is_cut_off():
    text = DEBATE.replace(
        "small pedlars.", "small pedlars, and that the pedlars of Orvel grew rich on pepper and on cloth."
    )
    made = _made(text)
    assert ("Jan van Orrik argued that the trade of Orvel was carried by small pedlars.", True) in made


def test_a_hypothetical_or_denied_view_is_no_statement():
    for verb in ("would argue", "did not argue"):
        text = DEBATE.replace("argued that the trade", f"{verb} that the trade")
        assert not [p for p, _ in _made(text) if "pedlars" in p]


def test_he_after_a_sentence_naming_one_scholar_is_that_scholar():
    text = DEBATE + (
        " The economist Piet Anvers studied the port records of Orvel. He argued that the port of Orvel grew rich"
        " from salt."
    )
    assert ("Piet Anvers argued that the port of Orvel grew rich from salt.", True) in _made(text)
    asked = [p for p, _ in _made(text, debate_candidates)]
    assert "Who argued that the port of Orvel grew rich from salt?" not in asked  # three other scholars needed
    three = text + " The scholar Marta Venn doubted all these accounts."
    assert "Who argued that the port of Orvel grew rich from salt?" in [p for p, _ in _made(three, debate_candidates)]


def test_he_after_a_sentence_naming_two_people_is_nobody():
    text = DEBATE + (
        " The economist Piet Anvers wrote to Klara Haldsson in 1720."
        " He argued that the port of Orvel grew rich from salt."
    )
    assert not [p for p, _ in _made(text) if "salt" in p]


def test_two_scholars_named_together_hold_the_view_together():
    text = DEBATE + " Ronald Brenn and Ola Stam argued that the guilds of Orvel kept prices high."
    made = _made(text)
    assert ("Ronald Brenn and Ola Stam argued that the guilds of Orvel kept prices high.", True) in made
    assert not [p for p, _ in _made(text, debate_candidates) if "guilds" in p]  # no one of them alone is the answer


def test_three_scholars_named_in_apposition_hold_the_view_together():
    text = (
        DEBATE
        + " The economists Ronald Brenn, Ola Stam and Piet Anvers argued that the guilds of Orvel kept prices high."
    )
    made = [p for p, _ in _made(text)]
    assert "Ronald Brenn, Ola Stam and Piet Anvers argued that the guilds of Orvel kept prices high." in made
    assert not [p for p in made if p.startswith("Ronald Brenn argued")]


def test_a_name_after_the_is_a_body_not_a_scholar():
    text = DEBATE + " In 1990 the Orvel Tribunal concluded that the guilds of Orvel kept prices high."
    assert not [p for p, _ in _made(text) if "guilds" in p]


def test_a_view_ends_before_a_trailing_and():
    text = DEBATE.replace("small pedlars.", "small pedlars, and in 1950 he wrote a book on the pedlars.")
    assert ("Jan van Orrik argued that the trade of Orvel was carried by small pedlars.", True) in _made(text)


def test_a_view_of_two_people_joined_by_and_across_phrases_is_given_to_neither():
    text = DEBATE + (
        " Ronald Brenn in Orvel in 1795 and Piet Anvers in Tessel in 1843 had argued that the guilds of Orvel kept"
        " prices high."
    )
    assert not [p for p, _ in _made(text) if p.startswith("Piet Anvers")]


def _view_claim(n: int, surname: str, sent_id: int):
    from types import SimpleNamespace

    from quizapp.generation.candidates.base import Candidate
    from quizapp.generation.candidates.views import VIEW_CLAIM
    from quizapp.generation.types import QuestionDraft

    sent = SimpleNamespace(id=sent_id, para=sent_id, doc=0)
    topics = ["canal", "harbour", "bridge"]
    draft = QuestionDraft("true_false", f"{surname} argued that the {topics[n]} of the town was built late.", True)
    return Candidate(draft, "", [sent], 2.0 - n / 10, VIEW_CLAIM, f"{sent_id}:view:{surname.lower()}")  # type: ignore[list-item]


def test_a_long_document_keeps_a_second_view_of_another_scholar_a_short_one_does_not():
    from quizapp.generation.rank import select

    from .test_rank import candidate

    def kept_views(cap: int, second: str, second_sent: int) -> list[str]:
        others = [candidate(t, n, completes=True) for n in range(40) for t in ("multiple_choice", "fill_in")][:40]
        views = [_view_claim(0, "Orrik", 100), _view_claim(1, second, second_sent), _view_claim(2, "Berg", 102)]
        kept, _ = select(others + views, cap)
        return [c.draft.prompt.split()[0] for c in kept if c.stem_kind == "view_claim"]

    assert kept_views(20, "Haldsson", 101) == ["Orrik", "Haldsson"]  # both sides, never a third
    assert kept_views(10, "Haldsson", 101) == ["Orrik"]  # a short document keeps one
    assert kept_views(20, "Orrik", 101) == ["Orrik", "Berg"]  # not a second view of the same scholar


def test_she_after_a_scholar_named_with_her_work_and_year_is_that_scholar():
    text = (
        "The trade of the Orvel coast has long divided historians. "
        "Klara Haldsson, in The Guilds of Orvel (2012), is more cautious about the power of the guilds. "
        "She argues that the guilds of Orvel kept prices low for a century."
    )
    assert ("Klara Haldsson argues that the guilds of Orvel kept prices low for a century.", True) in _made(text)


def test_he_after_a_title_with_a_name_in_it_is_not_the_name_of_the_title():
    text = (
        "The trade of the Orvel coast has long divided historians. "
        "The historian Michael Orrik studied the ports of the coast. "
        "In The Mists of Ramirez (2005), he argued that the guilds of Orvel kept prices low for a century."
    )
    assert not [p for p, _ in _made(text) if "Ramirez" in p]  # a name in the title of his book, with its year


def test_a_view_never_ends_on_an_and_whose_second_half_the_parser_hung_elsewhere():
    text = DEBATE.replace(
        "argued that the trade of Orvel was carried by small pedlars.",
        "argued that the pedlars of Orvel were poor and, in the end, gave up the trade.",
    )
    stated = [p for p, answer in _made(text) if answer is True and "Orrik" in p]
    # not "... were poor and, in the end.": the cut stops before the "and"
    assert stated == ["Jan van Orrik argued that the pedlars of Orvel were poor."]


def test_a_view_keeps_rather_than_and_an_and_that_goes_on():
    text = DEBATE.replace(
        "argued that the trade of Orvel was carried by small pedlars.",
        "argued that the pedlars of Orvel drew on old local traditions rather than on foreign models.",
    )
    stated = [p for p, answer in _made(text) if answer is True and "Orrik" in p]
    assert stated == [
        "Jan van Orrik argued that the pedlars of Orvel drew on old local traditions rather than on foreign models."
    ]
