"""generate(): documents in, ranked question drafts and a report out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from quizapp.collector import collector_paused
from quizapp.wording import count

from .analysis import Corpus, Sentence, crosses_a_sentence_end, parse_corpus
from .calibrate import REWRITTEN_CHECK, calibrate
from .candidates import (
    Candidate,
    Context,
    agent_claims,
    cause_candidates,
    fill_in_candidates,
    matching_candidates,
    multiple_choice_candidates,
    ordering_candidates,
    result_candidates,
    so_candidates,
    true_false_candidates,
)
from .candidates.debates import debate_candidates
from .candidates.eras import era_candidates
from .candidates.fill_in import decade_blank, term_counts
from .candidates.matching import pairs_of
from .candidates.ordering import event_of
from .candidates.tables import table_candidates
from .candidates.views import view_statements
from .capitals import ProseForms, as_prose, prose_forms
from .caps import lower_opening_word, sentence_case
from .clauses import elliptical, hedge, hollow, odd_parse, run_on, vague_subject
from .definites import resolvable_subject, resolve_context
from .disagreements import find_disagreements
from .distractors import DistractorIndex
from .entities import repair_kinds
from .fragments import list_item, no_finite_verb
from .giveaways import decade_key
from .guards import GUARD_LABELS, GUARDS, exercise_problem, first_failure
from .nlp import get_nlp
from .normalise import written_forms
from .placeholders import placeholder
from .prompt_form import mend
from .rank import default_cap, select
from .repeats import told_twice
from .roles import with_roles
from .source_form import not_a_statement
from .textutil import word_count
from .timeline import merged_lines, short_line, subjectless_line, verbless_line
from .types import CleanDocument, DocumentInput, GenerationReport, GenerationResult, QuestionDraft

Progress = Callable[[str, float], None]
MIN_SENTENCE_WORDS = 5
MAX_SENTENCE_WORDS = 80
ODD_PARSE_PENALTY = 0.15
# The source itself is unsure ("probably", "is said to"): a key it hedges is a weaker key.
HEDGE_PENALTY = 0.15


def to_clean(doc: DocumentInput | CleanDocument) -> CleanDocument:
    """Ingest a DocumentInput; a CleanDocument is taken as it is."""
    if isinstance(doc, CleanDocument):
        return doc
    from .ingest import ingest  # imported late: ingestion pulls in parsers for every format

    return ingest(doc)


def build_candidates(ctx: Context) -> list[Candidate]:
    """Every candidate of every type, before guards."""
    corpus = ctx.corpus
    counts = term_counts(corpus)
    out: list[Candidate] = []
    pairs = []
    events = []
    for sent in corpus.sentences:
        if sent.heading or sent.cut or sent.table_row or not MIN_SENTENCE_WORDS <= sent.words() <= MAX_SENTENCE_WORDS:
            continue
        if sent.root.pos_ not in ("VERB", "AUX"):
            continue  # a fragment without a main verb states nothing a question can test
        if exercise_problem(sent.text):
            ctx.rejected["exercise"] += 1  # "Explain why ...", "3. What did ...?": the source asks, not states
            continue
        if not_a_statement(corpus, sent):
            ctx.rejected["apparatus"] += 1  # an objective, a task, a caption: the article asserts none of them
            continue
        if sent.text.count("(") != sent.text.count(")") or sent.text.count("[") != sent.text.count("]"):
            continue  # the parser cut a sentence inside brackets: what it holds is half of one
        if crosses_a_sentence_end(sent.text):
            ctx.rejected["two_sentences"] += 1  # "... to James I and Charles I. He died ...": the split was missed
            continue
        if subjectless_line(sent) or merged_lines(sent) or verbless_line(sent) or short_line(sent):
            continue  # "1826 - opens a shop": a timeline's line without its subject (or verb) states nothing alone
        if list_item(corpus, sent) or no_finite_verb(sent.span):
            # "Early Nok, ..., when farming communities appear;" completes the line above the list; "Humayun's son
            # Akbar (reigned 1556-1605)" has its only verb in brackets: neither says anything alone
            continue
        pairs += pairs_of(ctx, sent)
        # A comma splice reads badly however it is cut; a subject like "The school" or "the base" points
        # back to something named earlier: questions restating such sentences are unclear alone.
        vague = vague_subject(sent)
        # ... unless an earlier sentence names it ("the base" <- "the air base at Lipetsk"): the prompts then
        # carry the name (see definites.resolve_context); an ordering item is not rewritten, so it still skips.
        if run_on(sent) or hollow(sent) or elliptical(sent) or (vague and not resolvable_subject(corpus, sent)):
            continue
        if placeholder(sent):
            continue  # "X saw an opportunity", "The result sold slowly": what it says, another sentence tells
        event = event_of(ctx, sent) if not vague else None
        if event is not None:
            events.append(event)
        mine = sentence_candidates(ctx, sent, counts)
        if mine and odd_parse(sent):
            _penalise(
                mine,
                ODD_PARSE_PENALTY,
                "the source sentence parses oddly (no subject or a loose dependent): it may be garbled",
            )
        uncertain = hedge(sent) if mine else None
        if uncertain:
            _penalise(
                mine, HEDGE_PENALTY, f"the source hedges this sentence ('{uncertain}'): it may not be established"
            )
        out += mine
    out += ordering_candidates(ctx, events)
    out += matching_candidates(ctx, pairs)
    out += table_candidates(ctx)
    return out


def sentence_candidates(ctx: Context, sent: Sentence, counts: Counter[str]) -> list[Candidate]:
    """The single-sentence candidates of a sentence the loop of ``build_candidates`` reads."""
    mine = multiple_choice_candidates(ctx, sent)
    mine += era_candidates(ctx, sent)
    mine += debate_candidates(ctx, sent)
    if not sent.norm.in_day_month(sent.span.start_char, sent.span.end_char):
        # The prompt would show "7 November" where the reader sees "7.11." and no year: skip restating it.
        mine += true_false_candidates(ctx, sent)
        mine += fill_in_candidates(ctx, sent, counts)
        mine += cause_candidates(ctx, sent)
        mine += agent_claims(ctx, sent)
        mine += view_statements(ctx, sent)
        mine += result_candidates(ctx, sent)
        mine += so_candidates(ctx, sent)
    return mine


def _penalise(candidates: list[Candidate], amount: float, reason: str) -> None:
    for c in candidates:
        c.score -= amount
        c.draft.confidence = max(0.05, c.draft.confidence - amount)
        c.draft.confidence_reasons.append(reason)


REWRITTEN = REWRITTEN_CHECK


def analyse(
    documents: list[CleanDocument], model: str | None = None, progress: Progress | None = None
) -> tuple[Corpus, Context, GenerationReport]:
    """Parse and index the documents; find where they disagree."""
    nlp = get_nlp(model)
    _tell(progress, "parse", 0.0)
    corpus = parse_corpus(documents, nlp, (lambda f: _tell(progress, "parse", f)) if progress else None)
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    report = GenerationReport(documents=list(documents))
    report.disagreements = find_disagreements(corpus, ctx)
    return corpus, ctx, report


def generate(
    documents: Sequence[DocumentInput | CleanDocument],
    *,
    model: str | None = None,
    max_questions: int | None = None,
    progress: Progress | None = None,
) -> GenerationResult:
    """Generate question drafts from documents (raw inputs are ingested first; IngestError propagates)."""
    # Parse trees, mentions and candidates are all kept to the end: collections during the run find no garbage.
    with collector_paused():
        return _generate(documents, model, max_questions, progress)


def _generate(
    documents: Sequence[DocumentInput | CleanDocument],
    model: str | None,
    max_questions: int | None,
    progress: Progress | None,
) -> GenerationResult:
    _tell(progress, "ingest", 0.0)
    clean = [to_clean(d) for d in documents]
    corpus, ctx, report = analyse(clean, model, progress)
    _tell(progress, "candidates", 0.0)
    candidates = build_candidates(ctx)
    report.candidates = len(candidates)
    rejected: Counter[str] = Counter(ctx.rejected)
    report.candidates += sum(ctx.rejected.values())
    # Guards run when the ranker reaches a candidate (in finalize): most candidates of a long text are never
    # reached, and checking only those keeps the pipeline close to the speed of the parse.
    passed = candidates
    _tell(progress, "rank", 0.0)
    words = sum(word_count(d.text) for d in clean)
    cap = max_questions if max_questions is not None else default_cap(words)

    def finalize(c: Candidate) -> bool:
        c.title = ctx.title(c.sentences[0])
        c.setting = ctx.setting(c.sentences[0])
        c.subject = ctx.subject_words(c.sentences[0])
        c.topic = ctx.topic(c.sentences[0])
        if c.draft.type in ("multiple_choice", "true_false", "fill_in"):
            # "the school", "on November 8-9": write in what earlier sentences named, or refuse the question.
            # First of all: a prompt that gains a name this way may pass the guards it would fail as it stands.
            false_statement = c.draft.type == "true_false" and c.draft.answer is False
            prompt, problem = resolve_context(
                corpus, c.sentences, c.draft.prompt, c.key, name_definites=not false_statement
            )
            if problem is not None:
                rejected["anaphora"] += 1
                return False
            if len(c.sentences) == 1 and told_twice(corpus, c.sentences[0], prompt, c.key):
                rejected["repeated_event"] += 1  # "The Great Eastern leaves Valentia": which of its two voyages?
                return False
            if len(c.sentences) == 1:
                prompt = with_roles(corpus, c.sentences[0], prompt, c.key)  # "Peires" -> "the historian Jeff Peires"
            if prompt != c.draft.prompt and REWRITTEN not in c.draft.checks:
                c.draft.checks.append(REWRITTEN)
            c.draft.prompt = prompt
        if c.draft.type == "fill_in" and decade_key(c.key):
            c.draft.prompt = decade_blank(c.draft.prompt)  # written last: a timeline's "_____ -" becomes "In _____,"
        c.draft.prompt = sentence_case(corpus, c.sentences[0], mend(c.draft.prompt))
        c.draft.prompt = lower_opening_word(corpus, c.sentences[0], c.draft.prompt)
        failure = first_failure(c)
        if failure is not None:
            rejected[failure[0]] += 1
            return False
        # a candidate with nothing to finish is the same after complete(): the guards it passed need not run again
        unfinished = c.finish is not None
        if not c.complete():
            rejected["distractors"] += 1  # too few same-kind values in the corpus: no question
            return False
        failure = first_failure(c) if unfinished else None
        if failure is not None:
            rejected[failure[0]] += 1
            return False
        # finalize may meet a candidate twice: the notes are set, not added to
        c.draft.checks = [note for note in c.draft.checks if note == REWRITTEN] + [GUARD_LABELS[n] for n in GUARDS]
        return True

    kept, duplicates = select(passed, max(cap, 0), finalize, rejected)
    if duplicates:
        rejected["duplicate"] += duplicates
    report.rejected_by_guard = dict(sorted(rejected.items()))
    forms = written_forms([d.text for d in clean])
    prose, acronyms = prose_forms([d.text for d in clean])
    for c in kept:
        c.draft.checks.append("no other question asks the same")
        if forms:
            _as_written(c.draft, forms)
        _in_prose_case(c.draft, prose, acronyms)
        calibrate(c.draft)  # confidence only: which questions are kept is settled
    kept.sort(key=lambda c: (min(s.doc for s in c.sentences), min(s.start for s in c.sentences), c.draft.type))
    report.notes.append(
        f"{count(len(clean), 'document')}, {words} words, {len(corpus.sentences)} sentences, "
        f"{report.candidates} candidates, {len(kept)} kept "
        f"(cap {cap})"
    )
    _tell(progress, "done", 1.0)
    return GenerationResult(questions=[c.draft for c in kept], report=report)


def _as_written(draft: QuestionDraft, forms: dict[str, str]) -> None:
    """ "Bf 109" where the parser was shown "Bf-109", "1,5 million" where it was shown "1.5 million" (see
    normalise): a question writes what the article writes."""

    def fix(value: str) -> str:
        for joined, written in forms.items():
            if joined in value:
                value = re.sub(rf"(?<![\w-]){re.escape(joined)}(?![\w-])", written, value)
        return value

    _rewrite_texts(draft, fix)


def _in_prose_case(draft: QuestionDraft, prose: ProseForms, acronyms: set[str]) -> None:
    """ "Sima Qian" where a distractor or stem copied "SIMA QIAN" from a title set in capitals."""
    _rewrite_texts(draft, lambda value: as_prose(value, prose, acronyms))


def _rewrite_texts(draft: QuestionDraft, fix: Callable[[str], str]) -> None:
    """Apply ``fix`` to every string of the question: prompt, options, answer, explanation."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return fix(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    draft.prompt = walk(draft.prompt)
    draft.options = walk(draft.options)
    draft.answer = walk(draft.answer)
    draft.explanation = walk(draft.explanation)


def _tell(progress: Progress | None, stage: str, fraction: float) -> None:
    if progress is not None:
        progress(stage, fraction)
