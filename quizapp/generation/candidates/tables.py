"""Matching questions from an article's tables: each row's first cell with its cell in another column.

A table is what a textbook section sums up for the student to learn ("Season | Approximate months | Main
activity"); its rows pair a thing with what the article says of it, which is just what a matching question
asks. A column makes a question when its header names a kind of thing (a noun: "months", "main activity", not
"Associated with") and its cells are short enough to read as options.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Corpus, Sentence
from ..textutil import singular_of, word_count
from ..types import QuestionDraft, Source
from .base import Candidate, Context, shuffled

CELL_SEP = " | "
MIN_ROWS = 3
MAX_ROWS = 5
MAX_HEADER_WORDS = 4
MAX_LEFT_WORDS = 6
MAX_RIGHT_WORDS = 12
MAX_COLUMNS_ASKED = 2
MAX_NAME_WORDS = 4  # the cells of a column of names ("Spinning jenny", "Power loom")
TABLE_CONFIDENCE = 0.75


@dataclass
class Row:
    cells: list[str]
    start: int  # offsets of the row in its document's text
    end: int
    sent: Sentence  # the row's first sentence (its document, title and setting)


@dataclass
class Table:
    doc: int
    header: list[str]
    header_sents: list[Sentence]
    header_start: int
    rows: list[Row]


def _sentences_by_para(corpus: Corpus) -> dict[int, list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    for s in corpus.sentences:
        out.setdefault(s.para, []).append(s)
    return out


def find_tables(corpus: Corpus) -> list[Table]:
    """The tables of the corpus: runs of consecutive paragraphs whose cells ingest joined with " | ", the first
    of each run its header."""
    by_para = _sentences_by_para(corpus)
    runs: list[list[tuple[int, int, int]]] = []  # (para, doc, block)
    last: tuple[int, int] | None = None
    for para, (d, b) in sorted(corpus.paragraphs.items()):
        doc = corpus.documents[d]
        block = doc.blocks[b]
        text = doc.text[block.start : block.end]
        if block.kind != "paragraph" or CELL_SEP not in text or para not in by_para:
            last = None
            continue
        if last is not None and last == (d, b - 1):
            runs[-1].append((para, d, b))
        else:
            runs.append([(para, d, b)])
        last = (d, b)
    tables = []
    for run in runs:
        if len(run) < MIN_ROWS + 1:
            continue
        rows = []
        for para, d, b in run:
            doc = corpus.documents[d]
            block = doc.blocks[b]
            text = doc.text[block.start : block.end]
            rows.append(Row([c.strip() for c in text.split(CELL_SEP)], block.start, block.end, by_para[para][0]))
        head = rows[0]
        tables.append(Table(run[0][1], head.cells, by_para[run[0][0]], head.start, rows[1:]))
    return tables


def _header_noun(table: Table, column: int) -> str | None:
    """The header of a column as a noun phrase in lower case ("approximate months"), or None when it is no
    noun phrase ("Associated with", "Notes?") or too long to read in a prompt."""
    cell = table.header[column]
    if not cell or word_count(cell) > MAX_HEADER_WORDS or not any(ch.isalpha() for ch in cell):
        return None
    if any(ch in cell for ch in "()[]:/"):
        return None  # "Scholars (worthies and literati)": what the column holds is not what its header names
    offset = table.header_start + sum(len(c) + len(CELL_SEP) for c in table.header[:column])
    end = offset + len(cell)
    tokens = [t for s in table.header_sents for t in s.tokens if t.is_alpha and offset <= s.char_span(t, t)[0] < end]
    # a common noun heads a header ("Season", "Main activity"), though the model reads some capitalised ones as
    # names ("Invention"); in a table of two columns, a name ("Language | New Latin") is a value of a key-value box
    heads = ("NOUN",) if len(table.header) == 2 else ("NOUN", "PROPN")
    if not tokens or tokens[-1].pos_ not in heads:
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in tokens):
        return None
    words = cell.split()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


def _singular(noun: str) -> str:
    """ "Seasons" heads a column of seasons: "each season"."""
    words = noun.split()
    return " ".join([*words[:-1], singular_of(words[-1])])


def _dated(cells: list[str]) -> bool:
    return all(any(ch.isdigit() for ch in c) for c in cells)


def _key_column(table: Table, rows: list[Row]) -> int | None:
    """The column whose cells the others describe: the first, unless it holds only dates and another holds short
    names ("Date | Invention | Inventor": the inventions); None if its cells are too long or not distinct."""
    width = len(table.header)
    key = 0
    if _dated([r.cells[0] for r in rows]):
        for column in range(1, width):
            cells = [r.cells[column] for r in rows]
            names = all(word_count(c) <= MAX_NAME_WORDS for c in cells) and not any(_dated([c]) for c in cells)
            if names and _header_noun(table, column) is not None:
                key = column
                break
    cells = [r.cells[key] for r in rows]
    if any(word_count(x) > MAX_LEFT_WORDS for x in cells) or len({x.lower() for x in cells}) < len(cells):
        return None
    return key


def table_candidates(ctx: Context) -> list[Candidate]:
    """Matching candidates from every table: its key column against each other column whose header is a noun
    phrase and whose cells are short, over three to five rows with distinct cells on both sides."""
    out = []
    for table in find_tables(ctx.corpus):
        width = len(table.header)
        rows = [r for r in table.rows if len(r.cells) == width and all(r.cells)]
        if width < 2 or not MIN_ROWS <= len(rows) <= MAX_ROWS:
            continue  # a longer table is a list to look up, not a set of pairs to learn
        key = _key_column(table, rows)
        key_noun = _header_noun(table, key) if key is not None else None
        if key is None or key_noun is None:
            continue
        lefts = [r.cells[key] for r in rows]
        asked = 0
        for column in range(width):
            if asked >= MAX_COLUMNS_ASKED:
                break
            right_label = _header_noun(table, column) if column != key else None
            rights = [r.cells[column] for r in rows]
            if right_label is None or not _fair_column(lefts, rights):
                continue
            out.append(_candidate(ctx, table, rows, (key, column), _singular(key_noun), right_label))
            asked += 1
    return out


def _fair_column(lefts: list[str], rights: list[str]) -> bool:
    """Short, distinct cells, none of which names its own row's first cell (a giveaway)."""
    if any(word_count(x) > MAX_RIGHT_WORDS for x in rights):
        return False
    if len({x.lower() for x in rights}) < len(rights):
        return False
    return not any(left.lower() in right.lower() for left, right in zip(lefts, rights, strict=True))


def _candidate(
    ctx: Context, table: Table, rows: list[Row], columns: tuple[int, int], left_label: str, right_label: str
) -> Candidate:
    doc = ctx.corpus.documents[table.doc]
    key, column = columns
    answer = [[r.cells[key], r.cells[column]] for r in rows]
    rights = [r.cells[column] for r in rows]
    shown = shuffled(rights, "table", *rights)
    if shown == rights:
        shown = shown[1:] + shown[:1]
    draft = QuestionDraft(
        type="matching",
        # "with the dates", not "its" or "their": right for things and people alike
        prompt=f"Match each {left_label} with the {right_label}.",
        answer=answer,
        options=shown,
        explanation="; ".join(f"{a}: {b}" for a, b in answer) + ".",
        confidence=TABLE_CONFIDENCE,
        confidence_reasons=["each pair is a row of a table in the article", f"column '{table.header[column]}'"],
        difficulty=0.5,
        sources=[Source(doc.name, r.start, r.end, doc.text[r.start : r.end]) for r in rows],
    )
    fact = f"table:{table.doc}:{table.header_start}:{key}:{column}"
    return Candidate(draft, "", [r.sent for r in rows], TABLE_CONFIDENCE, "", fact)
