"""What every candidate maker shares: the candidate record, the context, sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from ..analysis import Corpus, Mention, Sentence
from ..distractors import DistractorIndex, stable_hash
from ..setting import document_settings, names_topic, subject_words
from ..textutil import MAX_PROMPT_WORDS, anaphora_problem, word_count
from ..types import QuestionDraft, Source

# The stem kind of a "Who argued that ...?" question (debates.py): its options, all people, anchor it.
VIEW_STEM = "view"


@dataclass
class Context:
    """Everything a candidate maker may read: the parsed corpus, distractors, disputed facts."""

    corpus: Corpus
    distractors: DistractorIndex
    # sentence id -> (topic, title of the document) when that sentence states a disputed fact
    disputed: dict[int, str] = field(default_factory=dict)
    # sentence id -> values the other documents give for the disputed fact
    rival_values: dict[int, frozenset[str]] = field(default_factory=dict)
    # Rejections made early (before costly distractor search), by the guard name that would reject them.
    rejected: Counter[str] = field(default_factory=Counter)
    # (sentence id, id of a mention) -> why the key is not worth asking, or None (see multiple_choice.worth_asking)
    unworthy: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def early_reject(self, prompt: str) -> bool:
        """Apply the cheap prompt guards before choosing distractors; count what they reject."""
        if word_count(prompt) > MAX_PROMPT_WORDS:
            self.rejected["prompt_length"] += 1
            return True
        if anaphora_problem(prompt):
            self.rejected["anaphora"] += 1
            return True
        return False

    def stand_alone(self, sent: Sentence, text: str, key: str = "") -> str | None:
        """``text`` with its pronouns' antecedents written in; None (counted as anaphora) if one has none."""
        from ..pronouns import stand_alone

        out = stand_alone(self.corpus, sent, text, key)
        if out is None:
            self.rejected["anaphora"] += 1
        return out

    def title(self, sent: Sentence) -> str:
        doc = self.corpus.documents[sent.doc]
        return doc.title or doc.name

    def subject_words(self, sent: Sentence) -> frozenset[str]:
        """The name words of what the sentence's document is about (see setting.subject_words)."""
        return subject_words(self.corpus, sent.doc)

    def topic(self, sent: Sentence) -> Callable[[str], bool]:
        """A test of keys: whether one is the topic of the sentence's document (see setting.names_topic)."""
        return partial(names_topic, self.corpus, sent.doc)

    def setting(self, sent: Sentence) -> str:
        """The place the sentence's document is about, normalised, or "" (see setting.py)."""
        return document_settings(self.corpus).get(sent.doc, "")


@dataclass
class Candidate:
    """A draft plus what guards and the ranker need to know about it."""

    draft: QuestionDraft
    key: str = ""  # the string the question keys, as it stands in the source ("" if none)
    sentences: list[Sentence] = field(default_factory=list)
    score: float = 0.0
    stem_kind: str = ""  # 'wh' or 'cloze' for multiple choice
    fact: str = ""  # a signature of the fact, for duplicate detection
    # Completes the draft (wrong options, a swapped fact) once the ranker wants it: distractors are chosen
    # only for questions that may be kept, so their use is counted only where students will see them.
    finish: Callable[[], bool] | None = None
    title: str = ""  # the title of the document its sentences come from, as a student sees it
    setting: str = ""  # the place that document is about, normalised ("" if none stands out)
    subject: frozenset[str] = frozenset()  # the name words of what that document is about (setting.subject_words)
    topic: Callable[[str], bool] = lambda _key: False  # whether a key is that document's topic (setting.names_topic)
    # Work on the draft that only a candidate the ranker reaches needs (a fill-in's accepted answers): most
    # candidates of a long text are never reached, so it waits for ``settle``, before anything reads the draft.
    pending: Callable[[], None] | None = None

    def settle(self) -> None:
        """Run ``pending`` once."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending()

    def complete(self) -> bool:
        """Run ``finish`` once; False if the question cannot be completed (too few distractors)."""
        if self.finish is None:
            return True
        done = self.finish()
        self.finish = None
        return done

    @property
    def paragraphs(self) -> set[int]:
        return {s.para for s in self.sentences}


def source_of(ctx: Context, sent: Sentence) -> Source:
    """The Source of a sentence: document name, offsets and the verbatim quote."""
    doc = ctx.corpus.documents[sent.doc]
    return Source(doc.name, sent.start, sent.end, doc.text[sent.start : sent.end])


def shuffled(items: list[str], *seed: object) -> list[str]:
    """A deterministic shuffle seeded from the content."""
    return sorted(items, key=lambda x: stable_hash(x, *seed))


def according_to(ctx: Context, sent: Sentence, prompt: str) -> str:
    """Prefix a prompt with whose account it follows."""
    first = prompt.split(" ", 1)[0]
    if first in _LOWER_AFTER_PREFIX:
        prompt = prompt[:1].lower() + prompt[1:]
    # The title in quotes: "According to HMS Challenger (1858), ..." would read as if the ship were speaking.
    return f"According to \u201c{ctx.title(sent)}\u201d, {prompt}"


_LOWER_AFTER_PREFIX = frozenset(
    {
        "Who",
        "What",
        "When",
        "Where",
        "Which",
        "How",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "During",
        "After",
        "Before",
        "From",
        "By",
        "Since",
        "Until",
    }
)


def mention_once(sent: Sentence, m: Mention) -> bool:
    """The key occurs once in its sentence (a second occurrence would leak it)."""
    return sent.text.lower().count(m.text.lower()) == 1


def coordinated(m: Mention) -> bool:
    """The mention is one of a list: 'Who trained here?' would then have several answers."""
    r = m.root
    # "In the 1830s and 1840s": a key with a conjunct of any part of speech is half the answer
    return r.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("PROPN", "NUM", "NOUN") for c in r.children)
