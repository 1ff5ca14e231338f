"""Small original history texts for the tests (made up for them; not the seed articles)."""

from __future__ import annotations

import re
from functools import cache

from quizapp.generation import Block, CleanDocument

CANAL = """The Aldermoor Canal

The Aldermoor Canal was proposed by the merchant Samuel Pryce in 1788 to carry coal from the Pennine valleys to the port of Liverpool. Parliament approved the scheme on 12 March 1791, after two years of petitions from the mill owners of Manchester.

Chief Engineer Thomas Brindle surveyed the route in 1792. The first section between Wigan and Bolton opened in 1796, and barges were soon carrying limestone as well as coal. A steam pumping station was built at Preston to keep the summit level full of water.

The Lowther Iron Company supplied the lock gates, while the contractor William Pickering employed about 900 navvies on the cuttings. Pickering was dismissed in 1799 after a dispute over wages. A school for lock keepers was established at Blackburn by the canal company.

The canal was completed in 1804, when the long tunnel under Foulridge was finished. Traffic peaked in 1840 with nearly 2,000,000 tons of cargo. The railway from Leeds to Liverpool took most of the trade after 1850, and the canal company was sold to the railway in 1874.

Engineer Margaret Holt restored the towpath in 1968. Today the canal carries pleasure boats between Leeds and Liverpool, and a museum in Burnley tells its history.
"""  # noqa: E501

TREATY = """The Treaty of Valmora

The Treaty of Valmora was signed on June 3, 1839 by the kingdoms of Castelmar and Ostrava. It ended a border war that had begun in 1834 over the salt mines of the Drava valley.

The Castelmar delegation was led by Foreign Minister Alonso Reyes, and the Ostravan delegation by Chancellor Viktor Hallam. The negotiations took place in Geneva under the mediation of Britain. A customs office was opened at Trieste to collect the salt duties.

Under the treaty, Ostrava received the town of Linz, while Castelmar kept the port of Trieste. A joint commission was created in Vienna to mark the new border. The commission finished its work in 1842.

The Convention of Dresden confirmed the treaty in 1846. The peace lasted until the war of 1866, when Ostrava invaded Castelmar. Historian Clara Benn published the first full account of the treaty in 1901.
"""  # noqa: E501

# A second account of the canal that puts the lock keepers' school somewhere else.
CANAL_OTHER = """Canal history notes

A school for lock keepers was established at Burnley in 1801. The merchant Samuel Pryce had first proposed the canal in 1788, and the engineers of the company met in Leeds every spring.
"""  # noqa: E501


def clean(name: str, text: str) -> CleanDocument:
    """A CleanDocument with one block per paragraph (the first line is the heading)."""
    blocks = []
    for m in re.finditer(r"[^\n]+", text):
        blocks.append(Block(m.start(), m.end(), "heading" if m.start() == 0 else "paragraph"))
    return CleanDocument(name=name, title=text.split("\n", 1)[0], format="txt", text=text, blocks=tuple(blocks))


@cache
def corpus() -> tuple[CleanDocument, ...]:
    return (clean("canal.txt", CANAL), clean("treaty.txt", TREATY))


@cache
def generated():
    """One generation over the two articles, shared by the tests that only read it."""
    from quizapp.generation import generate

    return generate(list(corpus()), max_questions=40)


def parsed(*texts: str, titles: tuple[str, ...] = ()):
    """A parsed, kind-repaired corpus of small made-up documents (one per text, each with a heading)."""
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.entities import repair_kinds
    from quizapp.generation.nlp import get_nlp

    docs = [clean(f"d{i}.txt", (titles[i] if i < len(titles) else "Title") + "\n\n" + t) for i, t in enumerate(texts)]
    corpus = parse_corpus(docs, get_nlp())
    repair_kinds(corpus)
    return corpus


def sentence(corpus, words: str):
    """The first sentence of the corpus containing ``words``."""
    return next(s for s in corpus.sentences if words in s.text)


def mention(corpus, text: str, words: str | None = None):
    """The first mention written ``text`` (in the first sentence containing ``words``, if given)."""
    sents = [sentence(corpus, words)] if words else corpus.sentences
    return next(m for s in sents for m in s.mentions if m.text == text)
