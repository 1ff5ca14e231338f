"""Fill-in answer lists after readers 14 and 15 (quality, round 20): fair short forms refused (a numbered ruler's
bare name, a work by its hero, a nisba, a table name behind a title) and junk forms accepted (half a rank before a
name, a given name alone, a name the stem prints)."""

from quizapp.generation.candidates.fill_in import not_in_stem
from quizapp.generation.candidates.fill_in_answers import patronymic_forms

from .test_fill_in_answers import _fill_ins
from .test_fill_in_answers_fair import _answers


def test_a_rank_of_two_words_gives_no_half_rank_before_the_name():
    text = "Prime Minister Tavel Orsk, who opposed the treaty, was shot in Velm on 7 March 1951."
    answers = _answers(text, "Tavel Orsk", "person")
    assert "Minister Tavel Orsk" not in answers
    assert "Prime Minister Tavel Orsk" in answers
    # a title of one word still goes before the name
    king = "King Tavel Orsk, who opposed the treaty, was shot in Velm on 7 March 1951."
    assert "King Tavel Orsk" in _answers(king, "Tavel Orsk", "person")


def test_a_numbered_rulers_possessive_is_no_other_name():
    text = (
        "Leo's son Tarsin V went further in 754. "
        "Tarsin also came into conflict with the monks of Velm. "
        "After Tarsin V's death, policy changed."
    )
    assert "Tarsin" in _answers(text, "Tarsin V", "person")
    other = text + " Tarsin Orsk, a monk, fled to Rome."
    assert "Tarsin" not in _answers(other, "Tarsin V", "person")


def test_a_given_name_after_an_east_asian_family_name_is_no_answer():
    text = "The Velm dynasty was founded in 960 by the general Zhao Kelvyn, remembered as Emperor Orsu."
    assert "Kelvyn" not in _fill_ins(text)[0]["Zhao Kelvyn"]
    # a Western order: the surname alone
    western = "The Velm dynasty was founded in 960 by the general Tavel Kelvyn, remembered as Emperor Orsu."
    assert "Kelvyn" in _fill_ins(western)[0]["Tavel Kelvyn"]


def test_a_nisba_after_a_common_arabic_given_name_is_accepted():
    text = (
        "In about 1500, the king put questions on law to the North African scholar Muhammad al-Veldani. "
        "In 1493 Muhammad Tasoei seized the throne of Gao. Muhammad al-Veldani died in 1505."
    )  # named twice: a name said once in apposition is no blank (round 23b)
    answers = _fill_ins(text)[0]["Muhammad al-Veldani"]
    assert {"al-Veldani", "Veldani"} <= set(answers)
    corpus = _fill_ins(text)[1].corpus
    assert "Veldani" not in patronymic_forms(corpus, 0, "Kitab al-Veldani")  # no man's name opens it


def test_a_work_named_after_its_hero_is_accepted_by_the_heros_name():
    text = "The best-known literary work from Velm is the Standard version of the Epic of Tarsamesh."
    assert "Tarsamesh" in _answers(text, "Epic of Tarsamesh", "org")
    # the article names something else by the hero: no longer the work's alone
    other = text + " The Battle of Tarsamesh was fought in 650."
    assert "Tarsamesh" not in _answers(other, "Epic of Tarsamesh", "org")


def test_a_title_before_a_name_of_the_table_takes_the_tables_other_names():
    text = "After the conquest of the city in 1453, Sultan Mehmed II converted the church into a mosque."
    assert "Mehmed the Conqueror" in _answers(text, "Sultan Mehmed II", "person")


def test_an_answer_the_stem_prints_is_dropped():
    prompt = "The Veldans (called _____) were a people of the north coast."
    assert not_in_stem(prompt, ["Veldica", "Veldans", "the Veldica"]) == ["Veldica", "the Veldica"]
    # the key stays whatever the stem prints
    assert not_in_stem("The Veldans were here, _____.", ["Veldans", "Velda"]) == ["Veldans", "Velda"]
