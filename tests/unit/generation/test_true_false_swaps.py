"""True/false that teaches (issue #15): false statements swap one fact for a same-kind value of the document, in
its time window, that the text never gives for that slot; a document's set is about half false."""

from quizapp.generation import generate
from quizapp.generation.candidates.open_dates import dated_state, open_ended
from quizapp.generation.candidates.true_false import imperative, of_bound, swappable
from quizapp.generation.clauses import evaluation, reported_view
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.slots import slot_of

from ._articles import clean, parsed, sentence

# Made up for these tests: one dated event per sentence, so each year is a same-kind value for the others.
MILLS = (
    "In 1841 the merchant Arthur Penrose founded a bank in Kelsby. "
    "In 1844 the bank opened a branch in Marlow. "
    "In 1847 Arthur Penrose opened a mill in Marlow. "
    "In 1849 a flood damaged the mill at Marlow. "
    "In 1852 the town council of Kelsby built a stone bridge. "
    "In 1871 the railway reached Kelsby."
)


def _swap(corpus, words: str, key_text: str) -> list[str] | None:
    index = DistractorIndex(corpus)
    sent = sentence(corpus, words)
    key = next(m for m in sent.mentions if m.text == key_text)
    return index.choose(key, key_text, 1, unsupported_only=True, same_article=True)


def test_a_swapped_year_is_in_window_and_never_given_for_that_slot():
    c = parsed(MILLS)
    # 1844: the text gives it for "opened" too; 1849: two years off is a quibble; 1841: the text names Arthur
    # Penrose in that year; 1871: 24 years off is out of the window. 1852 is the one good false year.
    assert _swap(c, "opened a mill", "1847") == ["1852"]


def test_the_slot_is_the_governing_word_and_the_subject():
    c = parsed(MILLS)
    sent = sentence(c, "opened a mill")
    slot = slot_of(next(m for m in sent.mentions if m.text == "1847"))
    assert slot.lemma == "open"
    assert "penrose" in slot.subjects


def test_after_a_light_verb_the_slot_is_its_complement():
    c = parsed("Arthur Penrose was a Methodist, like his friend Thomas Hale.")
    key = next(m for m in c.sentences[-1].mentions if m.text == "Arthur Penrose")
    assert slot_of(key).lemma == "methodist"


def test_a_person_bound_by_of_is_not_swapped():
    c = parsed("The poet Callimachus of Cyrene wrote a catalogue of Greek books in Alexandria.")
    sent = sentence(c, "Callimachus")
    cyrene = next(m for m in sent.mentions if m.text == "Cyrene")
    assert of_bound(cyrene)  # read as a person here: "Callimachus of Li Si" would be absurd
    assert not swappable(sent, cyrene)


def test_an_instruction_states_nothing_true_or_false():
    c = parsed("Explain why the merchants of Kelsby built a bridge in 1852. The merchants of Kelsby built a bridge.")
    assert imperative(sentence(c, "Explain"))
    assert not imperative(sentence(c, "The merchants"))


# Each sentence names the bank: a false statement gets no name written into "the bank" (round 16).
TOWNS = """The Bank of Kelsby

In 1841 the merchant Arthur Penrose founded a bank in Kelsby, a market town on the river Dane.
In 1846 the Bank of Kelsby opened a branch in Marlow, where the wool trade was growing.
In 1851 Arthur Penrose was elected mayor of Kelsby by the town council.
In 1856 the Bank of Kelsby lent money to the engineer Thomas Hale for a canal to Marlow.
In 1861 Thomas Hale finished the canal, and barges carried wool from Marlow to Kelsby.
In 1866 a fire destroyed the old market hall of Kelsby.
In 1871 the railway from Leeds reached Kelsby, and the canal lost most of its trade.
In 1876 the Bank of Kelsby built a new office on the high street of Kelsby.
In 1881 Edward Penrose, the son of Arthur Penrose, became the head of the bank.
In 1886 the Bank of Kelsby merged with a larger bank from Leeds.
"""


def test_a_documents_true_false_set_is_about_half_false():
    doc = clean("bank.txt", TOWNS)
    result = generate([doc], max_questions=12)
    keys = [q.answer for q in result.questions if q.type == "true_false"]
    assert len(keys) >= 2
    assert 0.35 <= keys.count(False) / len(keys) <= 0.65, keys
    for q in result.questions:
        if q.type == "true_false" and q.answer is False:
            # the explanation says what the article states, quoting it
            assert q.explanation.startswith("False. The text gives ")
            assert q.sources[0].quote in q.explanation


def _scores(ctx, words: str, key: str) -> tuple[float, float, str]:
    from quizapp.generation.candidates import multiple_choice_candidates, true_false_candidates

    sent = sentence(ctx.corpus, words)
    false = [x.score for x in true_false_candidates(ctx, sent) if x.draft.answer is False and x.key == key]
    choice = [x for x in multiple_choice_candidates(ctx, sent) if x.key == key]
    return max(false), choice[0].score, choice[0].stem_kind


def test_a_false_statement_ranks_above_a_cloze_question_on_the_same_fact():
    # Good false statements are scarce: a gap-fill question on the same date must not take their sentence first;
    # a real "When ...?" question still ranks first.
    from quizapp.generation.candidates import Context

    c = parsed(MILLS, titles=("Arthur Penrose",))  # his dates are what the article is about (see core_event)
    ctx = Context(c, DistractorIndex(c))
    false, choice, stem = _scores(ctx, "founded a bank", "1841")
    assert stem == "cloze"
    assert false > choice
    false, choice, stem = _scores(ctx, "opened a mill", "1847")
    assert stem == "wh"
    assert choice > false


def test_the_date_of_a_state_is_not_swapped():
    # "there was no bridge" held in 1849 as in 1852: another year may make no false statement
    c = parsed("In 1852 there was no bridge at Marlow, only a ford. In 1852 the council of Kelsby built a bridge.")
    state = sentence(c, "there was no bridge")
    event = sentence(c, "the council of Kelsby built")
    assert not swappable(state, next(m for m in state.mentions if m.text == "1852"))
    assert swappable(event, next(m for m in event.mentions if m.text == "1852"))
    # nor asked for: "In _____ there was no bridge" holds more than one year among the options
    assert open_ended(next(m for m in state.mentions if m.text == "1852"))
    assert not open_ended(next(m for m in event.mentions if m.text == "1852"))
    named = parsed("The peace of 1852 was harsh for the merchants of Kelsby.").sentences[-1]
    assert not dated_state(next(m for m in named.mentions if m.text == "1852"))  # the date names the peace


def test_a_sentence_with_no_fact_to_swap_still_gives_its_true_statement():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.true_false import true_false_candidates

    # Arthur Penrose's dates are what the article is about (see core_event): his mill has a false twin
    c = parsed(MILLS + " About 340 weavers of Kelsby signed the petition of the guild.", titles=("Arthur Penrose",))
    sent = sentence(c, "signed the petition")
    assert not [m for m in sent.mentions if swappable(sent, m)]  # an estimate: no false twin can be made of it
    made = true_false_candidates(Context(c, DistractorIndex(c)), sent)
    assert [(d.draft.answer, d.draft.prompt) for d in made] == [
        (True, "About 340 weavers of Kelsby signed the petition of the guild.")
    ]
    with_twin = true_false_candidates(Context(c, DistractorIndex(c)), sentence(c, "opened a mill"))
    assert max(x.score for x in with_twin if x.draft.answer is True) > made[0].score


def test_a_verdict_with_no_date_or_number_and_no_fact_to_swap_gives_no_statement():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.true_false import true_false_candidates

    c = parsed(MILLS + " The weavers of Kelsby changed the economy of the guild.")
    assert true_false_candidates(Context(c, DistractorIndex(c)), sentence(c, "changed the economy")) == []


def test_one_test_of_open_dates_for_blanks_options_and_swaps():
    c = parsed("Duke Orlan has ruled Veldmark since 1520. Before 1492 the valley of Marlow had few horses.")
    ruled, before = sentence(c, "ruled Veldmark"), sentence(c, "few horses")
    start = next(m for m in ruled.mentions if m.text == "1520")
    # a blank asks for the year written; an option or a swapped year could fall inside the reign
    assert open_ended(start)
    assert not open_ended(start, blank=True)
    bound = next(m for m in before.mentions if m.text == "1492")
    assert open_ended(bound)
    assert open_ended(bound, blank=True)


VIEWS = (
    "Historians still debate why the bank of Kelsby failed in 1886. "
    "Some scholars argue that Edward Penrose lent too much to the mills of Marlow in 1879. "
    "According to many historians, the railway from Leeds ruined the canal in 1871. "
    "The old market hall of Kelsby may have burned down in 1866. "
    "In 1851 Arthur Penrose believed that the canal would make Kelsby rich. "
    "In 1881 Edward Penrose became the head of the bank."
)


def test_a_reported_view_or_guess_is_no_statement_of_fact():
    c = parsed(VIEWS)
    for words in ("still debate", "scholars argue", "According to", "may have"):
        assert reported_view(sentence(c, words)), words
    # a named actor's belief is a fact about him, and a plain statement is a fact
    assert reported_view(sentence(c, "Arthur Penrose believed")) is None
    assert reported_view(sentence(c, "became the head")) is None


def test_no_true_false_statement_flattens_a_debate():
    result = generate([clean("views.txt", "Views of the Bank of Kelsby\n\n" + VIEWS)], max_questions=20)
    statements = [q.prompt for q in result.questions if q.type == "true_false"]
    for words in ("debate", "argue", "According", "may have", "ruined", "lent too much", "burned"):
        assert not any(words in s for s in statements), (words, statements)


VERDICTS = (
    "Several pamphlets made Ivo Marr famous in 1702. "
    "The port of Brevik was one of the boldest projects of the age in 1710. "
    "The Orvans were the leading traders of the northern sea in 1650. "
    "The largest building of Brevik was the hall of Ivo Marr in 1720. "
    "Brevik was a town that grew famous for its wool in 1730."
)


def test_a_verdict_in_the_predicate_is_no_statement_of_fact():
    c = parsed(VERDICTS)
    for words in ("made Ivo Marr famous", "boldest", "leading traders"):
        assert evaluation(sentence(c, words)), words
    # a superlative in the subject names what the statement is about; a clause of its own only describes
    assert evaluation(sentence(c, "largest building")) is None
    assert evaluation(sentence(c, "grew famous")) is None
    result = generate([clean("verdicts.txt", "Ivo Marr of Brevik\n\n" + VERDICTS)], max_questions=20)
    statements = [q.prompt for q in result.questions if q.type == "true_false"]
    for words in ("famous in 1702", "boldest", "leading"):
        assert not any(words in s for s in statements), (words, statements)


def test_a_statement_that_only_describes_its_subject_is_not_made():
    from quizapp.generation.candidates.true_false import says_nothing_of_its_subject
    from quizapp.generation.clauses import statement

    c = parsed(
        MILLS + " Arthur Penrose was not a careful banker. The merchants of Kelsby remained cautious."
        " Arthur Penrose was the first banker of Kelsby. The mill at Marlow became the largest in the county."
        " The bank of Kelsby was a branch of the Bank of Marlow. The bank of Kelsby was not a single company."
    )

    def nothing(words: str) -> bool:
        sent = sentence(c, words)
        made = statement(sent)
        assert made is not None
        return says_nothing_of_its_subject(sent, made[1])

    assert nothing("careful banker")
    assert nothing("remained cautious")
    assert not nothing("the first banker")  # a rank is a fact
    assert not nothing("the largest")
    assert not nothing("a single company")  # a count, not a verdict
    assert not nothing("a branch of the Bank")  # a name after the verb
    assert not nothing("opened a mill")  # not a description


def test_an_organisation_is_not_swapped():
    c = parsed("In 1860 the Kelsby Railway Company bought the old mill in Marlow.")
    sent = sentence(c, "bought the old mill")
    company = next(m for m in sent.mentions if m.text == "Kelsby Railway Company")
    assert company.kind == "org"
    assert not swappable(sent, company)
