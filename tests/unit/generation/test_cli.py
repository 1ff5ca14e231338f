"""The command line, run as a user would."""

import json
import os
import subprocess
import sys

import pytest

from quizapp.generation import validate_draft

from ._articles import CANAL

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "quizapp.generation", *args], cwd=ROOT, capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def canal_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "canal.txt"
    path.write_text(CANAL, encoding="utf-8")
    return path


def test_json_output_matches_the_contract(canal_file):
    proc = _run("--json", str(canal_file))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"questions", "report"}
    assert data["questions"]
    for q in data["questions"]:
        assert {"type", "prompt", "answer", "explanation", "confidence", "difficulty", "sources"} <= set(q)
        if q["type"] in ("true_false", "fill_in"):
            assert "options" not in q
        for s in q["sources"]:
            assert s["document"] == "canal.txt"
        assert validate_draft(q) == []


def test_report_and_summary(canal_file):
    proc = _run("--report", str(canal_file))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert "mc_wh_stem_share" in report
    assert "paragraphs_covered_share" in report
    proc = _run(str(canal_file))
    assert proc.returncode == 0
    assert "[multiple_choice]" in proc.stdout


def test_missing_file_exits_2_with_one_line(tmp_path):
    proc = _run("--json", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "nope.txt" in proc.stderr


def test_unsupported_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    proc = _run("--json", str(bad))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "picture.png" in proc.stderr
