"""Options of another kind than the key, checked on every judged multiple-choice question (issue #15).

```bash
.venv/bin/python benchmarks/quality/options_check.py [--table-only CACHE]
```

Reads every judged multiple-choice question (main's `verdicts/` and every baseline's `verdicts-reader*/`, all
versions), parses its article with the current generator's analysis, and asks of each option how the article names
it: the coarse kinds the model gave its mentions there (`kind_votes`). The first check fires where an option is
named mostly as another kind than the key (a place offered as a writer); the second where the stem names the people
of the country the key city lies in. It prints a table per check (fires yes/no by verdict) and the questions it
fires on. Neither is in the generator (see the README).

The questions were drafted by older generators; the check reads them as they were judged, so its figures say how
precise the rule is, not how many of today's questions it changes (the before/after sheets say that).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from quizapp.generation import DocumentInput
from quizapp.generation.analysis import Corpus, norm_key
from quizapp.generation.distractors import usable_key
from quizapp.generation.gazetteer import containers
from quizapp.generation.giveaways import people_word
from quizapp.generation.option_fit import facts, names_a_country
from quizapp.generation.pipeline import analyse, to_clean
from quizapp.generation.stem_class import stem_asks_a_scholar

HERE = Path(__file__).resolve().parent
VERDICTS = ("as-is", "light-edit", "reject", "wrong-key")


def judged_choices() -> list[dict]:
    """Every judged multiple-choice question: its article id, sheet, number, verdict, note and draft."""
    rows = []
    sets = [(HERE / "out", HERE / "verdicts", "main")]
    for base in sorted(HERE.glob("baseline-v*")):
        sets += [(base / "out", vd, f"{base.name}/{vd.name}") for vd in sorted(base.glob("verdicts-reader*"))]
    for sheets, verdicts, tag in sets:
        for tsv in sorted(verdicts.glob("*.tsv")):
            sheet = sheets / f"{tsv.stem}.json"
            if not sheet.exists():
                continue
            questions = json.loads(sheet.read_text(encoding="utf-8"))["questions"]
            for line in tsv.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                number, verdict, *note = line.split("\t")
                q = questions[int(number) - 1]
                if q["type"] == "multiple_choice":
                    rows.append(
                        {
                            "tag": tag,
                            "id": tsv.stem,
                            "n": int(number),
                            "verdict": verdict.strip(),
                            "note": "".join(note),
                            "q": q,
                        }
                    )
    return rows


def kind_votes(corpus: Corpus) -> dict[str, Counter[str]]:
    """Each name's coarse kinds over the corpus, counted per mention: the article's word on what a name is."""
    votes: dict[str, Counter[str]] = {}
    for m in corpus.mentions():
        votes.setdefault(m.norm, Counter())[m.kind] += 1
    return votes


def another_kind(key: str, norm: str, votes: dict[str, Counter[str]]) -> bool:
    """Whether the article names ``norm`` mostly as another kind than it names the key (both by norm): "Caracas",
    a place, offered as a writer. A key or option the article never names whole is not judged."""
    # "other" is the model's shrug, no kind: it sets no kind for the key and is no vote for the key's kind
    key_votes = votes.get(key, Counter()) - Counter(other=10**9)
    theirs = votes.get(norm, Counter())
    if not key_votes or not theirs:
        return False
    kind = key_votes.most_common(1)[0][0]
    return theirs[kind] * 2 < sum(theirs.values())


def off_kind(key: str, others: list[str], votes: dict[str, Counter[str]]) -> list[str]:
    """The options (as written) that ``another_kind`` rules out against the key (as written)."""
    return [text for text in others if another_kind(norm_key(key), norm_key(text), votes)]


def country_people_word(prompt: str, key: str, others: list[str]) -> str | None:
    """Not shipped (see the README): the stem's word for the people of a country the key city lies in, where no
    other option lies there ("saw French printing houses" with Paris among Cairo, Venice, Istanbul)."""
    for country in containers(norm_key(key)):
        word = people_word(prompt, country)
        if word and not any(country in containers(norm_key(o)) for o in others):
            return word
    return None


def article_votes(article_ids: set[str]) -> dict[str, dict[str, dict[str, int]]]:
    """Article id -> the kinds its mentions give each name (see ``kind_votes``)."""
    return _per_article(article_ids, lambda corpus: {norm: dict(c) for norm, c in kind_votes(corpus).items()})


def _per_article(article_ids: set[str], read: Callable[[Corpus], dict]) -> dict[str, dict]:
    """Article id -> ``read`` of its analysed corpus, each article parsed alone."""
    import measure  # a sibling script: imported here so that the unit tests can load this one alone

    paths = measure.find_articles([HERE / "articles"])
    out = {}
    for i, aid in enumerate(sorted(article_ids)):
        print(f"  parsing {aid} ({i + 1}/{len(article_ids)})", file=sys.stderr)
        corpus, _, _ = analyse([to_clean(DocumentInput(paths[aid].name, paths[aid].read_bytes()))])
        out[aid] = read(corpus)
    return out


def name_kinds(corpus: Corpus) -> dict[str, list[str]]:
    """Each name's coarse kind (the majority of its mentions') and fine kind after the analysis: what the pools
    sort it by."""
    kinds: dict[str, Counter[str]] = {}
    fines: dict[str, str] = {}
    usable: set[str] = set()
    for m in corpus.mentions():
        kinds.setdefault(m.norm, Counter())[m.kind] += 1
        fines[m.norm] = m.fine or fines.get(m.norm, "")
        if usable_key(m):
            usable.add(m.norm)
    # a name none of whose mentions may be an option is in no pool: its kind is ""
    return {norm: [c.most_common(1)[0][0] if norm in usable else "", fines[norm]] for norm, c in kinds.items()}


def refused_by_kind(key: str, option: str, kinds: dict[str, list[str]]) -> bool:
    """Whether the pools keep ``option`` (as written) from a question on ``key``: no kind (no mention of it may be
    an option), another coarse kind, or a fine kind that differs where either has one (``distractors._typed``).
    A name the article never names whole is not judged."""
    mine, theirs = kinds.get(norm_key(key)), kinds.get(norm_key(option))
    if not mine or not theirs:
        return False
    if mine[0] != theirs[0]:
        return True
    return (":" in mine[1] or ":" in theirs[1]) and mine[1] != theirs[1]


def article_kinds(article_ids: set[str]) -> dict[str, dict[str, list[str]]]:
    """Article id -> each name's kinds after the analysis (see ``name_kinds``)."""
    return _per_article(article_ids, name_kinds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the parsed articles' votes in this JSON file")
    parser.add_argument(
        "--sorts",
        action="store_true",
        help="instead: the round-24 checks (a scholar among actors, part of a name) on every judged choice",
    )
    parser.add_argument(
        "--kinds",
        type=Path,
        help="instead: write each option the pools refuse by kind (with the code on the path) to this JSON file",
    )
    args = parser.parse_args(argv)
    rows = judged_choices()
    if args.sorts:
        _sorts_checks(rows)
        return
    if args.kinds:
        _write_refused(rows, args.kinds)
        return
    votes = None
    if args.cache and args.cache.exists():
        votes = json.loads(args.cache.read_text(encoding="utf-8"))
    if votes is None or not {r["id"] for r in rows} <= set(votes):
        votes = article_votes({r["id"] for r in rows})
        if args.cache:
            args.cache.write_text(json.dumps(votes), encoding="utf-8")
    checks = (
        ("a country's name offered as a person (shipped)", _country_name_check(votes)),
        ("options of another kind", _off_kind_check(votes)),
        ("country's people word", _word_check),
    )
    for name, check in checks:
        table: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
        fired = []
        seen = set()
        for r in rows:
            q = r["q"]
            bad = check(r["id"], q["prompt"], q["answer"], [o for o in q["options"] if o != q["answer"]])
            table[bool(bad)][r["verdict"]] += 1
            if bad and (r["id"], q["prompt"]) not in seen:
                seen.add((r["id"], q["prompt"]))
                fired.append(f"  {r['verdict']:10} {r['id']} #{r['n']} [{bad}] {q['prompt'][:90]}")
        print(f"\n{name}: check fires | " + " | ".join(VERDICTS) + " | total")
        for flag in (True, False):
            c = table[flag]
            print(
                f"{'yes' if flag else 'no':11} | " + " | ".join(str(c[v]) for v in VERDICTS) + f" | {sum(c.values())}"
            )
        print("fired on (once per prompt):")
        print("\n".join(fired))


def _write_refused(rows: list[dict], path: Path) -> None:
    """Each judged question's options that the pools refuse by kind, keyed "tag id #n", with its verdict: run
    once with main's code and once with a branch's, the two files say which questions a change of kinds reaches
    (see the README)."""
    kinds = article_kinds({r["id"] for r in rows})
    out = {}
    for r in rows:
        q = r["q"]
        refused = [o for o in q["options"] if o != q["answer"] and refused_by_kind(q["answer"], o, kinds[r["id"]])]
        out[f"{r['tag']} {r['id']} #{r['n']}"] = {"verdict": r["verdict"], "refused": refused, "prompt": q["prompt"]}
    path.write_text(json.dumps(out, indent=1), encoding="utf-8")


def name_sorts(corpus: Corpus) -> dict[str, list[str]]:
    """What ``option_fit.facts`` says of the article's people: its scholars, its names only given as a name, and
    every person's name (each a sorted list of norms)."""
    f = facts(corpus)
    people = {m.norm for m in corpus.mentions() if m.kind == "person"}
    together: dict[str, set[str]] = {}
    for sent in corpus.sentences:
        for m in sent.mentions:
            together.setdefault(m.norm, set()).update(n.norm for n in sent.mentions)
    inside = corpus.cache.get("inside", {})
    return {
        "scholars": sorted(f.scholars),
        "claimants": sorted(f.claimants),
        "naming_only": sorted(f.naming_only),
        "people": sorted(people),
        "together": {norm: sorted(others | set(inside.get(norm, ()))) for norm, others in together.items()},
    }


# "deported to _____, on Mindanao": the place the stem locates the blank in
_LOCATOR = re.compile(r"_____, (?:on|in) ([A-Z][\w-]+(?: [A-Z][\w-]+)*)")


def _sorts_checks(rows: list[dict]) -> None:
    """Round 24: per judgement and once per distinct question, the verdicts of the judged choices each check
    fires on: an option the article writes as a scholar for a key it never does (where the stem asks no scholar's
    act; shipped), the reverse (not shipped), and an option only given as part or another form of a name."""
    sorts = _per_article({r["id"] for r in rows}, name_sorts)

    def actor_key(r: dict, key: str, norm: str) -> bool:
        f = sorts[r["id"]]
        return norm in f["claimants"] and key not in f["scholars"] and not stem_asks_a_scholar(r["q"]["prompt"])

    def scholar_key(r: dict, key: str, norm: str) -> bool:
        f = sorts[r["id"]]
        return (
            key in f["scholars"]
            and norm in f["people"]
            and norm not in f["scholars"]
            and not stem_asks_a_scholar(r["q"]["prompt"])
        )

    def name_part(r: dict, key: str, norm: str) -> bool:
        return norm in sorts[r["id"]]["naming_only"]

    def off_locator(r: dict, key: str, norm: str) -> bool:
        m = _LOCATOR.search(r["q"]["prompt"])
        if m is None or key in sorts[r["id"]]["people"]:
            return False  # "_____, in The Civil War in France, argued": a work, and the rule asks places only
        where = norm_key(m.group(1))
        return where not in containers(norm) and where not in sorts[r["id"]]["together"].get(norm, [])

    for name, check in (
        ("a scholar offered for an actor (shipped)", actor_key),
        ("a place the stem locates the key in, and the option not (shipped)", off_locator),
        ("an actor offered for a scholar (not shipped)", scholar_key),
        ("a name only given as a name (shipped: also after 'y')", name_part),
    ):
        table: Counter[str] = Counter()
        distinct: dict[tuple[str, str], str] = {}
        for r in rows:
            q = r["q"]
            key = norm_key(q["answer"])
            bad = [o for o in q["options"] if o != q["answer"] and check(r, key, norm_key(o))]
            if bad:
                table[r["verdict"]] += 1
                if (r["id"], q["prompt"]) not in distinct:
                    print(f"  {r['verdict']:10} {r['tag']} {r['id']} #{r['n']} {bad} {q['prompt'][:80]}")
                distinct[(r["id"], q["prompt"])] = r["verdict"]
        print(f"{name}: " + " / ".join(f"{v} {table[v]}" for v in VERDICTS), end="")
        print("; distinct " + " / ".join(f"{v} {Counter(distinct.values())[v]}" for v in VERDICTS) + "\n")


def _off_kind_check(votes: dict) -> Callable[[str, str, str, list[str]], str]:
    def check(article: str, prompt: str, key: str, others: list[str]) -> str:
        counts = {norm: Counter(c) for norm, c in votes[article].items()}
        return ", ".join(off_kind(key, others, counts))

    return check


def _country_name_check(votes: dict) -> Callable[[str, str, str, list[str]], str]:
    """``option_fit.names_a_country`` on the options (key included) of a question most of whose options the
    article names as people: "Kenya Colony" or "Norse Greenland" among people."""

    def check(article: str, prompt: str, key: str, others: list[str]) -> str:
        named = [Counter(votes[article].get(norm_key(o), {})) for o in [key, *others]]
        if sum(1 for c in named if c and c.most_common(1)[0][0] == "person") < 2:
            return ""
        return ", ".join(o for o in [key, *others] if names_a_country(norm_key(o)))

    return check


def _word_check(article: str, prompt: str, key: str, others: list[str]) -> str:
    return country_people_word(prompt, key, others) or ""


if __name__ == "__main__":
    main()
