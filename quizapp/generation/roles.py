"""Who a person named in a question is, as the article first said: "the historian Jeff Peires" for "Peires".

An article introduces a person once ("The historian Jeff Peires argues ...") and then uses the surname alone
("Colonial figures used by Peires suggest ..."). A question lifted from the later sentence names someone the
student has no way to place. Where the article wrote the person's full name once after "the <role>" (a role word
of the lexicon: historian, writer, governor, scholar ..., with the words that describe it: "the German scholar") or
with the role in apposition ("Henry Rawlinson, a British army officer"), and never with another role, the question
names them so. The person the article's title names is left as written.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Corpus, Sentence
from .lexicon import PEERAGES, PERSON_NOUNS, TITLES
from .textutil import contains_phrase

# "the German scholar", "a British army officer": longer is a description, not a role
MAX_ROLE_WORDS = 3


def _roles(corpus: Corpus, doc: int) -> dict[str, tuple[str, bool]]:
    """Full name -> the role the document gives it ("Jeff Peires" -> "historian", "Georg Grotefend" -> "German
    scholar") and whether it wrote the role before the name, for the names given one role only (built for every
    document in one pass over the corpus, on first use)."""
    by_doc = corpus.cache.get("introduced_roles")
    if by_doc is None:
        seen: dict[int, dict[str, set[tuple[str, bool]]]] = {}
        for s in corpus.sentences:
            for m in s.mentions:
                if m.kind != "person" or " " not in m.text:
                    continue
                before = _role_before(s, m)
                after = _role_after(m) if before is None else None
                if before is not None or after is not None:
                    role = (before, True) if before is not None else (after or "", False)
                    seen.setdefault(s.doc, {}).setdefault(m.text, set()).add(role)
        by_doc = {
            d: {name: next(iter(roles)) for name, roles in names.items() if len(roles) == 1}
            for d, names in seen.items()
        }
        corpus.cache["introduced_roles"] = by_doc
    return by_doc.get(doc, {})


def _is_role(t: Any) -> bool:
    return t.is_lower and (t.lower_ in TITLES or t.lower_ in PERSON_NOUNS)


def _described(role: Any, start: int) -> str | None:
    """The role word with the words before it from ``start`` on that describe it ("British army officer"), if
    they all hang from it and none is a name of its own or a number: the person's kind, as the article said."""
    words = list(role.doc[start : role.i + 1])
    if sum(t.text != "-" for t in words) > MAX_ROLE_WORDS:
        return None
    for t in words[:-1]:
        if t.text == "-":
            continue  # "French-German"
        if t.dep_ not in ("amod", "compound") or t.pos_ not in ("ADJ", "NOUN", "PROPN") or t.ent_type_ == "PERSON":
            return None
        if t.head.i != role.i and t.head.i not in (w.i for w in words):
            return None
        if t.pos_ == "PROPN" and not t.is_title:
            return None
    return re.sub(r"\s*-\s*", "-", " ".join(t.text for t in words))


def _role_before(s: Sentence, m: Any) -> str | None:
    """ "the historian Jeff Peires", "the German scholar Georg Grotefend": a role after "the", right before the
    name."""
    if m.first.i < s.span.start + 2:
        return None
    role = m.first.nbor(-1)
    if not _is_role(role):
        return None
    start = role.i
    while start - 1 >= s.span.start and role.doc[start - 1].lower_ != "the" and role.i - start < 2 * MAX_ROLE_WORDS:
        start -= 1
    if start - 1 < s.span.start or role.doc[start - 1].lower_ != "the":
        return None
    return _described(role, start)


def _role_after(m: Any) -> str | None:
    """ "Henry Rawlinson, a British army officer stationed in Persia": a role in apposition, after "a" or "an"."""
    for t in m.root.children:
        if t.dep_ != "appos" or t.i <= m.last.i or not _is_role(t):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return None  # "a member of the Medici family": the role is only what its "of" says
        det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
        if det is None or det.lower_ not in ("a", "an"):
            return None
        return _described(t, det.i + 1)
    return None


def with_roles(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> str:
    """The prompt with the first person it names, alone, written as the article introduced them ("the writer
    Frank Hardy's book" for "Hardy's book"); a person the key names, or one the prompt already gives a role,
    stays as written."""
    roles = _roles(corpus, sent.doc)
    if not roles:
        return prompt
    surnames: dict[str, str] = sent.cache.get("surnames", {})
    title = corpus.documents[sent.doc].title or ""
    for m in sent.mentions:
        if m.kind != "person":
            continue
        full = m.text if m.text in roles else surnames.get(m.text.lower(), "") or _one_full_name(roles, m.text)
        role, written = roles.get(full, ("", False))
        if not role or (key and (contains_phrase(full, key) or contains_phrase(key, m.text))):
            continue
        found = re.search(rf"(?<![\w-]){re.escape(m.text)}(?![\w-])", prompt)
        if found is None or contains_phrase(prompt, role.split()[-1]):
            continue  # not in the prompt, or its role is there already ("the writer Frank Hardy", "X, a writer")
        if _title_before(prompt[: found.start()]):
            continue  # "Pope Leo X": a title stands before the name
        if contains_phrase(title, full.split()[-1]):
            continue  # the person the article is about needs no introduction
        # the article's own words ("the German scholar Georg Grotefend"), or a role taken from "Henry Rawlinson, a
        # British army officer" put before the name as the question has it: a full name written in may be another
        # question's key
        named = f"the {role} {full if written else m.text}"
        if found.start() == 0:
            named = named[:1].upper() + named[1:]
        return prompt[: found.start()] + named + prompt[found.end() :]
    return prompt


def _title_before(text: str) -> bool:
    """Whether ``text`` ends in a title or in a capitalised word inside the sentence ("Pope ", "Chief Engineer "),
    not a first word that is capitalised only because it begins the prompt ("For Hamilton")."""
    found = re.search(r"([A-Z][\w'-]*)\s+$", text)
    if found is None:
        return False
    word = found.group(1).lower().rstrip(".")
    return word in TITLES or word in PEERAGES or bool(text[: found.start()].strip())


def _one_full_name(roles: dict[str, tuple[str, bool]], surname: str) -> str:
    """The one full name given a role that ends in ``surname`` ("Henry Creswicke Rawlinson" for "Rawlinson", a name
    the model may not have labelled a person's where it was written in full), or ""."""
    found = [name for name in roles if name.split()[-1] == surname]
    return found[0] if len(found) == 1 else ""
