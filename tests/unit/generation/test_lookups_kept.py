"""Lookups the generator keeps per document instead of redoing per key (issue #15's speed target): each must give
what the lookup it replaces gave (texts made up for the tests)."""

import re

from quizapp.generation.candidates.fill_in import the_before
from quizapp.generation.candidates.fill_in_answers import mention_norms, person_full_name
from quizapp.generation.claims import claim_of
from quizapp.generation.definites import _titled_other_since
from quizapp.generation.glosses import glossed_terms
from quizapp.generation.repeats import _told
from quizapp.generation.textutil import contains_phrase

from ._articles import parsed, sentence

TWO = (
    "In 1861 Anna Weiss founded a school at Tula. Weiss taught there for ten years.",
    "In 1863 Karl Jansen moved the archive from Orel to Kursk. Jansen wrote its catalogue.",
)


def test_a_documents_sentences_are_its_own_in_order():
    c = parsed(*TWO)
    for doc in (0, 1):
        assert c.document_sentences(doc) == [s for s in c.sentences if s.doc == doc]
    assert c.document_sentences(5) == []


def test_a_kept_lookup_is_worked_out_once_per_key():
    c = parsed(*TWO)
    calls = []

    def make(value):
        calls.append(value)
        return value

    assert c.kept("t", (0, "a"), lambda: make(1)) == 1
    assert c.kept("t", (0, "a"), lambda: make(2)) == 1  # kept
    assert c.kept("t", (1, "a"), lambda: make(3)) == 3  # another key
    assert calls == [1, 3]


def test_a_documents_people_are_its_own():
    c = parsed(*TWO)
    assert "anna weiss" in mention_norms(c, 0, "person")
    assert "karl jansen" not in mention_norms(c, 0, "person")
    assert person_full_name(c, 0, "Weiss") == ["Anna Weiss"]
    assert person_full_name(c, 1, "Weiss") == []  # the other document's name is no answer here
    assert person_full_name(c, 0, "Weiss") == ["Anna Weiss"]  # kept, and a copy each time


def test_the_before_a_key_as_the_pattern_finds_it():
    def pattern(text, source):
        return re.search(r"\bthe\s+" + re.escape(text), source, re.I) is not None

    cases = [
        ("Rhine", "They crossed the Rhine."),
        ("Rhine", "They crossed THE\n  rhine at dawn."),
        ("Rhine", "They bathe Rhine water."),  # "bathe" is no "the"
        ("Rhine", "The Rhine, then the Main."),
        ("Main", "The Rhine, then the  Main."),
        ("Rhine", "Rhine and the Rhône."),
        ("Rhône", "Rhine and the rhône."),  # not ASCII: the pattern itself
        ("Rhine", "the"),
    ]
    for text, source in cases:
        assert the_before(text, source) == pattern(text, source), (text, source)


def test_a_word_without_a_cue_beside_it_is_no_defined_term_and_one_with_is():
    c = parsed("The farmers lifted water with a shaduf, a pole with a bucket, beside the river.")
    terms = glossed_terms(sentence(c, "shaduf"))
    assert [g.first.text for g in terms] == ["shaduf"]


def test_repeated_events_are_looked_for_only_among_sentences_sharing_a_name():
    c = parsed("In 1861 HMS Valiant left Liverpool. In 1862 the crew rested. In 1863 HMS Valiant left Liverpool again.")
    told = _told(c, 0)
    kept = told.sharing(["HMS Valiant"])

    def shares(names):
        return any({"hms", "valiant"} & set(n.lower().split()) for n in names)

    assert kept
    assert all(shares(names) for _s, names, _v in kept)
    assert all(not shares(names) for entry in told.told if entry not in kept for _s, names, _v in [entry])
    assert any(not shares(names) for _s, names, _v in told.told)  # "the crew rested" is passed over


EMPERORS = (
    "The Kangxi emperor ruled for sixty years. Later the Yongzheng emperor took the throne. "
    "The emperor raised the salt tax."
)


def _titled_other_by_reading_tokens(corpus, sent, head, name, found):
    # what _titled_other_since did before it read the document's index: every token of the sentences between
    last = max(sid for sid, _ in found)
    for s in corpus.document_sentences(sent.doc):
        if last < s.id < sent.id:
            for t in s.tokens[1:]:
                before = t.nbor(-1)
                if t.lower_ == head.lower_ and before.pos_ == "PROPN" and not contains_phrase(name, before.text):
                    return True
    return False


def test_a_head_written_after_another_name_is_found_as_by_reading_tokens():
    c = parsed(EMPERORS)
    first, second, last = (sentence(c, w) for w in ("Kangxi", "Yongzheng", "salt"))
    head = next(t for t in last.tokens if t.lower_ == "emperor")
    cases = [
        ("the Kangxi emperor", [(first.id, "the Kangxi emperor")]),  # the Yongzheng emperor came between
        ("the Yongzheng emperor", [(second.id, "the Yongzheng emperor")]),  # named last: nothing between
        ("the Yongzheng emperor", [(first.id, "the Kangxi emperor")]),  # only its own name between
    ]
    answers = [_titled_other_since(c, last, head, name, found) for name, found in cases]
    assert answers == [_titled_other_by_reading_tokens(c, last, head, name, found) for name, found in cases]
    assert answers == [True, False, False]


def test_a_sentence_without_a_slot_is_not_resolved_for_its_claim():
    # the disagreement check compares only claims with a date, number or place: resolving "the guild" or "it"
    # of every other sentence was most of its cost
    c = parsed("The Guild of Weavers met at Ballintra in 1412. The guild chose a master. It praised him.")
    plain, dated = sentence(c, "chose"), sentence(c, "1412")
    assert not claim_of(c, plain).slots
    assert "definites" not in plain.cache
    assert claim_of(c, dated).slots
    assert {"guild", "weavers", "ballintra"} <= claim_of(c, dated).names
