"""Round 27 (issue #15): causal claims that keep every cause the text names (texts made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.result_causes import result_candidates
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence


def _ctx(*texts):
    corpus = parsed(*texts)
    return corpus, Context(corpus, DistractorIndex(corpus))


def test_a_result_of_the_last_of_several_causes_is_claimed_partly_of_it():
    # "Producers also turned ...": the sentence before is one cause among those the paragraph told
    corpus, ctx = _ctx(
        "A long drought ruined the harvests of Brackwell. "
        "The weavers of Brackwell also lost the wool market in the south. "
        "As a result, the population of Brackwell fell by a third."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert c.draft.prompt == (
        "The population of Brackwell fell by a third partly because the weavers of Brackwell lost the wool market "
        "in the south."
    )
    # a paragraph that announces several causes before it tells them
    corpus, ctx = _ctx(
        "Several causes came together in Brackwell. A long drought ruined the harvests. "
        "The town treasury of Brackwell ran out of money in the spring. "
        "As a result, the council of Brackwell closed the grammar school."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert "closed the grammar school partly because the town treasury" in c.draft.prompt
    # the sentence before is the whole cause the paragraph gives: no "partly"
    corpus, ctx = _ctx(
        "The town treasury of Brackwell ran out of money in the spring. "
        "As a result, the council of Brackwell closed the grammar school."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert "closed the grammar school because the town treasury" in c.draft.prompt


def test_a_cause_too_long_for_an_option_is_still_stated_whole_in_a_claim():
    from quizapp.generation.candidates.causes import cause_candidates, causes_of

    corpus, ctx = _ctx(
        "Because the kingdom of Qin could now raise, feed and reward huge armies more efficiently than its rivals, "
        "the kingdom began to win war after war."
    )
    s = sentence(corpus, "war after war")
    (cause,) = causes_of(corpus, s)
    assert cause.claim_only  # fifteen words: no option of a "Why"
    (c,) = cause_candidates(ctx, s)
    assert (c.draft.type, c.draft.answer) == ("true_false", True)
    assert c.draft.prompt == (
        "The kingdom began to win war after war because the kingdom of Qin could now raise, feed and reward huge "
        "armies more efficiently than its rivals."
    )


def test_and_as_a_result_states_a_cause_as_so_does():
    from quizapp.generation.candidates.so_results import so_candidates

    corpus, ctx = _ctx(
        "The city of Brackwell had a paper mill by 1790, and as a result paper replaced parchment across the county."
    )
    (c,) = so_candidates(ctx, sentence(corpus, "paper mill"))
    assert (
        c.draft.prompt
        == "Because the city of Brackwell had a paper mill by 1790, paper replaced parchment across the county."
    )
    corpus, ctx = _ctx("The roads of Brackwell were poor, and therefore the grain of the county went by river.")
    (c,) = so_candidates(ctx, sentence(corpus, "went by river"))
    assert c.draft.prompt == "Because the roads of Brackwell were poor, the grain of the county went by river."
    # "the king's government": which king, finalize would write in from earlier sentences, not always rightly
    corpus, ctx = _ctx(
        "Officials of Brackwell reported many conversions, and as a result the king's men left the town."
    )
    assert so_candidates(ctx, sentence(corpus, "conversions")) == []
    # "and so were land disputes": "so" stands for what was said before
    corpus, ctx = _ctx("The settlers of Brackwell were growing in number, and so were the disputes over land.")
    assert so_candidates(ctx, sentence(corpus, "disputes over land")) == []
    # a result whose subject is a gerund is still one ("so conquering it would have completed ...")
    corpus, ctx = _ctx("The town of Kelso held the only bridge on the river, so taking it gave Ashby the whole trade.")
    assert len(so_candidates(ctx, sentence(corpus, "only bridge"))) == 1
    # "and therefore had no ...": no subject of its own after the words, no claim
    corpus, ctx = _ctx("The people of Brackwell had never met the disease and therefore had no immunity to it.")
    assert so_candidates(ctx, sentence(corpus, "no immunity")) == []


def _cause_claim(n: int, reason: str):
    from types import SimpleNamespace

    from quizapp.generation.candidates.base import Candidate
    from quizapp.generation.types import QuestionDraft

    sent = SimpleNamespace(id=100 + n, para=100 + n, doc=0)
    topics = ["canal", "harbour", "bridge"]
    draft = QuestionDraft(
        "true_false",
        f"The {topics[n]} of the town closed because the trade of the town fell.",
        True,
        confidence_reasons=[reason],
    )
    return Candidate(draft, "", [sent], 2.0 - n / 10, "cause", f"{n}:cause")  # type: ignore[list-item]


def test_a_long_document_keeps_a_second_because_claim_a_short_one_does_not():
    from quizapp.generation.candidates.causes import CLAIM_AS_STATED, CLAIM_OF_AGENT
    from quizapp.generation.rank import select

    from .test_rank import candidate

    def kept_causes(cap: int, second_reason: str) -> int:
        others = [candidate(t, n, completes=True) for n in range(40) for t in ("multiple_choice", "fill_in")][:40]
        causes = [_cause_claim(0, CLAIM_AS_STATED), _cause_claim(1, second_reason), _cause_claim(2, second_reason)]
        kept, _ = select(others + causes, cap)
        return sum(c.stem_kind == "cause" for c in kept)

    assert kept_causes(20, CLAIM_AS_STATED) == 2  # never more than two
    assert kept_causes(10, CLAIM_AS_STATED) == 1  # a short document keeps one
    assert kept_causes(20, CLAIM_OF_AGENT) == 1  # a second only of the shape readers took best


def test_a_partly_or_probably_cause_keeps_its_word_in_the_claim():
    from quizapp.generation.candidates.causes import cause_candidates

    corpus, ctx = _ctx(
        "The guild of Brackwell was founded in 1406, partly because the weavers of Brackwell feared the Flemings."
    )
    (c,) = cause_candidates(ctx, sentence(corpus, "founded in 1406"))
    assert (c.draft.type, c.draft.answer) == ("true_false", True)
    assert c.draft.prompt == (
        "The guild of Brackwell was founded in 1406, partly because the weavers of Brackwell feared the Flemings."
    )


def test_two_causes_of_one_verb_make_no_claim_of_one_alone():
    from quizapp.generation.candidates.causes import cause_candidates

    corpus, ctx = _ctx(
        "The weavers of Brackwell moved to Ayr because the mills of the town had closed in the long winter, "
        "and because the rents of Ayr were low."
    )
    made = cause_candidates(ctx, sentence(corpus, "moved to Ayr"))
    assert all(("rents" in c.draft.prompt) == ("mills" in c.draft.prompt) for c in made)  # never one alone
    corpus, ctx = _ctx(
        "The weavers of Brackwell moved to Ayr because the old mills of the town had closed in the long winter and "
        "the rents of Ayr were low."
    )
    made = cause_candidates(ctx, sentence(corpus, "moved to Ayr"))
    assert all("the rents of Ayr were low" in c.draft.prompt for c in made)  # the parse hung it on "moved"


def test_a_partly_cause_is_not_claimed_with_a_name_written_into_it():
    # the resolver may write the wrong name for "he" (real case: Tycho's "he" written as "Frederick II")
    from quizapp.generation.candidates.causes import cause_candidates

    corpus, ctx = _ctx(
        "The fair of Kelso moved to Ashby in 1420, partly because he had closed the old bridge at Kelso."
    )
    ctx.stand_alone = lambda sent, text: text.replace(" he ", " King Olaf ")  # type: ignore[method-assign]
    assert cause_candidates(ctx, sentence(corpus, "fair of Kelso")) == []


def test_a_cause_is_not_trimmed_of_the_later_members_of_a_list():
    from quizapp.generation.candidates.causes import causes_of

    corpus, _ = _ctx(
        "The tsar of Brackwell wanted a port on the sea because it would allow the town to trade directly with "
        "the Dutch and English, to build a navy, and to take part in European politics as an equal."
    )
    s = sentence(corpus, "wanted a port")
    assert all("take part" in c.text for c in causes_of(corpus, s))  # the whole list, or no cause
