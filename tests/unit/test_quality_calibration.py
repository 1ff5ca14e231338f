"""benchmarks/quality/calibration.py on a tiny made-up verdict set: confidences recomputed from the sheets with the
generator's calibrate, split into a fitting and a checking set by article number."""

import json

from tests.unit.quality_scripts import load_script

cal = load_script("calibration")

DATE = {
    "type": "fill_in",
    "prompt": "Harlow fell in _____.",
    "answer": ["1821"],
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
    assert ">= 0.50:   2 of 4" in printed  # the two dates; the place blanks fall below


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
    assert [r[1].prompt for r in rows] == [DATE["prompt"], PLACE["prompt"], "Other _____."]


def test_a_verdict_s_reader_is_its_baseline_folder_s_or_one_per_version_from_article_163(tmp_path):
    assert cal.reader_of(tmp_path / "baseline-v15" / "verdicts-reader12", "170-a") == 12
    assert cal.reader_of(tmp_path / "verdicts", "163-a") == 10
    assert cal.reader_of(tmp_path / "verdicts", "270-z") == 18
    assert cal.reader_of(tmp_path / "verdicts", "48-a") == 0


def test_auc_counts_rejects_below_accepted_questions_and_ties_half():
    assert cal.auc([(0.2, "reject"), (0.9, "as-is")]) == 1.0
    assert cal.auc([(0.9, "wrong-key"), (0.2, "light-edit")]) == 0.0
    assert cal.auc([(0.5, "reject"), (0.5, "as-is")]) == 0.5


def test_a_fitted_sign_never_raises_the_confidence(tmp_path):
    # a true statement with no date (a sign) accepted where the dated one was rejected: no negative points
    undated = dict(DATE, type="true_false", prompt="Harlow was rich.", answer=True, confidence_reasons=[])
    dated = dict(undated, prompt="Harlow fell in 1821.")
    judged, sheets = _article(tmp_path, "01-a", [undated, dated] * 12, ["as-is", "reject"] * 12)
    _, _, points = cal.fit(cal.load(judged, sheets))
    assert min(points) >= 0


def test_leave_one_reader_out_fits_on_the_other_readers_only(tmp_path, monkeypatch):
    # reader 10 rejected the place blanks and kept the dates; reader 11 the other way round
    for reader, verdicts in ((10, ["as-is", "reject"] * 2), (11, ["reject", "as-is"] * 2)):
        base = tmp_path / f"baseline-v{reader + 3}"
        (base / "out").mkdir(parents=True)
        (base / "out" / f"{reader}0-a.json").write_text(json.dumps({"questions": [DATE, PLACE] * 2}))
        (base / f"verdicts-reader{reader}").mkdir()
        rows = [f"{i}\t{v}\twhy" for i, v in enumerate(verdicts, 1)]
        (base / f"verdicts-reader{reader}" / f"{reader}0-a.tsv").write_text("\n".join(rows) + "\n")
    (tmp_path / "verdicts").mkdir()
    monkeypatch.setattr(cal, "HERE", tmp_path)
    by_reader = cal.load_by_reader(tmp_path / "verdicts", tmp_path / "out", baselines=True)
    assert sorted({who for who, _ in by_reader}) == [10, 11]
    results = {held: refit for held, _, _, refit in cal.leave_one_reader_out(by_reader, (10, 11))}
    # each reader is checked with the other's table, which ranks it backwards
    assert cal.auc(results[10]) == 0.0
    assert cal.auc(results[11]) == 0.0
