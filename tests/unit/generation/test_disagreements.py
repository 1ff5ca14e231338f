"""Two tiny documents naming different places for one facility."""

from quizapp.generation import generate
from quizapp.generation.pipeline import analyse, build_candidates

from ._articles import clean

A = (
    "Harbour works\n\nA naval repair yard was built at Kiel in 1905 for the new fleet. "
    "The admiral Georg Brandt opened the naval repair yard in 1906. Sailors trained in Hamburg and Bremen."
)
B = (
    "Fleet history\n\nThe first naval repair yard was built at Danzig in 1905. "
    "Ships from Stettin and Rostock were repaired there later. The yard employed 3,000 workers in 1910."
)


def test_disagreement_found_and_questions_say_whose_account():
    result = generate([clean("a.txt", A), clean("b.txt", B)], max_questions=30)
    dis = result.report.disagreements
    assert dis, "the two places for the repair yard were not noticed"
    assert {c.document for c in dis[0].claims} == {"a.txt", "b.txt"}
    assert "Kiel" in dis[0].note
    assert "Danzig" in dis[0].note
    keyed = [q for q in result.questions if any("repair yard was built" in s.quote for s in q.sources)]
    for q in keyed:
        if q.type in ("multiple_choice", "fill_in", "true_false"):
            assert q.prompt.startswith("According to "), q.prompt
            assert any("disagree" in r for r in q.confidence_reasons)
        if q.type == "multiple_choice" and q.answer in ("Kiel", "Danzig"):
            assert not ({"Kiel", "Danzig"} <= set(q.options))  # the rival account is not a distractor


def test_one_document_has_no_disagreements():
    assert generate([clean("a.txt", A)]).report.disagreements == []


# Two accounts of one field of work (chemical weapons), each naming its facility differently and placing it
# in one spot: they disagree on where that work was done, whatever each calls the place.
CHEM_A = (
    "Weapons trials\n\nThe army opened a training ground for infantry at Harrowgate in 1921. "
    'Another site was the chemical testing ground "Greyfield" in the town of Brandmoor. '
    "The officers there reported to the ministry every month."
)
CHEM_B = (
    "Secret rearmament\n\nThe ministry signed a trade treaty with the republic in 1922. "
    "A joint poison gas plant in Ostwick was closed after two years. "
    "Engineers from both countries worked on new engines."
)


def test_facilities_of_one_field_in_two_places_disagree():
    result = generate([clean("a.txt", CHEM_A), clean("b.txt", CHEM_B)], max_questions=30)
    found = [d for d in result.report.disagreements if "chemical" in d.topic]
    assert len(found) == 1, [d.topic for d in result.report.disagreements]
    assert "Brandmoor" in found[0].note
    assert "Ostwick" in found[0].note
    # The sentence gives one true statement and no false one, so the set keeps no true/false question (rank's
    # False share): the candidate must still say whose account it is.
    _, ctx, _ = analyse([clean("a.txt", CHEM_A), clean("b.txt", CHEM_B)])
    cands = build_candidates(ctx)
    keyed = [
        c.draft for c in cands if any("poison gas plant" in s.text for s in c.sentences) and c.draft.answer is True
    ]
    assert keyed
    for d in keyed:
        assert d.prompt.startswith("According to "), d.prompt


def test_a_document_with_several_places_for_a_field_is_not_set_against_another():
    depot = "A chemical weapons depot at Lowerby held the shells. "
    several = CHEM_A.replace("The officers there", depot + "The officers there")
    result = generate([clean("a.txt", several), clean("b.txt", CHEM_B)], max_questions=30)
    assert not [d for d in result.report.disagreements if "chemical" in d.topic]


def test_work_that_is_no_facility_is_not_compared():
    production = CHEM_B.replace(
        "A joint poison gas plant in Ostwick was closed", "Poison gas production in Ostwick ended"
    )
    result = generate([clean("a.txt", CHEM_A), clean("b.txt", production)], max_questions=30)
    assert not [d for d in result.report.disagreements if "chemical" in d.topic]


def test_different_fields_do_not_disagree():
    other = CHEM_B.replace("A joint poison gas plant in Ostwick", "A joint tank school in Ostwick")
    result = generate([clean("a.txt", CHEM_A), clean("b.txt", other)], max_questions=30)
    assert result.report.disagreements == []


AIR_A = (
    "Pilots abroad\n\nThe treaty was signed in the spring of 1922. The flight course in Marrow lasted five months. "
    "About 120 pilots finished it by 1930."
)


def test_a_landmark_is_not_a_location():
    near = "Pilots\n\nA flying school was established at Tessel, near Marrow, in 1925 to train new pilots."
    result = generate([clean("a.txt", AIR_A), clean("b.txt", near)], max_questions=30)
    found = [d for d in result.report.disagreements if "aviation" in d.topic]
    assert len(found) == 1
    assert "Tessel" in found[0].note
    assert "Marrow" in found[0].note
    # Placed in that town as well, it is one account told in more detail: no disagreement.
    inside = near.replace("at Tessel, near Marrow,", "at Tessel in Marrow")
    result = generate([clean("a.txt", AIR_A), clean("b.txt", inside)], max_questions=30)
    assert not [d for d in result.report.disagreements if "aviation" in d.topic]
