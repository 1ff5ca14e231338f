"""Fill-ins that take a person's or an office's fair other names and refuse a loose one (quality v15, round 16): a
father's name with its particle, both Iberian surnames and the first alone, the curated spellings of famous
rulers and churches, an office the same people held under another name, and no bare given name many bear."""

from quizapp.generation.candidates.fill_in_answers import patronymic_forms

from .test_fill_in_answers import _fill_ins
from .test_fill_in_answers_fair import _answers


def test_a_fathers_name_is_accepted_with_its_particle():
    text = (
        "1754 - Harun dan Veldo (Shehu Harun) is born in Ostergau into a family of scholars.\n"
        "1774 - Harun begins a career as a preacher in Velm.\n"
        "1817 - Harun dan Veldo dies in Kelsby."
    )
    answers = _fill_ins(text)[0]["Harun dan Veldo"]
    assert "dan Veldo" in answers
    # the given name the article goes on to use alone, though the bracketed other name holds it too
    assert "Harun" in answers
    corpus = _fill_ins("Abu Rayhan al-Veldani wrote on Velm. Veldani also measured the earth.")[1].corpus
    assert "ibn Tarsh" in patronymic_forms(corpus, 0, "Abd al-Malik ibn Tarsh")
    assert "Veldani" in patronymic_forms(corpus, 0, "Abu Rayhan al-Veldani")  # the article writes it so
    assert "Kelsani" not in patronymic_forms(corpus, 0, "Nasir al-Kelsani")  # it does not, and no kunya opens it
    assert patronymic_forms(corpus, 0, "Ben Tarsh") == []  # a given name, not a particle
    assert patronymic_forms(corpus, 0, "Abd al-Veldani") == []  # a compound name: the bare word is no one's


def test_an_iberian_name_accepts_both_surnames_and_the_first_not_the_second_alone():
    text = (
        "The first digs at the temple in Peru were led by Orsino Tello. "
        "Rafael Pasko Velde disagreed, stressing the coastal tradition of the north as the source of the style."
    )
    answers = _fill_ins(text)[0]["Rafael Pasko Velde"]
    assert {"Pasko Velde", "Pasko"} <= set(answers)
    assert "Velde" not in answers
    father = text + " His father Victor Pasko Herrera had collected pots."
    assert "Pasko" not in _fill_ins(father)[0]["Rafael Pasko Velde"]  # which Pasko, the name leaves open
    elsewhere = text.replace("Peru", "Angola")  # no Spanish-speaking setting: the name may be of another kind
    assert "Velde" in _fill_ins(elsewhere)[0]["Rafael Pasko Velde"]
    anglo = "Harold Pasko Velde disagreed, stressing the coastal tradition of the north as the source of the style."
    assert "Pasko" not in _fill_ins(anglo)[0]["Harold Pasko Velde"]


def test_the_curated_table_gives_the_other_spellings_of_a_ruler_and_a_church():
    assert "Ramses II" in _answers("The temples were built for Ramesses II on the Velm river.", "Ramesses II", "person")
    church = "The Catholic Church placed the book of Harl on its index in 1616."
    assert "Roman Catholic Church" in _answers(church, "Catholic Church", "org")


def test_an_office_accepts_the_other_name_the_same_holders_bore():
    text = (
        "In 1970 Harl Vask replaced Orsino Dreld as party leader and borrowed heavily. "
        "In 1980 Vask was replaced as party first secretary by Tomas Kell. "
        "In 1981 Jarl Mott replaced Kell as party leader."
    )
    answers = _answers(text, "party leader", "term")
    assert {"first secretary", "party first secretary"} <= set(answers)
    # one holder in common: a man may hold two offices
    one = (
        "In 1970 Harl Vask replaced Orsino Dreld as party leader and borrowed heavily. "
        "In 1980 Vask was replaced as head of state by Tomas Kell."
    )
    assert "head of state" not in _answers(one, "party leader", "term")


def test_a_numbered_ruler_with_a_common_given_name_needs_his_number():
    text = "In 1543 Pope Paul III approved the order of Harl. Paul later called a council at Velm."
    answers = _fill_ins(text)[0]["Paul III"]
    assert "Pope Paul III" in answers
    assert not {"Paul", "Pope Paul"} & set(answers)


def test_a_word_of_a_name_as_common_as_a_given_name_many_bear_is_no_answer_alone():
    rare = "In March the Velm captain Orsino Drellani Pask arrived with 300 archers. Drellani held the eastern gate."
    assert "Drellani" in _answers(rare, "Orsino Drellani Pask", "person")
    common = "In March the Velm captain Orsino Michael Pask arrived with 300 archers. Michael held the eastern gate."
    assert "Michael" not in _answers(common, "Orsino Michael Pask", "person")


def test_a_building_after_in_is_also_answered_by_its_town():
    text = (
        "After 1510 the canon Anselm Tarro lived mainly in Velmbork, where he wrote his book on the planets. "
        "Tarro died in Velmbork in 1543. "
        "For centuries Tarro's grave in Velmbork Cathedral was unmarked."
    )
    assert "Velmbork" in _fill_ins(text)[0]["Velmbork Cathedral"]
    built = text.replace(
        "For centuries Tarro's grave in Velmbork Cathedral was unmarked.",
        "Velmbork Cathedral was built in 1388 on a hill.",
    )
    assert "Velmbork" not in _fill_ins(built)[0].get("Velmbork Cathedral", ["Velmbork Cathedral"])
