"""Long sentences whose only excess is a comma-set aside (issue #15, density): the statement leaves the aside out
rather than make no question, and keeps every comma the rest needs. (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.clauses import statement

from ._articles import parsed, sentence

RELATIVE = (
    "In 1412 the abbot Gerard of Velm, who had also founded the small hospital beside the river crossing at "
    "Orsk, built the first stone bridge over the Sel at Varro."
)
APPOSED = (
    "The new duke, Otto Brenn, who also ruled the valley towns and the salt pans of the coast for many years, "
    "summoned the guilds to an assembly at Varro in May 1431 under a promise of safe conduct."
)
OPENING = (
    "Compared with the old script of Orsk, which used several hundred signs, or the temple script of Velm, which "
    "used many hundreds, the new alphabet of only 24 signs could be learned quickly by merchants."
)
TRAILING = (
    "The merchant brought back scholars and the Velmish poet and builder Aldo Renn of Tesk, who is traditionally "
    "credited with designing the great hall of the guild in Varro, begun around 1327."
)
CLOSING_PARTICIPLE = (
    "In 1871 the engineer Hugo Lenz replied to the council of Arnheim in a long letter, arguing that the old "
    "wooden bridge over the river could not carry the new railway and should be replaced."
)
NAMED_BY_APPOSITION = (
    "The immediate cause, the grey rot that spread along the southern valleys of the duchy in the wet years, "
    "reached the farms of Varro in 1412 and ruined nearly every harvest of rye and barley there."
)


def _statement(text: str, key: str, words: str) -> str | None:
    s = sentence(parsed(text), words)
    anchor = next(t for t in s.tokens if t.text == key)
    made = statement(s, anchor)
    return made[0] if made else None


def test_a_long_sentence_leaves_out_its_relative_clause():
    # 30 words: too long for a prompt, no second main clause to cut; the "who" clause only describes the abbot
    assert _statement(RELATIVE, "1412", "Gerard") == (
        "In 1412 the abbot Gerard of Velm built the first stone bridge over the Sel at Varro."
    )


def test_the_aside_that_holds_the_key_stays():
    made = _statement(RELATIVE, "Orsk", "Gerard")
    assert made is None or "Orsk" in made


def test_the_comma_of_an_apposition_before_the_aside_stays():
    made = _statement(APPOSED, "1431", "Otto Brenn")
    assert made is not None
    assert made.startswith("The new duke, Otto Brenn, summoned the guilds")


def test_the_comma_that_closes_an_opening_phrase_stays():
    made = _statement(OPENING, "24", "Compared with")
    assert made is not None
    assert "Velm, the new alphabet" in made or "Orsk, the new alphabet" in made
    assert "Velm the new" not in made
    assert "Orsk the new" not in made


def test_no_cut_where_another_aside_follows():
    # "Renn begun around 1327" would run two asides together: no statement rather than a garbled one
    made = _statement(TRAILING, "1327", "Aldo Renn")
    assert made is None or "who is traditionally credited" in made


def test_an_apposition_that_names_a_common_noun_stays():
    # "The immediate cause reached the farms": what cause? the apposition is what names it
    made = _statement(NAMED_BY_APPOSITION, "1412", "immediate cause")
    assert made is None or "grey rot" in made


def test_a_closing_participle_phrase_is_left_out():
    # 31 words, one main clause: ", arguing that ..." says what the letter argued; the rest is what Lenz did
    assert _statement(CLOSING_PARTICIPLE, "Lenz", "Hugo Lenz") == (
        "In 1871 the engineer Hugo Lenz replied to the council of Arnheim in a long letter."
    )
    # ", written ...": a past participle closes the sentence the same way
    written = (
        "The only full account of the flood at Arnheim comes from the town clerk Piet Vos in his Chronicle of the "
        "River Towns, written about a decade later by a hostile witness."
    )
    assert _statement(written, "Vos", "Piet Vos") == (
        "The only full account of the flood at Arnheim comes from the town clerk Piet Vos in his Chronicle of the "
        "River Towns."
    )
    made = _statement(CLOSING_PARTICIPLE, "railway", "Hugo Lenz")
    assert made is None or "railway" in made  # the phrase that holds the key stays
