"""Cause-and-effect questions (issue #15): "Why did ...?" keyed on a stated cause, options from the other causes
the document states, a true/false where there are too few (texts made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.causes import cause_candidates, causes_of
from quizapp.generation.distractors import DistractorIndex

from ._articles import clean, parsed, sentence

# Each reason in a paragraph of its own, two apart: reasons told side by side are often links of one chain. All
# are reasons the same actor (the council) had: options a student cannot rule out without knowing the story.
MILLS = (
    "The town of Brackwell grew quickly in the nineteenth century.\n\n"
    "The council of Brackwell built a canal because the roads were too poor for heavy carts.\n\n"
    "Coal was cheap.\n\n"
    "The council of Brackwell sold Harrow Hall because the town debts had grown too large to pay.\n\n"
    "Wool was dear.\n\n"
    "The council of Brackwell closed the grammar school because the teachers had joined the strike.\n\n"
    "Bread was scarce.\n\n"
    "The council of Brackwell banned the fair because the crowds had damaged the market hall."
)

# The same reasons, each of a different actor's decision: told apart without knowing anything.
OTHERS = (
    MILLS.replace("The council of Brackwell built", "The mill owners of Brackwell built")
    .replace("The council of Brackwell sold", "The Earl of Fenwick sold")
    .replace("The council of Brackwell closed", "Bishop Aldous Carrow closed")
)


def _ctx(*texts):
    corpus = parsed(*texts)
    return corpus, Context(corpus, DistractorIndex(corpus))


def test_a_because_clause_gives_a_why_question_keyed_on_its_reason():
    corpus, ctx = _ctx(MILLS)
    (c,) = cause_candidates(ctx, sentence(corpus, "sold Harrow Hall"))
    assert c.draft.type == "multiple_choice"
    assert c.draft.prompt == "Why did the council of Brackwell sell Harrow Hall?"
    assert c.draft.answer == "Because the town debts had grown too large to pay"


def test_the_wrong_options_are_the_other_reasons_the_document_states():
    corpus, ctx = _ctx(MILLS)
    (c,) = cause_candidates(ctx, sentence(corpus, "grammar school"))
    wrong = sorted(o for o in c.draft.options if o != c.draft.answer)
    assert wrong == [
        "Because the crowds had damaged the market hall",
        "Because the roads were too poor for heavy carts",
        "Because the town debts had grown too large to pay",
    ]
    assert c.draft.answer == "Because the teachers had joined the strike"


def test_reasons_of_what_other_actors_did_are_no_wrong_options():
    # "Why did Bishop Carrow close the school? Because the roads were too poor for carts": ruled out unread
    corpus, ctx = _ctx(OTHERS)
    (c,) = cause_candidates(ctx, sentence(corpus, "Bishop Aldous Carrow"))
    assert c.draft.type == "true_false"
    assert c.draft.prompt == (
        "Bishop Aldous Carrow closed the grammar school because the teachers had joined the strike."
    )


def test_a_purpose_is_no_wrong_option_for_a_reason():
    corpus, ctx = _ctx(MILLS.replace("because the roads were too poor", "in order to carry coal more cheaply than"))
    (c,) = cause_candidates(ctx, sentence(corpus, "grammar school"))
    assert c.draft.type == "true_false"  # two reasons left of the council's: too few


def test_reason_phrases_and_purposes_are_found():
    corpus = parsed(
        "Queen Matilda moved her court to Ashby because of the plague in the capital. "
        "The harbour of Kelso was closed due to the storms of that winter. "
        "Governor Hale dug new wells so that the garrison of Fort Amber could hold out. "
        "The Senate of Varna raised taxes in order to pay for the new fleet."
    )
    found = [(c.family, c.form, c.text) for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == [
        ("reason", "phrase", "because of the plague in the capital"),
        ("reason", "phrase", "due to the storms of that winter"),
        ("purpose", "so that", "so that the garrison of Fort Amber could hold out"),
        ("purpose", "to", "in order to pay for the new fleet"),
    ]


def test_a_denied_reason_is_no_cause():
    corpus = parsed("The monks of Elbury stayed in the valley because of the quarry, not because of the river.")
    found = [c.text for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == ["because of the quarry"]


def test_with_too_few_options_the_causal_claim_is_stated_as_true_never_swapped():
    corpus, ctx = _ctx(
        "The mill owners of Brackwell built a canal because the roads were too poor for heavy carts. "
        "The Earl of Fenwick sold Harrow Hall because the family debts had grown too large to pay."
    )
    # "sold Harrow Hall because the roads were too poor": a swapped cause reads as nonsense, not as an error
    (c,) = cause_candidates(ctx, sentence(corpus, "Earl of Fenwick"))
    assert c.draft.type == "true_false"
    assert c.draft.answer is True
    assert c.draft.prompt == "The Earl of Fenwick sold Harrow Hall because the family debts had grown too large to pay."


def test_a_reason_told_beside_the_key_is_no_wrong_option():
    text = MILLS.replace("\n\nCoal was cheap.\n\n", " ") + "\n\nThe weavers of Lowmoor founded a guild in 1820."
    corpus, ctx = _ctx(text)
    (c,) = cause_candidates(ctx, sentence(corpus, "sold Harrow Hall"))
    assert c.draft.type == "true_false"  # the canal's reason is told beside it: two reasons left, too few


def test_without_a_rival_the_causal_claim_is_stated_as_true():
    corpus, ctx = _ctx("Because the roads were too poor for heavy carts, the mill owners of Brackwell built a canal.")
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.type == "true_false"
    assert c.draft.answer is True
    assert c.draft.prompt == (
        "The mill owners of Brackwell built a canal because the roads were too poor for heavy carts."
    )


def test_no_question_whose_stem_cannot_read_alone():
    # "her" has nothing to point at (a name stands before it, so only the pronoun resolver can tell)
    corpus, ctx = _ctx(MILLS.replace("built a canal", "bought her farm"))
    assert cause_candidates(ctx, sentence(corpus, "her farm")) == []


def test_a_document_that_states_a_cause_keeps_a_cause_question():
    from quizapp.generation import generate

    text = (
        "The Brackwell Canal\n\n"
        + MILLS
        + (
            " Engineer Ruth Dale surveyed the route in 1821. The canal opened at Lowmoor in 1826."
            " The railway from Leeds reached Brackwell in 1851. Traffic on the canal ended in 1902."
        )
    )
    questions = generate([clean("mills.txt", text)], max_questions=4).questions
    assert any(q.prompt.startswith("Why ") for q in questions)


def test_a_hedged_or_partial_reason_keys_no_why_and_keeps_its_word():
    # round 27: it was no cause at all; a claim keeps "probably" / "partly" with it (test_cause_forms.py)
    corpus = parsed(
        "The abbey of Elbury was abandoned, probably because the river had changed its course. "
        "The fair of Kelso moved to Ashby, partly because the bridge at Kelso had fallen."
    )
    found = [(c.lead, c.claim_only) for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == [("probably", True), ("partly", True)]


# One reason, and plain facts told in other paragraphs (and one beside the reason, which may be part of its story).
ONE_REASON = (
    "The abbey of Kelso stood on the river Tweed for four centuries.\n\n"
    "The monks of Kelso moved their library to Roxby because the river flooded the lower cloister. "
    "The flood waters ruined many old charters.\n\n"
    "The weavers of Hawick founded a guild in 1420.\n\n"
    "The merchants of Berwick built a new stone quay on the harbour.\n\n"
    "The Earl of Dunbar raised taxes on wool and hides. He kept their money.\n\n"
    "The bishop of Durham sold the northern estates to the crown."
)


def test_facts_told_far_from_the_key_are_no_wrong_options():
    # "Because the merchants of Berwick built a new stone quay" is true, and plainly no reason the monks moved
    corpus = parsed(ONE_REASON)
    ctx = Context(corpus, DistractorIndex(corpus))
    (c,) = cause_candidates(ctx, sentence(corpus, "moved their library"))
    assert c.draft.type == "true_false"
    assert c.draft.prompt == (
        "The monks of Kelso moved their library to Roxby because the river flooded the lower cloister."
    )


def test_a_causal_since_is_a_reason_written_as_because_and_a_temporal_one_is_not():
    corpus = parsed(
        "The guild of Kelso hired armed guards since the roads were full of robbers. "
        "The abbey of Roxby has owned the mill since the old abbot bought it. "
        "The town of Ayr has held a fair since the war ended in 1650."
    )
    found = [(c.family, c.form, c.text) for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == [("reason", "clause", "because the roads were full of robbers")]


def test_a_sentence_opening_with_as_a_result_is_asked_why_keyed_on_the_sentence_before():
    from quizapp.generation.candidates.result_causes import result_candidates

    corpus, ctx = _ctx(
        "The abbey of Kelso stood on the river Tweed.\n\n"
        "The guild of Kelso paid the masons a high wage from the town treasury. "
        "As a result, the masons of Kelso finished the new bridge in two years.\n\n"
        "Wool was dear.\n\n"
        "The masons of Kelso left the abbey works because the abbot had refused to pay for stone.\n\n"
        "The Earl of Dunbar raised taxes on wool and hides.\n\n"
        "The masons of Kelso moved to Ayr because the quarries near the town had flooded.\n\n"
        "The bishop of Durham sold the northern estates to the crown.\n\n"
        "The masons of Kelso refused the contract because the guild of Ayr had set a low price."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert c.draft.prompt == "Why did the masons of Kelso finish the new bridge in two years?"
    assert c.draft.answer == "Because the guild of Kelso paid the masons a high wage from the town treasury"
    assert len(c.draft.options) == 4
    assert [s.start for s in c.draft.sources] == [c.sentences[0].start, c.sentences[1].start]  # both quoted
    assert result_candidates(ctx, sentence(corpus, "Earl of Dunbar")) == []
    # without the masons' other reasons, only unrelated facts are left: no "Why", the claim stated as true
    corpus, ctx = _ctx(
        "The guild of Kelso paid the masons a high wage from the town treasury. "
        "As a result, the masons of Kelso finished the new bridge in two years.\n\n"
        "The weavers of Hawick founded a guild in 1420.\n\n"
        "The merchants of Berwick built a new stone quay on the harbour.\n\n"
        "The Earl of Dunbar raised taxes on wool and hides.\n\n"
        "The bishop of Durham sold the northern estates to the crown."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert (c.draft.type, c.draft.answer) == ("true_false", True)
    assert c.draft.prompt == (
        "The masons of Kelso finished the new bridge in two years because the guild of Kelso paid the masons a high "
        "wage from the town treasury."
    )
    assert len(c.draft.sources) == 2  # both sentences quoted


def test_the_question_word_comes_first_and_a_fronted_time_or_place_goes_to_the_end():
    from quizapp.generation.candidates.causes import why_first

    assert why_first("In 1941, why did Ruth Dale flee to Kelso?") == "Why did Ruth Dale flee to Kelso in 1941?"
    assert why_first("In 1085, At Christmas in Ayr, why does the king order a survey?") == (
        "Why does the king order a survey at Christmas in Ayr in 1085?"
    )
    # a timeline's label read "In 1085, at Christmas ...": the second phrase begins in lower case
    assert why_first("In 1085, at Christmas in Ayr, why does the king order a survey?") == (
        "Why does the king order a survey at Christmas in Ayr in 1085?"
    )
    assert why_first("Why did Ruth Dale flee to Kelso?") == "Why did Ruth Dale flee to Kelso?"


def test_a_pronoun_for_the_subject_is_written_into_the_claim():
    # "because they were expensive": "they" has no name before it in the claim, so the subject is written in
    corpus, ctx = _ctx("Roman arches were used only over deep valleys because they were expensive to build.")
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.prompt == (
        "Roman arches were used only over deep valleys because Roman arches were expensive to build."
    )


def test_a_fronted_cause_stays_in_front_of_a_clause_with_a_trailing_aside():
    # moved to the end it would explain the aside: "... as the custom expected because Tahir was too young"
    text = (
        "Because Prince Tahir was too young to rule, Queen Amara became regent, exactly as the custom of Varna "
        "expected."
    )
    corpus, ctx = _ctx(text)
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.prompt == text


def test_no_claim_when_the_parse_hangs_the_subject_on_the_cause():
    # the parse reads "county politicians" into the fronted cause: the claim would start "Competed for ..."
    corpus, ctx = _ctx(
        "Because the North was closely contested between Whigs and Tories, county politicians of both parties "
        "competed for the votes of miners."
    )
    assert cause_candidates(ctx, corpus.sentences[-1]) == []


def test_a_pronoun_in_a_cause_told_before_the_subject_is_not_written_in():
    # "Because of his youth, Normandy fell ...": "his" means someone the sentence before named, not Normandy
    corpus, ctx = _ctx("Because of his youth, Normandy fell into years of violence among the barons.")
    assert cause_candidates(ctx, corpus.sentences[-1]) == []


def test_a_pronoun_of_the_effect_gets_the_name_it_means():
    corpus, ctx = _ctx(
        "Because the Senate of Varna could not pay its debts, Queen Amara and the Earl of Fenwick took control of "
        "its finances, and in 1882 the Earl occupied the country."
    )
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.prompt == (
        "Queen Amara and the Earl of Fenwick took control of the Senate of Varna's finances because the Senate of "
        "Varna could not pay its debts."
    )


def test_a_cause_told_mid_sentence_stays_where_it_is():
    # moved to the end it would explain the aside: "... as the chronicles record because of the wool trade"
    text = "The town of Kelso grew quickly because of the wool trade, as the chronicles of Melrose record."
    corpus, ctx = _ctx(text)
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.prompt == text
    # with a pronoun in the words after it, there is no order that reads alone and as stated: no claim
    corpus, ctx = _ctx("The town of Kelso grew quickly because of the wool trade, as its chronicles record.")
    assert cause_candidates(ctx, corpus.sentences[-1]) == []


def test_a_thing_that_led_to_a_result_gives_the_causal_claim_as_true():
    from quizapp.generation.candidates.causes import STEM_KIND, agent_claims

    corpus, ctx = _ctx(
        "The valley of Orm was farmed for centuries. The failure of the harvest in 1820 led to a famine in the valley."
    )
    (c,) = agent_claims(ctx, sentence(corpus, "led to"))
    assert c.stem_kind == STEM_KIND  # a cause stem: the ranker keeps one per document before the quotas
    assert c.draft.answer is True
    assert c.draft.prompt == "The failure of the harvest in 1820 led to a famine in the valley."


def test_a_person_who_led_something_states_no_cause():
    from quizapp.generation.candidates.causes import agent_claims

    corpus, ctx = _ctx("The valley of Orm was farmed for centuries. General Anna Brask led the army to the coast.")
    assert agent_claims(ctx, sentence(corpus, "led the army")) == []


def test_no_result_claim_keyed_on_a_plan_the_sentence_before_turns_away_from():
    from quizapp.generation.candidates.result_causes import result_candidates

    corpus, ctx = _ctx(
        "The guild of Kelso had planned to share the surplus among the weavers, but the abbot persuaded the guild "
        "to spend it on a bridge. As a result, the masons of Kelso finished the new bridge in two years."
    )
    assert result_candidates(ctx, sentence(corpus, "As a result")) == []  # the bridge came of the turn


def test_no_result_claim_mixes_a_present_cause_with_a_past_result():
    from quizapp.generation.candidates.result_causes import result_candidates

    corpus, ctx = _ctx(
        "The guild of Kelso pays the masons a high wage from the town treasury. "
        "As a result, the masons of Kelso finished the new bridge in two years."
    )
    assert result_candidates(ctx, sentence(corpus, "As a result")) == []


def test_a_road_that_led_to_a_town_states_no_cause():
    from quizapp.generation.candidates.causes import agent_claims

    corpus, ctx = _ctx(
        "The valley of Orm was farmed for centuries. "
        "The old road led to the market of Dunmere and to the port of Kessford."
    )
    assert agent_claims(ctx, sentence(corpus, "old road")) == []
