"""A chronology told in the present ("1494 - Suleiman is born in Trabzon") asks in the past.

Timelines and dated lines often use the historical present. Restated as a statement it still reads as the
chronology's own voice, but a question in it ("Where is Suleiman born?") reads as if asked of today. A question
cut from such a sentence takes the past tense of its operator: does/do -> did, is/are -> was/were, has/have ->
had. Only the operator moves; the main verb after "did" is in its base form already.
"""

from __future__ import annotations

import re

from .analysis import Corpus, Sentence
from .timeline import entry_date, has_year, label_of

_PRESENT = frozenset({"VBZ", "VBP"})
_PAST = {"does": "did", "do": "did", "is": "was", "are": "were", "has": "had", "have": "had"}
_QUESTION = re.compile(
    r"^(?P<pre>(?:According to [^,]{1,80},\s*)?(?:[A-Z][^,?]{2,40},\s)?)"
    r"(?P<wh>(?:when|where|why|how|who|whom|what|which)(?:\s[a-z]+)?)\s(?P<op>does|do|is|are|has|have)\b",
    re.I,
)


def historical_present(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence tells a dated past event in the present: its main verb (or the auxiliary carrying
    its tense) is present, and a year dates it (a timeline label or entry, or a date phrase on the verb)."""
    root = sent.root
    tensed = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if not any(t.tag_ in _PRESENT for t in tensed) or any(t.tag_ in ("VBD", "MD") for t in tensed):
        return False
    if label_of(sent) is not None or entry_date(corpus, sent) is not None:
        return True
    return any(
        c.dep_ in ("prep", "npadvmod") and has_year("".join(t.text_with_ws for t in c.subtree)) for c in root.children
    )


def past_question(prompt: str) -> str:
    """The question with its present operator put in the past ("In 1494, where is Suleiman born?" -> "In 1494,
    where was Suleiman born?"); anything but a wh-question is returned as it is."""
    if not prompt.rstrip().endswith("?"):
        return prompt
    m = _QUESTION.match(prompt)
    if m is None:
        return prompt
    op = m.group("op")
    past = _PAST[op.lower()]
    return prompt[: m.start("op")] + (past.capitalize() if op[:1].isupper() else past) + prompt[m.end("op") :]
