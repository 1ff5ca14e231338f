"""The classifiers of round 16's checks (benchmarks/quality/wrongkey_check.py, form_check.py, causes_check.py):
each puts a judged question, or a sentence, in a class by its words; notes and sentences made up for the tests."""

from tests.unit.quality_scripts import load_script

wrongkey = load_script("wrongkey_check")
form = load_script("form_check")
causes = load_script("causes_check")


def test_a_wrong_key_is_classed_by_type_then_by_its_note():
    assert wrongkey.classify("fill_in", "'Velm' is refused though the article names it so") == "fill-refuses"
    assert wrongkey.classify("fill_in", "only 'Velm Abbey' is accepted") == "fill-refuses"
    # a loose list wins over a refusal in the same note: it is the rarer slip
    assert wrongkey.classify("fill_in", "bare 'abbey' is accepted, and 'Velm' refused") == "fill-loose"
    assert wrongkey.classify("multiple_choice", "Kelsby is also right: the article puts the abbey there") == (
        "choice-also"
    )
    assert wrongkey.classify("multiple_choice", "the key is simply wrong") == "other"
    assert wrongkey.classify("true_false", "anything") == "tf-key"
    assert wrongkey.classify("matching", "anything") == "pair"
    assert wrongkey.classify("ordering", "anything") == "pair"


def test_a_form_slip_takes_the_first_class_its_note_matches():
    assert form.class_of("fragment: '_____'s son Orvel.' makes no claim") == "fragment"
    assert form.class_of("truncated: the list is cut short") == "truncated"
    assert form.class_of("garbled: 'come, come to Kelsby'") == "garbled"
    assert form.class_of("ungrammatical, the verbs do not fit") == "ungrammatical"
    assert form.class_of("stray comma after the blank") == "stray"
    # a note naming no class is a slip of context, the largest class
    assert form.class_of("who are 'the surveyors'?") == "context"
    assert form.NOTE.search("a dangling 'it'") is not None
    assert form.NOTE.search("fine question, slightly long") is None


def test_a_sentence_is_marked_with_every_cause_and_debate_form_it_uses():
    text = "Because the harvest failed, the abbey sold its land, which led to a revolt; historians disagree why."
    assert causes.markers_of(text, causes.CAUSE_MARKERS) == ["because", "led/leads to"]
    assert causes.markers_of(text, causes.DEBATE_MARKERS) == ["historians/scholars", "disagree/debate"]
    # "because of" is its own form, "since 1402" no reason, "so many" no result
    assert causes.markers_of("Because of the flood, since 1402, so many left.", causes.CAUSE_MARKERS) == ["because of"]
