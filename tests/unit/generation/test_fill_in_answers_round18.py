"""Fill-ins that take a person's usual short name (quality, round 18): the given name before a father's-name
particle, a nisba without its article where a kunya opens the name, and a name without the nickname quoted
inside it."""

from quizapp.generation.candidates.fill_in_answers import patronymic_forms, without_nickname

from .test_fill_in_answers import _fill_ins
from .test_fill_in_answers_fair import _answers


def test_the_given_name_before_a_fathers_name_is_accepted():
    text = (
        "In 1905 the Velm spiritual leader Korvalel Arap Tasoei was shot dead at a meeting with British officers. "
        "The railway reached the lake two years later."
    )
    answers = _fill_ins(text)[0]["Korvalel Arap Tasoei"]
    assert "Korvalel" in answers
    assert "Arap Tasoei" in answers
    # another person of the article bears the given name: it no longer says which man
    other = text + " His rival Korvalel Denge fled to the hills."
    assert "Korvalel" not in _fill_ins(other)[0]["Korvalel Arap Tasoei"]


def test_a_common_given_name_before_a_fathers_name_is_no_answer():
    text = "The treaty of 1820 was signed by Ali bin Tasoei in Velm. The railway reached the lake in 1905."
    assert "Ali" not in _fill_ins(text)[0]["Ali bin Tasoei"]


def test_a_nisba_is_accepted_without_its_article_where_a_kunya_opens_the_name():
    corpus = _fill_ins("Abu Bakr al-Veldani wrote a treatise on wells in Velm around 1017.")[1].corpus
    assert "Veldani" in patronymic_forms(corpus, 0, "Abu Bakr al-Veldani")
    assert "Veldani" not in patronymic_forms(corpus, 0, "Kitab Bakr al-Veldani")  # no kunya, not written bare


def test_a_quoted_nickname_inside_a_name_may_be_left_out():
    assert without_nickname('Henrik "Hein" Tasson') == ["Henrik Tasson", "Hein Tasson"]
    assert without_nickname("Henrik Tasson") == []
    text = 'Oversight of the work passes to his assistant, Henrik "Hein" Tasson, in Velm. The ship sank in 1628.'
    assert "Henrik Tasson" in _answers(text, 'Henrik "Hein" Tasson', "person")
