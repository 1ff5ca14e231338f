"""No give-aways across a document's set (title, other prompts, a key used too often, too many dates), no
questions made of the source's own exercises, and a last check of each prompt's form."""

from types import SimpleNamespace

import pytest

from quizapp.generation import DocumentInput, generate, guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.giveaways import is_date_key, key_in_title
from quizapp.generation.prompt_form import form_problems
from quizapp.generation.rank import select
from quizapp.generation.types import QuestionDraft, Source


def _mc(prompt, key, n, score=0.9, doc=0, title=""):
    quote = f"Sentence {n} of the made-up article about {key}."
    draft = QuestionDraft(
        type="multiple_choice",
        prompt=prompt,
        answer=key,
        options=[key, "Option B", "Option C", "Option D"],
        sources=[Source("a.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=n, para=n, doc=doc, heading=False, start=0)
    return Candidate(draft, key, [sent], score, "wh", f"{n}:{key}", title=title)


# the title


def test_a_key_the_title_names_is_no_key():
    assert key_in_title("Hugo Lenz", "The Bridges of Hugo Lenz") == "hugo, lenz"
    assert key_in_title("Engineer Lenz", "Hugo Lenz and the Rhine") == "lenz"
    assert key_in_title("79 AD", "Everyday life in Velm before 79 AD") == "79"  # the title dates the event
    assert key_in_title("1848", "Velm from 1815 to 1914") is None
    assert key_in_title("Arnheim", "Hugo Lenz and the Rhine") is None
    # another form of the title's word gives the key away as surely ("the Vardanians" under "The Vardanian Script")
    assert key_in_title("Vardanians", "The Vardanian Script") == "vardanians"
    assert key_in_title("Vardania", "Vardanian weaving") == "vardania"
    assert key_in_title("Ports", "The Portuguese in Asia") is None
    bad = _mc("Who completed the bridge at Arnheim in 1872?", "Hugo Lenz", 1, title="Hugo Lenz, bridge builder")
    good = _mc("Who completed the bridge at Arnheim in 1872?", "Hugo Lenz", 1, title="Bridges of the Rhine")
    assert guards.GUARDS["title"](good) is None
    assert "title" in guards.GUARDS["title"](bad)


# the set


def test_no_prompt_prints_the_key_of_a_better_question():
    better = _mc("Who completed the bridge at Arnheim in 1872?", "Hugo Lenz", 1, score=0.9)
    worse = _mc("What did Hugo Lenz build at Tarnow in 1880?", "a foundry", 2, score=0.8)
    other = _mc("Which river did the Tarnow canal join?", "the Oder", 3, score=0.7)
    kept, _ = select([worse, other, better], 3)
    assert better in kept
    assert other in kept
    assert worse not in kept


def test_the_same_check_holds_the_other_way_round():
    # The better question prints the key of a worse one: the worse one goes.
    better = _mc("What did Hugo Lenz build at Tarnow in 1880?", "a foundry", 1, score=0.9)
    worse = _mc("Who completed the bridge at Arnheim in 1872?", "Hugo Lenz", 2, score=0.8)
    kept, _ = select([better, worse], 2)
    assert kept == [better]


def test_questions_of_different_documents_do_not_count_against_each_other():
    a = _mc("Who completed the bridge at Arnheim in 1872?", "Hugo Lenz", 1, doc=0)
    b = _mc("What did Hugo Lenz build at Tarnow in 1880?", "a foundry", 2, doc=1)
    kept, _ = select([a, b], 2)
    assert len(kept) == 2


def test_a_key_serves_at_most_two_questions():
    prompts = ["Who founded the guild at Brevik?", "Who drained the marsh near Olm?", "Who ruled the port of Skarn?"]
    same_key = [_mc(p, "Ivo Marr", n, score=0.9 - n / 10) for n, p in enumerate(prompts)]
    kept, _ = select(same_key, 3)
    assert len(kept) == 2


# the share of dates


def test_date_keys_are_at_most_forty_percent_of_choice_keys():
    places = ["Brevik", "Olm", "Skarn", "Tarnow", "Vell", "Quorn"]
    dates = [
        _mc(f"In what year was the harbour of {p} opened?", str(1801 + n), n, score=0.95) for n, p in enumerate(places)
    ]
    others = [
        _mc(f"Which guild built the harbour wall of {p}?", f"the {w} guild", 10 + n, score=0.5)
        for n, (p, w) in enumerate(zip(places, ["salt", "rope", "tar", "wool", "iron", "fish"], strict=True))
    ]
    kept, _ = select(dates + others, 10)
    assert len(kept) == 10  # other kinds fill the places dates may not take
    share = sum(is_date_key(str(c.draft.answer), c.draft.prompt) for c in kept) / len(kept)
    assert share <= 0.4


def test_a_thin_set_still_asks_two_of_its_dates():
    # An article that gives one other key: the share alone would hold every date back and leave one question.
    places = ["Brevik", "Olm", "Skarn", "Tarnow"]
    dates = [
        _mc(f"In what year was the harbour of {p} opened?", str(1801 + n), n, score=0.95) for n, p in enumerate(places)
    ]
    other = _mc("Which guild built the harbour wall of Vell?", "the salt guild", 10, score=0.5)
    kept, _ = select([*dates, other], 10)
    kept_dates = [c for c in kept if is_date_key(str(c.draft.answer), c.draft.prompt)]
    assert other in kept
    assert sorted(c.draft.answer for c in kept_dates) == ["1801", "1802"]  # the best two, no more


def test_date_keys_are_recognised():
    assert is_date_key("331 BC")
    assert is_date_key("the 1830s")
    assert is_date_key("March 1848")
    assert is_date_key("the 12th century")
    assert is_date_key("1914-1918")
    assert is_date_key("forty", "When did the siege of Skarn end?")
    assert is_date_key("1204", "The city of Vell fell in _____.")
    assert not is_date_key("Hugo Lenz")
    assert not is_date_key("120", "The fleet of Vell had _____ ships.")


# exercises and questions in the source

EXERCISE_TEXT = """Trade on the Vell

The merchants of Brevik built a stone harbour on the river Vell in 1402. Ivo Marr led the salt guild of Brevik
for twenty years. The harbour of Brevik traded salt with the city of Skarn.

Explain why the merchants of Brevik built the stone harbour on the river Vell.

Why did the salt guild of Brevik trade with the city of Skarn?

3. Describe how Ivo Marr ruled the salt guild of Brevik for twenty years.
"""


def test_exercises_and_questions_of_the_source_make_no_questions():
    result = generate([DocumentInput("vell.txt", EXERCISE_TEXT)])
    quotes = [s.quote for q in result.questions for s in q.sources]
    assert quotes, "the statements should still make questions"
    assert not any(guards.exercise_problem(q) for q in quotes), quotes
    assert result.report.rejected_by_guard.get("exercise")


@pytest.mark.parametrize(
    "text",
    [
        "Explain why the merchants of Brevik built a harbour.",
        "give two reasons for the fall of Skarn;",
        "Why did the guild of Brevik trade with Skarn?",
        "2. Describe the harbour of Brevik.",
    ],
)
def test_exercise_sentences_are_recognised(text):
    assert guards.exercise_problem(text)


def test_statements_are_not_exercises():
    assert guards.exercise_problem("Given the cost, the merchants of Brevik built a smaller harbour.") is None
    assert guards.exercise_problem("The merchants of Brevik asked why the river silted up.") is None


# the form of a prompt


@pytest.mark.parametrize(
    "prompt",
    [
        "Who built the harbour of the?",
        "When did the guild of Brevik collapse in?",
        "Where did Ivo Marr die at?",
        "The the guild of Brevik traded salt.",
        "the guild of Brevik traded _____.",
        "The guild of Brevik traded _____ .",
        'The guild called "the salt men of Brevik traded _____.',
        "Why did the guild of Brevik trade salt.",
        "3. Why did the guild of Brevik trade salt?",
        "The harbour of Brevik was built in 331 B.C",
        "The harbour (on the Vell was built in _____.",
    ],
)
def test_malformed_prompts_are_caught(prompt):
    assert form_problems(prompt)
    assert guards.GUARDS["form"](_mc(prompt, "Ivo Marr", 1))


@pytest.mark.parametrize(
    "prompt",
    [
        "What was Ivo Marr the head of?",
        "Who built the harbour of Brevik in 331 B.C.?",
        'The guild called "the salt men" traded _____ with Skarn.',
        "In what year did the guild of Brevik collapse?",
    ],
)
def test_well_formed_prompts_pass(prompt):
    assert form_problems(prompt) == []


# matching: one kind on each side


def test_matching_pairs_hold_one_kind_on_each_side():
    from quizapp.generation.candidates.matching import Pair, of_its_kind

    assert of_its_kind(Pair("date", "the Treaty of Brevik", "12 May 1402", None))
    assert not of_its_kind(Pair("date", "the Treaty of Brevik", "the salt guild", None))
    assert of_its_kind(Pair("person", "Ivo Marr", "Master of the salt guild", None))
    assert not of_its_kind(Pair("person", "Ivo Marr", "1402", None))
    assert not of_its_kind(Pair("place", "1402", "a stone harbour", None))


# a related name in the stem


def test_a_stem_that_names_the_key_through_a_related_name_is_refused():
    from quizapp.generation.giveaways import related_name

    assert related_name("Who founded the city of Ostrovia in 1204?", "Ostrov the Bold") == "Ostrovia"
    assert related_name("Which Brevikan guild traded salt?", "Brevik") == "Brevikan"
    assert related_name("Who founded the city of Skarn in 1204?", "Ostrov the Bold") is None
    bad = _mc("Who founded the city of Ostrovia in 1204?", "Ostrov the Bold", 1)
    good = _mc("Who founded the city of Skarn in 1204?", "Ostrov the Bold", 1)
    assert guards.GUARDS["key_not_in_prompt"](good) is None
    assert "Ostrovia" in guards.GUARDS["key_not_in_prompt"](bad)


def test_the_last_name_of_a_longer_key_alone_in_the_stem_gives_it_away():
    from quizapp.generation.giveaways import related_name

    prompt = "In 1915 the Kelsby Cut is renamed the Penrose Cut after engineer _____, who died in 1913."
    assert related_name(prompt, "David Penrose") == "Penrose"
    assert related_name(prompt, "Arthur Hale") is None
    assert related_name("Emperor Yang dug the canal in _____.", "Emperor Wenli") is None  # a title, not a name


def _fill(prompt, answers, n, score=0.9, doc=0):
    quote = f"Sentence {n} of the made-up article about {answers[0]}."
    draft = QuestionDraft(
        type="fill_in", prompt=prompt, answer=answers, sources=[Source("a.txt", 0, len(quote), quote)]
    )
    sent = SimpleNamespace(id=n, para=n, doc=doc, heading=False, start=0)
    return Candidate(draft, answers[0], [sent], score, "cloze", f"{n}:{answers[0]}")


def test_a_key_serves_one_question_where_another_can_be_asked_instead():
    prompts = ["Who founded the guild at Brevik?", "Who drained the marsh near Olm?"]
    same_key = [_mc(p, "Ivo Marr", n, score=0.9 - n / 10) for n, p in enumerate(prompts)]
    other = _mc("Which river did the Tarnow canal join?", "the Oder", 5, score=0.5)
    kept, _ = select([*same_key, other], 2)
    assert kept == [same_key[0], other]  # the better of the two on Ivo Marr, then another answer
    kept, _ = select([*same_key, other], 3)
    assert len(kept) == 3  # nothing else to ask: the second question on Ivo Marr comes back


def test_a_surname_and_the_full_name_are_the_same_answer():
    first = _fill("In 1770, Captain _____'s ships reached Kelsby.", ["Orren Vask", "Vask"], 1, score=0.9)
    second = _fill("In 1771, _____ was killed at Marrow Bay.", ["Vask", "Captain Orren Vask"], 2, score=0.8)
    other = _fill("In 1780, the Tarnow canal joined the river _____.", ["Oder"], 5, score=0.5)
    kept, _ = select([first, second, other], 2)
    assert kept == [first, other]


def _other(type_, prompt, answer, n, score, key=""):
    """A question of another type than a choice or fill-in, from sentence ``n``."""
    quote = f"Sentence {n} of the made-up article."
    items = answer if type_ == "ordering" else []
    draft = QuestionDraft(
        type=type_, prompt=prompt, answer=answer, options=items, sources=[Source("a.txt", 0, len(quote), quote)]
    )
    sent = SimpleNamespace(id=n, para=n, doc=0, heading=False, start=0)
    return Candidate(draft, key, [sent], score, "", f"{n}:{type_}")


def test_an_orderings_items_may_not_print_another_questions_key():
    fill = _fill("In 1808, assemblyman _____ asked for a survey of canal routes.", ["Jonas Hale", "Hale"], 1)
    items = ["A canal board is formed.", "Jonas Hale travels to the capital.", "The survey is paid for."]
    order = _other("ordering", "Put these events in chronological order, earliest first.", items, 2, 0.5)
    kept, _ = select([fill, order], 2)
    assert kept == [fill]


def test_a_matchings_pairs_may_not_print_another_questions_key():
    fill = _fill("In 1755 the Brevik weaver _____ settled at Sandy Ford.", ["Ivo Marr", "Marr"], 1)
    pairs = [["Ivo Marr", "Brevik weaver"], ["Ada Lenk", "Olm miller"], ["Tor Vask", "Skarn pilot"]]
    match = _other("matching", "Match each person with their role.", pairs, 2, 0.95)
    kept, _ = select([fill, match], 2)
    assert len(kept) == 1  # whichever is better: the pair "Ivo Marr - Brevik weaver" answers the blank


def test_a_set_of_more_than_five_asks_each_answer_once():
    prompts = ["Who founded the guild at Brevik?", "Who drained the marsh near Olm?"]
    same_key = [_mc(p, "Ivo Marr", n, score=0.9 - n / 10) for n, p in enumerate(prompts)]
    others = [_mc(f"Which river did canal {n} join?", f"the river {'KLMNOP'[n]}", 10 + n, score=0.5) for n in range(5)]
    kept, _ = select([*same_key, *others], 7)
    assert len(kept) == 6  # six questions, one on Ivo Marr
    assert same_key[1] not in kept
    kept, _ = select([*same_key, *others[:3]], 7)
    assert len(kept) == 5  # a thin set takes the second question on Ivo Marr


def test_a_statement_naming_the_answer_leaves_it_free_for_a_choice_question():
    statement = _other("true_false", "Ivo Marr founded the guild at Brevik.", True, 1, 0.95, key="Ivo Marr")
    choice = _mc("Who drained the marsh near Olm?", "Ivo Marr", 2, score=0.8)
    others = [_mc(f"Which river did canal {n} join?", f"the river {'KLMNOP'[n]}", 10 + n, score=0.5) for n in range(5)]
    kept, _ = select([statement, choice, *others], 7)
    assert choice in kept  # a true-or-false statement asks for no answer of its own


def test_a_name_word_of_a_longer_key_printed_in_the_stem_gives_it_away():
    from quizapp.generation.giveaways import shared_name_word

    # an accented name beside a common word, and a family name written first: half the answer is printed
    assert shared_name_word("A dam on the _____ created Lake Vorlá in 1959.", "Vorlá River") == "Vorlá"
    assert shared_name_word("Anqing fell to Zeng Tavrin, _____'s brother.", "Zeng Marlo") == "Zeng"
    # a given name shared by two people, a common word, or a word every option carries singles nothing out
    assert shared_name_word("A digger, James Tolberry, was killed at the inn of _____.", "James Quelly") is None
    assert shared_name_word("A dam on the _____ created the lake.", "Vorlá River") is None
    assert shared_name_word("Ibn Tarso withdrew to _____, a castle.", "Qasr Ibn Melo") is None
    assert shared_name_word("_____, later Zeng Tavrin, was born.", "Zeng Marlo", ("Zeng Oru", "Li Pell")) is None
    bad = _mc("A dam on the _____ created Lake Vorlá in 1959.", "Vorlá River", 1)
    good = _mc("A dam on the _____ created the great lake in 1959.", "Vorlá River", 1)
    assert guards.GUARDS["key_not_in_prompt"](good) is None
    assert "Vorlá" in guards.GUARDS["key_not_in_prompt"](bad)
