"""A date is a key only where it dates one of the article's own events (issue #15, reader 10's date trivia): the
year of an incidental act (a letter, a sermon, a college founded by someone named once, a book's publication) is
no question, nor a true/false item false only by a birth, death or side-step year."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.multiple_choice import multiple_choice_candidates
from quizapp.generation.date_worth import central_date, swap_worthy_date
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

# Made up for these tests: the history of a league of towns, with side details around it.
LEAGUE = (
    "The Tarnish League was founded by the towns of Dunmore, Kelso and Hawick in 1620. "
    "The Tarnish League built a common granary at Dunmore in 1624. "
    "In 1627 the preacher Amos Whitby wrote to the bishop of Selkirk about the granary. "
    "The Tarnish League sent an embassy to the king in 1630. "
    "Whitby's 1631 sermon The Empty Barn urged the towns to share grain. "
    "In 1633 the merchant Jonas Reeve founded a school of navigation at Kelso. "
    "In 1635 the king banned the export of grain from the Tarnish League. "
    "The Tarnish League was dissolved in 1648. "
    "The historian Ida Brun's 1931 history of the Tarnish League became the standard account. "
    # a text of a few sentences is too short to tell its own names from incidental ones (see MIN_SENTENCES)
    "The towns of the Tarnish League kept a common chest. Their councils met at Dunmore each spring. "
    "Grain was stored against famine. The towns elected a warden every year. The warden kept the keys. "
    "Merchants paid a toll to the chest. Disputes went to the council of the towns."
)
TITLE = ("The Tarnish League",)


def _date(c, words: str, text: str):
    sent = sentence(c, words)
    return sent, next(m for m in sent.mentions if m.kind == "date" and m.text == text)


def test_the_dates_of_the_articles_own_events_are_central():
    c = parsed(LEAGUE, titles=TITLE)
    for words, year in (("was founded by the towns", "1620"), ("common granary", "1624"), ("was dissolved", "1648")):
        sent, m = _date(c, words, year)
        assert central_date(c, sent, m), year
    sent, m = _date(c, "banned the export", "1635")  # a ban is a headline whoever makes it
    assert central_date(c, sent, m)


def test_an_incidental_act_of_someone_named_once_is_no_date_key():
    c = parsed(LEAGUE, titles=TITLE)
    for words, year in (("wrote to the bishop", "1627"), ("school of navigation", "1633")):
        sent, m = _date(c, words, year)
        assert not central_date(c, sent, m), year
    ctx = Context(c, DistractorIndex(c))
    keys = {x.key for x in multiple_choice_candidates(ctx, sentence(c, "wrote to the bishop"))}
    assert "1627" not in keys
    assert ctx.rejected["minor_event_date"] >= 1


def test_a_date_that_names_a_thing_is_central_only_for_the_articles_own_thing():
    c = parsed(LEAGUE, titles=TITLE)
    sent, m = _date(c, "sermon", "1631")  # the year of a sermon, not its argument
    assert not central_date(c, sent, m)
    sent, m = _date(c, "standard account", "1931")  # a book's year, though its title names the subject
    assert not central_date(c, sent, m)


def test_a_side_detail_makes_no_false_statement_by_its_year():
    c = parsed(LEAGUE, titles=TITLE)
    sent, m = _date(c, "was dissolved", "1648")
    assert swap_worthy_date(c, sent, m)
    sent, m = _date(c, "wrote to the bishop", "1627")
    assert not swap_worthy_date(c, sent, m)


def test_a_birth_or_death_year_is_never_swapped_even_for_the_subject():
    text = LEAGUE + " Marta Kessel was born in Dunmore in 1602. Marta Kessel died in Kelso in 1661."
    for _ in range(3):
        text += " Marta Kessel kept the chest of the Tarnish League."
    c = parsed(text, titles=TITLE)
    for words, year in (("was born", "1602"), ("died in", "1661")):
        sent, m = _date(c, words, year)
        assert central_date(c, sent, m)  # her own dates: a choice among the article's dates may ask them
        assert not swap_worthy_date(c, sent, m)
