"""Could a ranker learnt from the verdicts put the rejects first? Checked version by version, out of sample.

    .venv/bin/python benchmarks/quality/ranker.py [--l2 3]

Overgenerate-and-rank is the field's standard remedy (Heilman & Smith 2010: a ranker trained on judged questions
raised the acceptable share of the top fifth from 27% to 52%). ``calibrate.py`` ranks by a table of kinds fitted on
v1 to v3, which stopped ranking from v9 on. This script asks whether a richer model would: a logistic regression
(L2-penalised, fitted by Newton's method in numpy) on every judged question of every version (the main verdicts
and the paired baselines, as ``calibration.py --baselines`` loads them), with features read only from the draft
(type, kind of key, what was swapped, wh-word, lengths, pronouns and bare "the" phrases left in the prompt, the
generator's checks and reasons) and from the article (where the sentence sits, how central its words are to the
document by tf-idf cosine, how often the key recurs, how rare its words are in the set).

For each version in turn it fits on all the others and ranks that version's questions, printing the area under
the ROC curve (0.5 is chance) and the share of rejects (or wrong keys) in the riskiest and the safest quarter;
then it fits on the versions before v11 and ranks v11 and v12, as a generator in use would be. A version's
articles were written after the earlier versions' generator was tuned, so "out of sample" here is honest.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from calibration import load  # noqa: E402
from split import FIRST_NUMBER, article_number  # noqa: E402

from quizapp.generation.pipeline import to_clean  # noqa: E402
from quizapp.generation.types import DocumentInput, QuestionDraft  # noqa: E402

KEY_KINDS = ("date", "place", "person", "org", "number", "law", "event", "noun phrase")
TYPES = ("multiple_choice", "fill_in", "true_false", "matching", "ordering")
WH = ("when", "who", "what", "which", "where", "why", "how", "in")
_KEY_KIND = re.compile(r"key (?:term )?is an? (date|place|person|org|number|law|event|noun phrase)")
_BARE_THE = re.compile(r"\bthe [a-z][a-z-]+\b")
_PRONOUN = re.compile(r"\b(?:this|these|that|those|such|it|its|he|she|his|her|they|their|them)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def version(article_id: str) -> int:
    n = article_number(article_id)
    return max(v for v, first in FIRST_NUMBER.items() if first <= n)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in STOP_WORDS]


class Corpus:
    """The judged articles' texts, with document frequencies for tf-idf."""

    def __init__(self, ids: set[str]) -> None:
        self.texts: dict[str, str] = {}
        for article_id in sorted(ids):
            path = next((HERE / "articles").glob(article_id + ".*"))
            self.texts[article_id] = to_clean(DocumentInput(path.name, path.read_bytes())).text
        self.df: Counter[str] = Counter()
        for text in self.texts.values():
            self.df.update(set(words(text)))
        self.vectors = {a: self.tfidf(words(t)) for a, t in self.texts.items()}

    def idf(self, word: str) -> float:
        return math.log(len(self.texts) / (1 + self.df[word]))

    def tfidf(self, ws: list[str]) -> dict[str, float]:
        return {w: n * self.idf(w) for w, n in Counter(ws).items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def features(article_id: str, d: QuestionDraft, corpus: Corpus, last_offset: int) -> dict[str, float]:
    reasons = " | ".join(d.confidence_reasons)
    kind = m.group(1) if (m := _KEY_KIND.search(reasons)) else ""
    swapped = m.group(1) if (m := re.search(r"one (\w+) swapped", reasons)) else ""
    prompt = d.prompt.split()
    first = prompt[0].lower() if prompt else ""
    quote = d.sources[0].quote if d.sources else d.prompt
    key = "" if d.type == "true_false" else str((d.answer if isinstance(d.answer, list) else [d.answer])[0])
    text = corpus.texts[article_id]
    key_words = words(key)
    f: dict[str, float] = {f"type {t}": d.type == t for t in TYPES}
    f |= {f"key {k}": kind == k for k in KEY_KINDS}
    f |= {f"opens {w}": first == w for w in WH}
    f |= {
        "date swapped": swapped == "date",
        "name swapped": swapped not in ("", "date"),
        "false statement": d.type == "true_false" and d.answer is False,
        "prompt words": min(len(prompt), 40) / 40,
        "bare 'the' phrases": min(len(_BARE_THE.findall(d.prompt)), 4) / 4,
        "pronouns": min(len(_PRONOUN.findall(d.prompt)), 3) / 3,
        "digits in prompt": bool(re.search(r"\d", d.prompt)),
        "earlier name written in": any("earlier sentence" in c for c in d.checks),
        "key words": min(len(key.split()), 6) / 6,
        "quote words": min(len(quote.split()), 60) / 60,
        "position": d.sources[0].start / last_offset if d.sources and last_offset else 0.5,
        "odd parse": "parses oddly" in reasons,
        "hedged": "hedges" in reasons,
        "several sources": len(d.sources) > 1,
        "private life": bool(re.search(r"\b(?:born|died|death|married|buried)\b", d.prompt, re.I)),
        "centrality": cosine(corpus.tfidf(words(quote)), corpus.vectors[article_id]),
        "key recurs": min(text.count(key), 6) / 6 if len(key) > 2 else 0.0,
        "key rarity": float(np.mean([corpus.idf(w) for w in key_words])) / 5 if key_words else 0.0,
    }
    return {k: float(v) for k, v in f.items()}


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression weights (intercept first, unpenalised) by Newton's method."""
    xb = np.c_[np.ones(len(x)), x]
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[0, 0] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-xb @ w))
        hessian = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty
        w -= np.linalg.solve(hessian, xb.T @ (p - y) + penalty @ w)
    return w


def risk(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.c_[np.ones(len(x)), x] @ w))


def auc(score: np.ndarray, bad: np.ndarray) -> float:
    """The chance that a random reject scores above a random accepted question (ties count half)."""
    pos, neg = score[bad == 1], score[bad == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    above = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(above / (len(pos) * len(neg)))


def quarters(score: np.ndarray, bad: np.ndarray) -> tuple[float, float]:
    """Share of bad questions in the riskiest and in the safest quarter."""
    order = np.argsort(score, kind="stable")
    size = len(score) // 4
    return float(bad[order[-size:]].mean()), float(bad[order[:size]].mean())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--l2", type=float, default=3.0)
    args = p.parse_args(argv)
    rows = load(HERE / "verdicts", HERE / "out", baselines=True)
    corpus = Corpus({r[0] for r in rows})
    last: dict[str, int] = defaultdict(int)
    for article_id, d, _, _ in rows:
        last[article_id] = max([last[article_id], *(s.end for s in d.sources)])
    table = [features(a, d, corpus, last[a]) for a, d, _, _ in rows]
    names = list(table[0])
    x = np.array([[f[n] for n in names] for f in table])
    bad = np.array([v in ("reject", "wrong-key") for *_, v in rows], dtype=float)
    ver = np.array([version(a) for a, *_ in rows])
    old = np.array([1 - d.confidence for _, d, _, _ in rows])  # calibrate's risk, as a baseline
    print(f"{len(rows)} judged questions, {bad.mean():.0%} rejected or wrong-keyed; {len(names)} features")
    print("version  questions  rejected   AUC learnt (calibrate)   riskiest / safest quarter, learnt")
    for v in sorted(set(ver)):
        test = ver == v
        score = risk(fit(x[~test], bad[~test], args.l2), x[test])
        high, low = quarters(score, bad[test])
        print(
            f"v{v:<7d} {test.sum():9d}  {bad[test].mean():8.0%}   {auc(score, bad[test]):.2f} "
            f"({auc(old[test], bad[test]):.2f})             {high:4.0%} / {low:4.0%}"
        )
    train, test = ver < 11, ver >= 11
    w = fit(x[train], bad[train], args.l2)
    high, low = quarters(risk(w, x[test]), bad[test])
    print(
        f"fitted on v1-v10, ranking v11-v12: AUC {auc(risk(w, x[test]), bad[test]):.2f} "
        f"(calibrate {auc(old[test], bad[test]):.2f}); riskiest / safest quarter {high:.0%} / {low:.0%}"
    )
    print("heaviest weights fitted on all versions (+ = more often rejected):")
    w = fit(x, bad, args.l2)
    for name, weight in sorted(zip(names, w[1:], strict=True), key=lambda t: -abs(t[1]))[:12]:
        print(f"  {weight:+.2f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
