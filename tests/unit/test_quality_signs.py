"""The signs benchmarks/quality/measure.py prints: malformed prompts, date keys, why/how questions, the counts."""

import pytest

from tests.unit.quality_scripts import load_script

signs = load_script("signs")


@pytest.mark.parametrize(
    "prompt",
    [
        "When did King Valdemar IV conquer Gotland?",
        "The Code of Hammurabi's best-known copy is a _____ about 2.25 metres tall.",
        '_____ called himself the "First Sovereign Emperor of Qin".',
        "Which town did the merchants come from?",
        "What was Ying Zheng the king of?",
        "Frontinus (the curator aquarum) complained of illegal taps.",
        "Who wrote \u201cThe Starry Messenger\u201d in 1610?",
        "\u2018Houses of stone\u2019 is what the name means, and Zimbabwe\u2019s flag shows a bird.",
        "In _____, the VOC received its charter.",
        "He said that the ships had gone.",
        'The motto "Hansestadt Hamburg" is written "HH".',
        "What the Elamites carved was never finished.",
        "1066 was the year of three kings.",
    ],
)
def test_well_formed_prompts_have_no_problems(prompt):
    assert signs.prompt_problems(prompt) == []


@pytest.mark.parametrize(
    ("prompt", "problem"),
    [
        ('Frontinus compared the aqueducts with the "idle pyramids of _____.', "unbalanced quotes"),
        ("Who wrote \u201cThe Starry Messenger in 1610?", "unbalanced quotes"),
        ("Who wrote The Starry Messenger\u201d in 1610?", "unbalanced quotes"),
        ("The \u2018Medicean Stars were named after _____.", "unbalanced quotes"),
        ("Frontinus (the curator aquarum complained of illegal taps.", "unbalanced brackets"),
        ("Frontinus the curator aquarum) complained of illegal taps.", "unbalanced brackets"),
        ("The sorts [of type) were cast in a hand mould.", "unbalanced brackets"),
        ("When did King Valdemar IV conquer Gotland in?", "stranded word before '?'"),
        ("Who was the?", "stranded word before '?'"),
        ("Which town did the merchants trade salt and?", "stranded word before '?'"),
        ("Where did the Hanseatic merchants live in?", "stranded word before '?'"),
        ("According to Galen, why were ships searched for?", "stranded word before '?'"),
        ("The the stele was found at Susa.", "doubled determiner"),
        ("Ptolemy founded the a library in _____.", "doubled determiner"),
        ("Coen conquered their the islands in _____.", "doubled determiner"),
        ("shang Yang served Duke Xiao of Qin.", "lowercase first letter"),
        ('"the first general Diet met in _____.', "lowercase first letter"),
        ("Gutenberg was born in _____ , the son of a merchant.", "whitespace before punctuation"),
        ("Who built the Pont du Gard ?", "whitespace before punctuation"),
        ('Frontinus compared the "idle pyramids"of _____ and the"useless" works.', "quote glued to words"),
        ("Why did Roman engineers prefer _____ to arches.", "question ending in a full stop"),
        ("What problems did Frontinus find in the water supply.", "question ending in a full stop"),
        ("2. Explain why wages rose after the Black Death.", "numbering left in"),
    ],
)
def test_each_malformation_is_named(prompt, problem):
    assert problem in signs.prompt_problems(prompt)


def test_every_check_is_named_and_a_prompt_can_fail_several():
    first_six = signs.prompt_problems('the the "stele (of the ?')
    assert set(first_six) == set(list(signs.MALFORMED_CHECKS)[:6])
    assert signs.prompt_problems('1. When did "the"Diet meet.') == [
        "quote glued to words",
        "question ending in a full stop",
        "numbering left in",
    ]


@pytest.mark.parametrize(
    ("key", "prompt", "is_date"),
    [
        ("1066", "William was crowned in _____.", True),
        ("221 BC", "In _____ the king of Qin ended the war.", True),
        ("AD 97", "Frontinus was appointed in _____.", True),
        ("14 October 1066", "The battle was fought on _____.", True),
        ("February 1633", "Galileo arrived in Rome in _____.", True),
        ("the twelfth century", "Shutruk-Nahhunte took the stele in _____.", True),
        ("the 1590s", "The Netherlands were at war in _____.", True),
        ("1780\u20131784", "The Fourth Anglo-Dutch War lasted from _____.", True),
        ("876", "In _____ the relic was given to the cathedral.", True),
        ("Rome", "When did Galileo arrive in Rome?", True),  # the question asks for a time, whatever the key says
        ("180", "About _____ copies were printed.", False),
        ("1,800", "_____ people subscribed.", False),
        ("Mainz", "Where was Gutenberg born?", False),
        ("Pope Clement VI", "Who issued bulls in 1348?", False),
        ("May", "The month of _____ follows April.", True),
    ],
)
def test_date_keys(key, prompt, is_date):
    assert signs.is_date_key(key, prompt) is is_date


@pytest.mark.parametrize(
    ("prompt", "why_how"),
    [
        ("Why did Roman engineers prefer underground channels to arches?", True),
        ("How did Eratosthenes estimate the size of the Earth?", True),
        ("According to Galen, how were books collected for the Library?", True),
        ("How many aqueducts supplied Rome?", False),
        ("How long did the Qin dynasty last?", False),
        ("Why did Roman engineers prefer _____ to arches.", False),  # not a question: no question mark
        ("Explain why wages rose after the Black Death.", False),
        ("When did Fust sue Gutenberg?", False),
    ],
)
def test_why_how_questions(prompt, why_how):
    assert signs.is_why_how(prompt) is why_how


def _mc(prompt, key, options=("a", "b", "c")):
    return {"type": "multiple_choice", "prompt": prompt, "answer": key, "options": [key, *options]}


def test_counts_of_one_document():
    questions = [
        _mc("When did the Hanseatic League hold its first Diet?", "1356"),
        _mc("Which city hosted most Diets of the Hanseatic League?", "Lübeck"),
        {
            "type": "fill_in",
            "prompt": "The Diet usually met in Lübeck, and its _____ bound only towns that attended.",
            "answer": ["decisions", "decision"],
        },
        {"type": "true_false", "prompt": "Why did the League decline?", "answer": False},
        {"type": "true_false", "prompt": "The League had no standing army.", "answer": True},
        {"type": "true_false", "prompt": "the the League had a treasury.", "answer": False},
        {
            "type": "ordering",
            "prompt": "Put these events in chronological order, earliest first.",
            "answer": ["x", "y"],
            "options": ["y", "x"],
        },
    ]
    c = signs.count(questions, title="The Hanseatic League and its Diet", words=350)
    assert c == signs.Counts(
        questions=7,
        words=350,
        true_false=3,
        false_keys=2,
        text_keys=3,
        date_keys=1,
        why_how=1,
        keys_in_title=0,
        keys_in_other_prompts=1,
        malformed=1,
    )
    assert (
        signs.count([_mc("Which league met in Lübeck?", "Hanseatic League")], "Hanseatic League", 100).keys_in_title
        == 1
    )

    values = {sign.name: (value, ok) for sign, value, ok in signs.verdicts(c)}
    assert values["q/1kw"] == (20.0, True)
    assert values["false"] == (pytest.approx(2 / 3), False)
    assert values["dates"] == (pytest.approx(1 / 3), True)
    assert values["why/how"] == (pytest.approx(1 / 7), True)
    assert values["key in title"] == (0, True)
    assert values["key in prompt"] == (pytest.approx(1 / 3), False)
    assert values["malformed"] == (1, False)


def test_counts_add_up_and_empty_shares_are_not_judged():
    a = signs.Counts(questions=2, words=100, true_false=0, text_keys=2, date_keys=1)
    b = signs.Counts(questions=3, words=200, true_false=2, false_keys=1, text_keys=1)
    total = a + b
    assert (total.questions, total.words, total.true_false, total.false_keys, total.date_keys) == (5, 300, 2, 1, 1)
    values = {sign.name: (value, ok) for sign, value, ok in signs.verdicts(a)}
    assert values["false"] == (None, None)
    printed = signs.table([("01-a", a), ("all", total)])
    assert "FAIL" in printed
    assert "PASS" in printed
    assert printed.splitlines()[2].split()[0] == "01-a"


def test_count_words_skips_bare_punctuation():
    assert signs.count_words("In 1066 \u2014 William, Duke of Normandy , landed.") == 7
