"""Who a person named in a question is, as the article first said: "the historian Jeff Peires" for "Peires".

An article introduces a person once ("The historian Jeff Peires argues ...") and then uses the surname alone
("Colonial figures used by Peires suggest ..."). A question lifted from the later sentence names someone the
student has no way to place. Where the article wrote the person's full name once after "the <role>" (a role word
of the lexicon: historian, writer, governor ...) and never with another role, the question names them so.
"""

from __future__ import annotations

import re

from .analysis import Corpus, Sentence
from .lexicon import TITLES
from .textutil import contains_phrase


def _roles(corpus: Corpus, doc: int) -> dict[str, str]:
    """Full name -> the role word the document gives it after "the" ("Jeff Peires" -> "historian"), for the names
    given one role only (built for every document in one pass over the corpus, on first use)."""
    by_doc = corpus.cache.get("introduced_roles")
    if by_doc is None:
        seen: dict[int, dict[str, set[str]]] = {}
        for s in corpus.sentences:
            for m in s.mentions:
                if m.kind != "person" or m.first.i < s.span.start + 2 or " " not in m.text:
                    continue
                role, det = m.first.nbor(-1), m.first.nbor(-2)
                if role.is_lower and role.lower_ in TITLES and det.lower_ == "the":
                    seen.setdefault(s.doc, {}).setdefault(m.text, set()).add(role.lower_)
        by_doc = {
            d: {name: next(iter(roles)) for name, roles in names.items() if len(roles) == 1}
            for d, names in seen.items()
        }
        corpus.cache["introduced_roles"] = by_doc
    return by_doc.get(doc, {})


def with_roles(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> str:
    """The prompt with the first person it names, alone, written as the article introduced them ("the writer
    Frank Hardy's book" for "Hardy's book"); a person the key names, or one the prompt already gives a role,
    stays as written."""
    roles = _roles(corpus, sent.doc)
    if not roles:
        return prompt
    surnames: dict[str, str] = sent.cache.get("surnames", {})
    for m in sent.mentions:
        if m.kind != "person":
            continue
        full = m.text if m.text in roles else surnames.get(m.text.lower(), "")
        role = roles.get(full)
        if role is None or (key and (contains_phrase(full, key) or contains_phrase(key, m.text))):
            continue
        found = re.search(rf"(?<![\w-]){re.escape(m.text)}(?![\w-])", prompt)
        if found is None or contains_phrase(prompt[: found.start()], role):
            continue  # not in the prompt, or its role is there already ("the writer Frank Hardy")
        named = f"the {role} {full}"
        if found.start() == 0:
            named = named[:1].upper() + named[1:]
        return prompt[: found.start()] + named + prompt[found.end() :]
    return prompt
