"""Round 18 (issue #15): a name swapped into a false statement must fit the statement's own words and kind; where
none fits, the sentence gives no false statement (texts made up for the tests)."""

import dataclasses

from quizapp.generation.candidates import Context, true_false_candidates
from quizapp.generation.candidates.swap_kinds import someones_surname
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

EXHIBITION = (
    "Queen Mara Holt opened the great exhibition in Kelsby. "
    "King Tobin Vale built a glass hall in Marlow. "
    "Tobin Vale founded a museum in Dunmore. "
    "Queen Mara Holt visited the museum in Dunmore. "
    "Tobin Vale ruled Marlow for forty years."
)


def _false_statements(ctx: Context, words: str, key: str) -> list[str]:
    sent = sentence(ctx.corpus, words)
    out = []
    for cand in true_false_candidates(ctx, sent):
        if cand.draft.answer is False and cand.key == key and cand.finish is not None and cand.finish():
            out.append(cand.draft.prompt)
    return out


def test_a_title_beside_the_swapped_name_rules_out_one_without_it():
    # "Queen _____": a man the article calls king makes the statement false at a glance ("Queen Tobin Vale
    # opened ..."), so the statement's own words are read as a stem's are, and no person is swapped in
    c = parsed(EXHIBITION)
    ctx = Context(c, DistractorIndex(c))
    made = _false_statements(ctx, "opened the great exhibition", "Mara Holt")
    assert not any("Tobin Vale" in p for p in made), made


def test_a_place_key_that_is_someones_surname_is_not_swapped():
    # "Rivel painted the panels", the surname read as a town: a place swapped in would make a city paint
    c = parsed(
        "Tomas Rivel painted his first mural in 1922 in Kelsby. "
        "In 1932 the panels of the station hall in Marlow were finished."
    )
    ctx = Context(c, DistractorIndex(c))
    marlow = next(m for m in sentence(c, "the station hall").mentions if m.text == "Marlow")
    assert not someones_surname(ctx, marlow)
    read_as_a_town = dataclasses.replace(marlow, text="Rivel", norm="rivel")
    assert someones_surname(ctx, read_as_a_town)
    assert not someones_surname(ctx, dataclasses.replace(read_as_a_town, kind="person"))
