"""benchmarks/quality/calibration.py on a tiny made-up verdict set: confidences recomputed from the sheets with the
generator's calibrate, split into a fitting and a checking set by article number."""

import json

from tests.unit.quality_scripts import load_script

cal = load_script("calibration")

DATE = {
    "type": "multiple_choice",
    "prompt": "When did Harlow fall?",
    "answer": "1821",
    "options": ["1821"],
    "confidence": 0.5,
    "confidence_reasons": ["key is a date (model label, vote share 1.00)"],
    "checks": [],
}
PLACE = {"type": "fill_in", "prompt": "The weavers of _____ rose in 1821.", "answer": ["Harlow"],
         "confidence": 0.9, "confidence_reasons": ["key term is a place"], "checks": []}  # fmt: skip


def _article(tmp_path, name, questions, verdicts):
    sheets, judged = tmp_path / "out", tmp_path / "verdicts"
    sheets.mkdir(exist_ok=True)
    judged.mkdir(exist_ok=True)
    (sheets / f"{name}.json").write_text(json.dumps({"questions": questions}), encoding="utf-8")
    rows = [f"{i}\t{v}\t{'' if v == 'as-is' else 'why'}" for i, v in enumerate(verdicts, 1)]
    (judged / f"{name}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return judged, sheets


def test_the_confidence_is_recomputed_from_the_sheet_whatever_it_recorded(tmp_path):
    judged, sheets = _article(tmp_path, "01-a", [DATE, PLACE, DATE, PLACE], ["as-is", "reject", "as-is", "reject"])
    rows = cal.load(judged, sheets)
    assert [r[3] for r in rows] == ["as-is", "reject", "as-is", "reject"]
    assert [r[2] for r in rows] == [0.5, 0.9, 0.5, 0.9]  # as the sheet recorded it: the rejects looked surest
    assert rows[0][1].confidence > rows[1][1].confidence  # recalibrated: the blank on a place falls below the date


def test_main_prints_kinds_quarters_and_thresholds_for_both_sets(tmp_path, capsys):
    _article(tmp_path, "01-a", [DATE, PLACE, DATE, PLACE], ["as-is", "reject", "as-is", "reject"])
    judged, sheets = _article(tmp_path, "60-b", [PLACE, DATE, PLACE, DATE], ["as-is", "as-is", "reject", "as-is"])
    assert cal.main(["--fit-below", "49", "--verdicts", str(judged), "--sheets", str(sheets)]) == 0
    printed = capsys.readouterr().out
    assert "a blank on a place" in printed
    assert "2/  2 = 100%" in printed  # the fitting set's two place blanks, both rejected
    assert "fit (< 49)     recalibrated     100% (100%) /   0% (  0%)" in printed
    assert "check (>= 49)  as on the sheet" in printed
    assert ">= 0.80:   2 of 4" in printed


def test_fit_gives_each_kind_its_smoothed_reject_share(tmp_path):
    judged, sheets = _article(tmp_path, "01-a", [DATE, PLACE, DATE, PLACE], ["as-is", "reject", "as-is", "reject"])
    shares, mean, points = cal.fit(cal.load(judged, sheets))
    assert mean == 0.5
    # two place blanks both rejected, pulled toward the mean by ten questions at the mean: (2 + 5) / 12
    assert shares["a blank on a place"] == round(7 / 12, 2)
    assert shares["a question on a date the text states"] == round(5 / 12, 2)
    assert len(points) == len(cal.SIGNS)  # no sign seen often enough: each keeps its points


def test_baselines_add_the_paired_sheets_and_count_a_question_judged_twice_once(tmp_path, monkeypatch):
    judged, sheets = _article(tmp_path, "130-a", [DATE, PLACE], ["as-is", "reject"])
    base = tmp_path / "baseline-v10"
    (base / "out").mkdir(parents=True)
    (base / "out" / "130-a.json").write_text(json.dumps({"questions": [DATE, dict(PLACE, prompt="Other _____.")]}))
    (base / "verdicts-reader7").mkdir()
    (base / "verdicts-reader7" / "130-a.tsv").write_text("1\tas-is\t\n2\treject\twhy\n", encoding="utf-8")
    monkeypatch.setattr(cal, "HERE", tmp_path)
    assert len(cal.load(judged, sheets)) == 2
    rows = cal.load(judged, sheets, baselines=True)
    assert [r[1].prompt for r in rows] == ["When did Harlow fall?", PLACE["prompt"], "Other _____."]
