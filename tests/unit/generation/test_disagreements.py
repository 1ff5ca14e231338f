"""Two tiny documents naming different places for one facility."""

from quizapp.generation import generate

from ._articles import clean

A = ("Harbour works\n\nA naval repair yard was built at Kiel in 1905 for the new fleet. "
     "The admiral Georg Brandt opened the naval repair yard in 1906. Sailors trained in Hamburg and Bremen.")
B = ("Fleet history\n\nThe first naval repair yard was built at Danzig in 1905. "
     "Ships from Stettin and Rostock were repaired there later. The yard employed 3,000 workers in 1910.")


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
