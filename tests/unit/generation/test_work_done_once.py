"""Work the generator does only where its result is read, or once where it is asked again (issue #15's speed)."""

from types import SimpleNamespace

from quizapp.generation import distractors
from quizapp.generation.candidates import multiple_choice
from quizapp.generation.candidates.base import Candidate, Context
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.rank import select
from quizapp.generation.types import QuestionDraft

from ._articles import mention, parsed

# A made-up guild whose masters take turns at one office: many people of one kind, one key among them.
GUILD = """The Guild of Carven

In 1402 Anselm Tarrow founded the guild at Carven. Brecht Ollen led the guild after him. Corwin Vale led the guild
in 1410. Dunstan Reeve led the guild in 1415. Edric Malloway led the guild in 1420. Fenwick Aldous led the guild in
1425. Garrick Thorne led the guild in 1430. Halden Pryce led the guild in 1435. Ivo Merrow led the guild in 1440.
"""


def test_options_are_checked_best_first_only_as_far_as_the_choice_reads(monkeypatch):
    c = parsed(GUILD.replace("\n", " ").replace("  ", "\n\n", 1))
    key = mention(c, "Corwin Vale")
    index = DistractorIndex(c)
    people = len(index.pools["person"])
    assert people >= 6
    calls = []
    real = distractors.ruled_out

    def counted(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(distractors, "ruled_out", counted)
    wrong = index.choose(key, key.text, 1)
    assert wrong is not None
    assert len(calls) < people - 1  # not every other master of the guild


def test_a_keys_worth_is_worked_out_once_and_its_refusal_counted_each_time(monkeypatch):
    c = parsed(GUILD.replace("\n", " ").replace("  ", "\n\n", 1))
    key = mention(c, "Corwin Vale")
    ctx = Context(c, DistractorIndex(c))
    asked = []

    def bounded(sent, m):
        asked.append(m)
        return True

    monkeypatch.setattr(multiple_choice, "bounded_key", bounded)
    assert not multiple_choice.worth_asking(ctx, key.sent, key)
    assert not multiple_choice.worth_asking(ctx, key.sent, key)
    assert len(asked) == 1
    assert ctx.rejected["bounded_count"] == 2


def test_a_duplicate_is_refused_before_its_pending_work_runs():
    settled = []

    def made(n: int) -> Candidate:
        draft = QuestionDraft("fill_in", "In 1410 _____ led the guild of Carven.", [])
        one_sentence = [SimpleNamespace(id=0, para=0, doc=0)]  # the same fact of one sentence, made twice
        c = Candidate(draft, "Corwin Vale", one_sentence, 1.0 - n / 10, fact="same")  # type: ignore[arg-type]
        c.pending = lambda: settled.append(n)
        return c

    kept, duplicates = select([made(0), made(1)], 2)
    assert len(kept) == 1
    assert duplicates >= 1
    assert settled == [0]
