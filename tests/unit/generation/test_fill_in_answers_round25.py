"""Fill-in answer lists after reader 20 (quality, round 25): a surname refused because another man of the article
shares the common given name, and an East Asian family name written first refused while the given name after it was
accepted."""

from .test_fill_in_answers import _fill_ins


def test_a_shared_common_given_name_leaves_the_surname_an_answer():
    text = (
        "Thomas Velkins founded the pottery of Marlow in 1759. "
        "From 1754 to 1759 Orsu worked in partnership with Thomas Kelvane, a leading Marlow potter."
    )
    keys, _ = _fill_ins(text)
    assert "Kelvane" in keys["Thomas Kelvane"]


def test_an_east_asian_family_name_written_first_is_the_short_name():
    text = "Early in the century Sato Kelvyn compared the Velm monks with the leaders of the Reformation."
    answers = _fill_ins(text)[0]["Sato Kelvyn"]
    assert "Sato" in answers
    assert "Kelvyn" not in answers


def test_a_family_name_another_person_bears_is_no_answer():
    text = (
        "Early in the century Sato Kelvyn compared the Velm monks with the leaders of the Reformation. "
        "Sato Orsuke later disputed his reading of the Velm monks."
    )
    assert "Sato" not in _fill_ins(text)[0]["Sato Kelvyn"]


def test_a_vietnamese_family_name_is_no_short_name():
    text = "Early in the century Nguyen Kelvyn compared the Velm monks with the leaders of the Reformation."
    assert "Nguyen" not in _fill_ins(text)[0].get("Nguyen Kelvyn", [])


def test_a_common_english_word_on_the_family_name_list_stays_a_family_name():
    text = (
        "Early in the century Li Kelvyn compared the Velm monks with the leaders of the Reformation. "
        "Li Orsuke later disputed his reading of the Velm monks."
    )
    answers = _fill_ins(text)[0]["Li Kelvyn"]
    assert "Kelvyn" not in answers
    assert "Li" not in answers  # another man's family name too


def test_a_body_named_after_the_is_no_family_name():
    text = 'In 1830 the poet Orsa Velm organised the Sato Taru ("those who gather together"), a network of teachers.'
    assert "Sato" not in _fill_ins(text)[0].get("Sato Taru", [])
