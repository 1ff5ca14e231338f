"""Speed and memory of the question generator, beside spaCy's bare parse of the same text.

    .venv/bin/python benchmarks/generation.py [--words 100000]

Two inputs:
- the seed articles in seed/ (the navigation menu after the page's content cut off);
- a synthetic corpus of about 100,000 words, built deterministically: the seeds
  repeated with light variations (years shifted, place and person names swapped
  from fixed lists, per copy) plus generated history-like sentences from templates
  (a founding, a treaty, a battle, a count), split into documents of ~2,500 words.

$QUIZAPP_SPACY_PROCESSES (default 1) sets the parser processes for long inputs, for both measures.
For each input it prints words, seconds and words/second for the whole pipeline
(``generate``) and for ``nlp.pipe`` alone over the same paragraphs with the same
components, their ratio, and the peak resident memory (ru_maxrss) of the process; then the same two measures
in CPU seconds of the process (steadier on a shared machine) and the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import time
from pathlib import Path

from quizapp.generation import Block, CleanDocument, generate
from quizapp.generation.analysis import BATCH_SIZE, processes_for, text_blocks
from quizapp.generation.nlp import get_nlp
from quizapp.generation.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent

PLACES = [
    "Tver",
    "Kursk",
    "Orel",
    "Tula",
    "Ryazan",
    "Smolensk",
    "Pskov",
    "Vitebsk",
    "Gomel",
    "Samara",
    "Perm",
    "Ufa",
    "Omsk",
    "Kiev",
    "Minsk",
    "Riga",
    "Kaunas",
    "Lodz",
    "Poznan",
    "Dresden",
    "Leipzig",
    "Hanover",
]
PEOPLE = [
    "Otto Kessler",
    "Ivan Petrov",
    "Anna Weiss",
    "Pavel Orlov",
    "Karl Jansen",
    "Boris Volkov",
    "Emil Roth",
    "Sergei Lebedev",
    "Hugo Brandt",
    "Nikolai Sokolov",
    "Franz Keller",
    "Dmitri Kuznetsov",
]
TEMPLATES = [
    "In {year}, {person} founded a school for engineers at {place}.",
    "The treaty of {place} was signed on {month} {day}, {year} by {person}.",
    "A new railway between {place} and {place2} opened in {year}.",
    "{person} commanded {n} soldiers during the siege of {place} in {year}.",
    "The factory at {place} produced {n} rifles in {year}, according to {person}.",
    "After the war, {person} moved the archive from {place} to {place2}.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def seed_documents() -> list[CleanDocument]:
    """The seeds as clean documents (without the saved page's navigation menu)."""
    docs = []
    for path in sorted((ROOT / "seed").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cut = re.search(r"^\S+:\S+", text, re.M)  # the first interlanguage link starts the menu
        text = text[: cut.start()] if cut else text
        text = re.sub(r"^Author :.*\n", "", text, flags=re.M)
        blocks = tuple(
            Block(m.start(), m.end(), "heading" if m.start() == 0 else "paragraph")
            for m in re.finditer(r"[^\n]+", text)
        )
        docs.append(CleanDocument(path.name, text.split("\n", 1)[0], "txt", text, blocks))
    return docs


def _vary(text: str, rng: random.Random) -> str:
    shift = rng.randint(-30, 30)
    text = re.sub(r"\b(1[89]\d\d)\b", lambda m: str(int(m.group(1)) + shift), text)
    for name in ("Lipetsk", "Kazan", "Moscow", "Volsk", "Berlin"):
        text = text.replace(name, rng.choice(PLACES))
    return text


def _generated_paragraph(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        out.append(
            rng.choice(TEMPLATES).format(
                year=rng.randint(1700, 1950),
                person=rng.choice(PEOPLE),
                place=rng.choice(PLACES),
                place2=rng.choice(PLACES),
                month=rng.choice(MONTHS),
                day=rng.randint(1, 28),
                n=rng.randint(20, 9000),
            )
        )
    return " ".join(out)


def large_corpus(words: int) -> list[CleanDocument]:
    """About ``words`` words of varied history-like text in documents of ~2,500 words."""
    rng = random.Random(20200505)
    seeds = [d.text for d in seed_documents()]
    docs: list[CleanDocument] = []
    total = 0
    i = 0
    while total < words:
        body = _vary(seeds[i % len(seeds)], rng)
        body += "\n\n" + "\n\n".join(_generated_paragraph(rng, 6) for _ in range(6))
        text = f"Synthetic article {i}\n\n" + body.split("\n", 1)[1].strip() + "\n"
        blocks = tuple(
            Block(m.start(), m.end(), "heading" if m.start() == 0 else "paragraph")
            for m in re.finditer(r"[^\n]+", text)
        )
        docs.append(CleanDocument(f"synthetic_{i:03d}.txt", text.split("\n", 1)[0], "txt", text, blocks))
        total += len(text.split())
        i += 1
    return docs


def bare_parse(docs: list[CleanDocument]) -> tuple[float, float]:
    """Seconds spaCy alone takes over the same (normalised) paragraphs with the same components: wall clock, and
    CPU time of this process (time.process_time; parser processes, if any, are not counted)."""
    nlp = get_nlp()
    texts = [normalise(d.text[s:e]).text for d in docs for s, e, _ in text_blocks(d) if d.text[s:e].strip()]
    start = time.perf_counter()
    cpu = time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes_for(sum(len(t) for t in texts))):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def measure(label: str, docs: list[CleanDocument]) -> None:
    words = sum(len(d.text.split()) for d in docs)
    parse_s, parse_cpu = bare_parse(docs)
    start = time.perf_counter()
    cpu = time.process_time()
    result = generate(docs)
    whole_s = time.perf_counter() - start
    whole_cpu = time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label}: {words} words, {len(docs)} documents, {len(result.questions)} questions "
        f"({result.report.candidates} candidates)"
    )
    print(f"  whole pipeline: {whole_s:6.2f} s  {words / whole_s:8.0f} words/s")
    print(f"  spaCy alone:    {parse_s:6.2f} s  {words / parse_s:8.0f} words/s")
    print(f"  ratio pipeline / bare parse: {whole_s / parse_s:.2f}   peak RSS so far: {peak_mb:.0f} MB")
    # CPU time is steadier than the wall clock on a shared machine (another process's work is not counted)
    print(
        f"  CPU seconds: pipeline {whole_cpu:.2f}, spaCy alone {parse_cpu:.2f}, ratio {whole_cpu / parse_cpu:.2f}"
        f"   load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    get_nlp()  # loading the model is not part of either measure
    generate(seed_documents()[:1], max_questions=1)  # warm-up (gazetteer, caches)
    measure("seeds", seed_documents())
    measure("synthetic", large_corpus(args.words))


if __name__ == "__main__":
    main()
