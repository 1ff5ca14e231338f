"""Options of another sort than the stem asks for (round 21; texts made up for the tests)."""

from quizapp.generation.option_fit import ruled_out

from ._articles import mention, parsed


def _out(corpus, key, norm: str, prompt: str) -> bool:
    value = next(m for m in corpus.mentions() if m.norm == norm)
    sentences = {m.sent.id for m in corpus.mentions() if m.norm == norm}
    return ruled_out(corpus, key, norm, value, sentences, prompt, None)


def test_a_person_the_stem_names_is_no_option_under_his_other_name():
    c = parsed(
        "This timeline follows the rebel leader Jon Vell Brek, who took the name Tupac Ardo II. "
        "In 1760, Tupac Ardo married Ada Moor in Kelby. In 1762 Tupac Ardo met Carl Aske and Piet Lund in Orsk. "
        "In 1780 Tupac Ardo seized Piet Lund. Jon Vell Brek was born in 1738."
    )
    key = mention(c, "Ada Moor")
    assert _out(c, key, "jon vell brek", "In 1760, Tupac Ardo married _____.")  # himself, as his own wife
    assert not _out(c, key, "carl aske", "In 1760, Tupac Ardo married _____.")
    assert not _out(c, key, "jon vell brek", "In 1760, Lena Orde married _____.")  # the stem names neither name


def test_a_name_broken_inside_a_bracket_is_no_key_or_option():
    from quizapp.generation.distractors import usable_key

    c = parsed(
        "In 1511 the Portuguese took Melaka. Traders came from Pegu (Burma), Gujarat and Java to the port. "
        "Ships sailed from Pegu (Burma) in 1500."
    )
    broken = [m for m in c.mentions() if m.text.count("(") != m.text.count(")")]
    assert broken  # the model's span stops inside the bracket
    assert not any(usable_key(m) for m in broken)
    assert usable_key(mention(c, "1511"))


def test_a_person_of_the_story_is_no_option_where_the_stem_asks_a_scholar():
    c = parsed(
        "In 1780 Jon Brek led the revolt with his wife Ada Moor. In 1781 Ada Moor was executed in Kelby. "
        "The poet Carl Aske published a satire on the revolt in 1781. "
        "Piet Lund (1957) presented Brek as a precursor of independence. "
        "Mira Holt, in Seeking a King (1986), placed the revolt within a utopia. "
        "Lena Orde argued in 2014 that the violence grew on both sides."
    )
    key = mention(c, "Piet Lund")
    stem = "_____ presented Brek as a precursor of independence."
    assert [n for n in ("ada moor", "carl aske") if _out(c, key, n, stem)] == ["ada moor", "carl aske"]
    assert [n for n in ("mira holt", "lena orde") if _out(c, key, n, stem)] == []
    assert not _out(c, key, "carl aske", "In 1957 _____ visited Kelby.")  # the stem asks for no scholar
    stem = "_____, in Seeking a King, placed the revolt within a utopia."
    assert _out(c, mention(c, "Mira Holt"), "ada moor", stem)
    assert _out(c, mention(c, "Lena Orde"), "carl aske", "Who argued that the violence grew on both sides?")


def test_a_scholars_signs_are_a_year_alone_and_an_example_of_critics():
    from quizapp.generation.stem_class import scholar_sign

    c = parsed(
        "Jon Brek (1738–1783) led the revolt. Critics such as Piet Lund replied that the claim went too far. "
        "Mira Holt (1986) saw the revolt as a utopia."
    )
    assert [n for n in ("Jon Brek", "Piet Lund", "Mira Holt") if scholar_sign(mention(c, n))] == [
        "Piet Lund",
        "Mira Holt",
    ]


def test_the_study_verbs_mark_each_name_of_a_listed_subject():
    from quizapp.generation.stem_class import scholar_sign

    c = parsed(
        "Ada Moor examined how the prophecy was remembered. Carl Aske highlighted the forestry rules. "
        "Piet Lund and Mira Holt, editors of a volume, stressed local variety. Jon Brek led the revolt in 1905."
    )
    signed = [n for n in ("Ada Moor", "Carl Aske", "Piet Lund", "Mira Holt", "Jon Brek") if scholar_sign(mention(c, n))]
    assert signed == ["Ada Moor", "Carl Aske", "Piet Lund", "Mira Holt"]
