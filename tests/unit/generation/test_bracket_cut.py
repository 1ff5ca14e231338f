"""Round 21: a sentence the parser ends on a closing bracket is cut in two, and neither half is asked (a text made
up for the test)."""

from ._articles import parsed, sentence


def test_both_halves_of_a_sentence_cut_at_a_bracket_are_marked():
    # the parser ends a sentence after "(bendahara)"; "Tun Kerim, Seluka expanded ..." then loses the sultan, and
    # a blank on Tun Kerim would refuse the sultan, as right an answer
    c = parsed(
        "Muzaffar Shah ruled from 1445. Under Sultan Osman Shah (reigned about 1420–1449) and the long-serving "
        "chief minister (bendahara) Tun Kerim, Seluka expanded and became a centre for the spread of Islam "
        "through the archipelago."
    )
    first = sentence(c, "Under Sultan")
    assert "Seluka" not in first.text  # the parser's cut, which the rule is for
    assert first.cut
    assert sentence(c, "Seluka expanded").cut
    assert not sentence(c, "Muzaffar").cut
