"""A person's or a body's usual name is accepted beside the fuller one the key gives (quality v8, round 9)."""

from quizapp.generation.candidates.fill_in_answers import bare_person_name

from .test_fill_in_answers import _fill_ins

RULERS = (
    "In 1480 the bankers of Veldmark lent money to Orvald the Bold, Duke of Marrak. "
    "In 1496 the city gave three ships to the visiting King Tarsin of Ostergau. "
    "In 1502 the harbour was seized by Brannoc the Tall. "
    "His brother Brannoc Hale held the fort at Kelsby."
)


def test_a_rulers_bare_name_is_accepted_without_title_realm_or_epithet():
    keys, ctx = _fill_ins(RULERS)
    assert "Orvald" in keys["Orvald the Bold"]
    assert {"Tarsin", "King Tarsin"} <= set(keys["King Tarsin of Ostergau"])
    assert "Brannoc" not in keys["Brannoc the Tall"]  # Brannoc Hale holds that name too
    assert bare_person_name(ctx.corpus, 0, "Duke of Marrak") == []  # a title alone is no name


def test_a_bodys_full_name_is_accepted_beside_a_meeting_at_a_place():
    text = (
        "In 1929 the Veldmark National Assembly declared that its goal was independence. "
        "The Assembly met in Kelsby that winter. "
        "In 1930 Assembly asked Tomas Reyl to lead a march to the sea. "
        "After the Kelsby Assembly closed, Assembly called off the march."
    )
    keys, _ = _fill_ins(text)
    assert "Veldmark National Assembly" in keys["Assembly"]


def test_the_two_surnames_of_an_iberian_name_are_accepted():
    text = "President Joaquim de Souza Ribeiro Teles, who took office in 1502, rebuilt the port of Kelsby."
    keys, _ = _fill_ins(text)
    assert "Ribeiro Teles" in keys["Joaquim de Souza Ribeiro Teles"]
