"""The figures benchmarks/quality/figures.py computes from a reader's verdicts, on a tiny made-up verdict set."""

import json
import re

import pytest

from tests.unit.quality_scripts import load_script

fig = load_script("figures")

# Two made-up sheets: 01-a has 5 questions, 02-b has 3.
VERDICTS_A = (
    "# reader: test\n"
    "1\tas-is\t\n"
    "2\tas-is\n"
    "3\tlight-edit\t'the the' in the prompt\n"
    "\n"
    "4\treject\ttrivial: the answer is in the title\n"
    "5\twrong-key\t1367 is the Confederation of Cologne, not the Treaty of Stralsund\n"
)
VERDICTS_B = "1\tas-is\n2\tas-is\n3\treject\tnot supported by the article\n"
CONFIDENCE_A = [0.9, 0.85, 0.6, 0.3, 0.95]
CONFIDENCE_B = [0.8, 0.7, 0.5]


def test_parse_reads_rows_in_number_order_and_skips_comments():
    verdicts = fig.parse_verdicts("2\tas-is\n# note\n1\treject\tunclear\n", 2)
    assert verdicts == [fig.Verdict(1, "reject", "unclear"), fig.Verdict(2, "as-is", "")]


@pytest.mark.parametrize(
    ("text", "questions", "problem"),
    [
        ("1\tas-is\n2\tas-is\n", 3, "2 verdicts for 3 questions; no verdict for [3]"),
        ("1\tas-is\n2\tas-is\n3\tas-is\n", 2, "question 3 is not on the sheet (it has 2)"),
        ("1\tas-is\n1\tas-is\n", 2, "question 1 judged twice"),
        ("1\tfine\n", 1, "verdict 'fine' is not one of as-is, light-edit, reject, wrong-key"),
        ("1\treject\t\n", 1, "a reject verdict needs a note"),
        ("1\tlight-edit\n", 1, "a light-edit verdict needs a note"),
        ("one\tas-is\n", 1, "'one' is not a question number"),
        ("1 as-is\n", 1, "expected number<TAB>verdict<TAB>note"),
    ],
)
def test_parse_refuses_files_that_do_not_match_the_sheet(text, questions, problem):
    with pytest.raises(fig.VerdictError, match=re.escape(problem)):
        fig.parse_verdicts(text, questions, "01-a.tsv")


def test_tally_and_figures_of_one_article():
    t = fig.tally(fig.parse_verdicts(VERDICTS_A, 5))
    assert t == fig.Tally(questions=5, as_is=2, light_edit=1, reject=1, wrong_key=1)
    got = {f.name: (f.count, f.share, f.ok) for f in fig.figures(t)}
    assert got == {
        "as-is": (2, 0.4, False),
        "after light edit": (3, 0.6, False),
        "reject": (1, 0.2, False),
        "wrong key": (1, 0.2, False),
    }


def test_figures_over_a_half_and_their_targets():
    a = fig.tally(fig.parse_verdicts(VERDICTS_A, 5))
    b = fig.tally(fig.parse_verdicts(VERDICTS_B, 3))
    got = {f.name: (f.count, f.share, f.ok) for f in fig.figures(a + b)}
    assert got["as-is"] == (4, 0.5, False)
    assert got["after light edit"] == (5, 0.625, False)
    assert got["reject"] == (2, 0.25, False)
    good = fig.Tally(questions=20, as_is=16, light_edit=3, reject=1, wrong_key=0)
    assert [f.ok for f in fig.figures(good)] == [True, True, True, True]
    assert [f.ok for f in fig.figures(fig.Tally())] == [None, None, None, None]


def test_confidence_quarters():
    judged = [(c, v.verdict) for c, v in zip(CONFIDENCE_A, fig.parse_verdicts(VERDICTS_A, 5), strict=True)]
    judged += [(c, v.verdict) for c, v in zip(CONFIDENCE_B, fig.parse_verdicts(VERDICTS_B, 3), strict=True)]
    # 8 questions, quarters of 2. Lowest: 0.3 reject, 0.5 reject. Highest: 0.9 as-is, 0.95 wrong-key.
    q = fig.confidence_quarters(judged)
    assert q == fig.Quarters(size=2, low_reject=1.0, high_reject=0.0, low_bad=1.0, high_bad=0.5)
    assert fig.confidence_quarters(judged[:3]) is None


def test_ties_in_confidence_keep_the_given_order():
    judged = [(0.5, "reject"), (0.5, "as-is"), (0.5, "as-is"), (0.5, "as-is")]
    q = fig.confidence_quarters(judged)
    assert (q.low_reject, q.high_reject) == (1.0, 0.0)


def _sheet(path, confidences):
    questions = [
        {"type": "true_false", "prompt": f"Q{i}.", "answer": True, "confidence": c} for i, c in enumerate(confidences)
    ]
    path.write_text(json.dumps({"id": path.stem, "questions": questions}), encoding="utf-8")


def test_load_article_joins_verdicts_with_confidences_and_refuses_a_count_mismatch(tmp_path):
    _sheet(tmp_path / "01-a.json", CONFIDENCE_A)
    (tmp_path / "01-a.tsv").write_text(VERDICTS_A, encoding="utf-8")
    article = fig.load_article(tmp_path / "01-a.tsv", tmp_path / "01-a.json")
    assert (article.id, article.confidences, len(article.verdicts)) == ("01-a", CONFIDENCE_A, 5)

    _sheet(tmp_path / "02-b.json", [*CONFIDENCE_B, 0.4])  # the sheet now has 4 questions, the verdicts 3
    (tmp_path / "02-b.tsv").write_text(VERDICTS_B, encoding="utf-8")
    with pytest.raises(fig.VerdictError, match=r"3 verdicts for 4 questions"):
        fig.load_article(tmp_path / "02-b.tsv", tmp_path / "02-b.json")
    with pytest.raises(fig.VerdictError, match="no sheet"):
        fig.load_article(tmp_path / "02-b.tsv", tmp_path / "03-c.json")


def test_report_prints_articles_halves_and_quarters():
    a = fig.JudgedArticle("01-a", fig.parse_verdicts(VERDICTS_A, 5), CONFIDENCE_A)
    b = fig.JudgedArticle("02-b", fig.parse_verdicts(VERDICTS_B, 3), CONFIDENCE_B)
    printed = fig.report([b, a], {"01-a": "test", "02-b": "development"})
    lines = printed.splitlines()
    assert lines[2].startswith("01-a (test)")
    assert lines[3].startswith("02-b (dev)")
    assert "2 (40%) FAIL" in lines[2]
    assert any(line.startswith("test half") and "5" in line for line in lines)
    assert "test half: fewer than 4 questions" not in printed
    assert "test half, rejects by confidence quarter (1 questions each): lowest 100%, highest 0%" in printed
    assert "development half: fewer than 4 questions, no confidence quarters" in printed
