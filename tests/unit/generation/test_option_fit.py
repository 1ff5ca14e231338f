"""Options a student rules out without knowing anything (issue #15, round 7; texts made up for the tests)."""

from ._articles import mention, parsed


def test_the_article_says_what_a_name_is_through_an_apposition_or_a_building():
    c = parsed(
        "Some historians, notably Varro Quill, doubted the story in 1901. "
        "In 1520 Pope Linus issued the bull Surge Domine against the preacher. "
        "In 1515 the Pope raised money for St Aldo's Basilica in Rome. "
        "In July 1562 the Franciscan friar Diego Landez burned the books."
    )
    assert mention(c, "Diego Landez").fine == "person:cleric"  # no option among twentieth-century scholars
    assert mention(c, "Varro Quill").fine == "person:writer"  # a historian among the actors
    assert mention(c, "Surge Domine").fine == "thing"  # a papal bull, no person
    assert all(m.fine == "thing" for m in c.mentions() if m.norm.startswith("st aldo"))  # a church's name
