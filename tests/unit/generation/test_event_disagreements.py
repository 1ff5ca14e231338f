"""Disagreements of meaning: one event told by two documents with another place, date or count.
Every document here is made up for the tests."""

import pytest

from quizapp.generation import generate
from quizapp.generation.candidates.base import Context
from quizapp.generation.disagreements import find_disagreements
from quizapp.generation.distractors import DistractorIndex

from ._articles import clean, parsed


def _found(a, b):
    c = parsed(a, b)
    ctx = Context(c, DistractorIndex(c))
    return find_disagreements(c, ctx), ctx, c


def test_same_founding_same_day_different_place():
    a = (
        "On 3 May 1412, at a gathering of weavers in Ballintra, Aodh Breslin proclaimed the founding of the Guild of "
        "Saint Brendan."
    )
    b = "The Guild of Saint Brendan was established at Carrowmore on 3 May 1412 by the weaver Aodh Breslin."
    dis, ctx, c = _found(a, b)
    assert len(dis) == 1
    assert dis[0].topic.startswith("where")
    assert "Ballintra" in dis[0].note
    assert "Carrowmore" in dis[0].note
    assert {s.document for s in dis[0].claims} == {"d0.txt", "d1.txt"}
    # each sentence is marked disputed, with the other account's place as a rival value
    assert all(s.id in ctx.disputed for s in c.sentences if not s.heading)
    assert any("carrowmore" in v for v in ctx.rival_values.values())


def test_same_departure_different_port_and_day():
    a = "The merchant fleet of Admiral Pietro Calvi sailed from Ancona on 19 March 1550."
    b = "Admiral Pietro Calvi left Trieste with the merchant fleet on 2 March 1550."
    dis, _, _ = _found(a, b)
    topics = sorted(d.topic.split(":")[0] for d in dis)
    assert topics == ["when", "where"]
    notes = " ".join(d.note for d in dis)
    assert "Ancona" in notes
    assert "Trieste" in notes
    assert "19 March 1550" in notes
    assert "2 March 1550" in notes


@pytest.mark.parametrize(
    ("a", "b", "first", "second"),
    [
        (
            "During the siege of Castelnuovo in 1539, 1,200 defenders of the fortress were killed.",
            "The siege of Castelnuovo in 1539 left 1,400 dead among the defenders of the fortress.",
            "1,200",
            "1,400",
        ),
        # counts of people that share the occasion (the petition) besides the people counted
        (
            "The great petition of 1850 was signed by nearly 12,000 women, about a third of the town.",
            "In 1850 the campaigners presented a petition signed by almost 8,000 women to the council of Tarrow.",
            "12,000",
            "8,000",
        ),
    ],
)
def test_one_event_told_with_another_count(a, b, first, second):
    dis, _, _ = _found(a, b)
    assert [d.topic.split(":")[0] for d in dis] == ["how many"]
    assert first in dis[0].note
    assert second in dis[0].note


def test_where_the_collections_were_taken():
    a = (
        "After the survey the fossils were shipped to Uppsala, where Professor Lina Berg set up a laboratory to "
        "study them."
    )
    b = "The fossils were sent to the Royal Museum in Stockholm, where they were studied by a team led by Lina Berg."
    dis, _, _ = _found(a, b)
    assert len(dis) == 1
    assert dis[0].topic.startswith("where")
    assert "Uppsala" in dis[0].note
    assert "Royal Museum" in dis[0].note


def test_sums_of_money_and_crowds_on_a_day_named_without_its_year():
    a = (
        "In 1788 the city of Lyon and the weavers' guild agreed on a payment of about 40,000 livres to the "
        "silk merchants. On 12 May 1788 the guild marched to the Hôtel de Ville. On 14 May more than 5,000 "
        "weavers gathered in the Place Bellecour to support the guild."
    )
    b = (
        "The settlement of 1788 with the silk merchants fixed the payment at about 60,000 livres. The guild marched "
        "on 12 May 1788. Two days later, on 14 May, about 9,000 weavers filled the Place Bellecour."
    )
    dis, _, _ = _found(a, b)
    notes = " | ".join(d.note for d in dis)
    assert "40,000" in notes
    assert "60,000" in notes
    assert "5,000" in notes
    assert "9,000" in notes


def test_a_place_an_announcement_came_from_is_where_it_was_made():
    a = "On 2 April 1791 Mayor Jean Tholon announced the new tariff in a speech from the Hôtel de Ville."
    b = "On 2 April 1791 Mayor Jean Tholon announced the new tariff from the bishop's palace at Fourvière."
    dis, _, _ = _found(a, b)
    assert [d.topic.split(":")[0] for d in dis] == ["where"]


def test_days_apart_without_a_shared_name_when_nothing_says_two_events():
    a = "The masters refused the new rates, and on 3 June 1831 the weavers began a strike that stopped every loom."
    b = "After the masters refused to sign the new rates, the weavers called a strike on 7 June 1831."
    dis, _, _ = _found(a, b)
    assert [d.topic.split(":")[0] for d in dis] == ["when"]
    # a strike that began and a strike that ended are two events
    dis, _, _ = _found(a, "The weavers ended the strike on 21 June 1831 after the masters gave way.")
    assert dis == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a vaguer telling of the same date, a rounded count and a place inside the other are no disagreement
        (
            "The Guild of Saint Brendan was founded at Carrowmore in 1412.",
            "The Guild of Saint Brendan was founded at Carrowmore on 3 May 1412 by the weaver Aodh Breslin.",
        ),
        (
            "The relief convoy of Captain Ines Varga covered 6,890 miles before it reached Valparaiso.",
            "Captain Ines Varga's relief convoy covered nearly 7,000 miles before it reached Valparaiso.",
        ),
        # two foundings by one group are two events, not one told twice
        (
            "In 1402 the weavers of Carrowmore founded the Guild of Saint Brendan at Ballintra.",
            "The Guild of Saint Colm was founded at Ballintra in 1405, and the weavers of Carrowmore left the Guild of "
            "Saint Brendan.",
        ),
        # a sailing in 1550 and a return in 1553 are two events
        (
            "Admiral Pietro Calvi sailed from Ancona with the merchant fleet in 1550.",
            "Admiral Pietro Calvi returned to Ancona with the merchant fleet in 1553.",
        ),
        # a rally and a march in one town are two crowds, not one counted twice
        (
            "About 5,000 people gathered at the rally in Tarrow in 1850.",
            "About 20,000 people joined the march in Tarrow in 1850.",
        ),
        # places in lists are not single values to compare
        (
            "The fleet of Admiral Pietro Calvi called at Bari and Brindisi in 1551.",
            "The fleet of Admiral Pietro Calvi called at Otranto in 1551.",
        ),
    ],
)
def test_compatible_accounts_are_no_disagreement(a, b):
    dis, _, _ = _found(a, b)
    assert dis == [], [d.note for d in dis]


def test_questions_on_a_disputed_event_say_whose_account():
    a = (
        "Guild history\n\nThe Guild of Saint Brendan was established at Carrowmore on 3 May 1412 by the weaver "
        "Aodh Breslin. The guild built a hall in Sligo in 1430. Aodh Breslin died in Sligo in 1441."
    )
    b = (
        "Weavers of the west\n\nOn 3 May 1412, at a gathering of weavers in Ballintra, Aodh Breslin proclaimed the "
        "founding of the Guild of Saint Brendan. The weavers of Ballintra sold cloth in Galway in 1425."
    )
    result = generate([clean("a.txt", a), clean("b.txt", b)], max_questions=30)
    assert result.report.disagreements
    disputed = [
        q
        for q in result.questions
        if q.type in ("multiple_choice", "true_false", "fill_in") and any("3 May 1412" in s.quote for s in q.sources)
    ]
    assert disputed
    for q in disputed:
        assert q.prompt.startswith("According to "), q.prompt
        assert q.confidence < 0.75
        if q.type == "multiple_choice":
            assert not {"Carrowmore", "Ballintra"} <= set(q.options)


def test_another_accounts_count_of_the_same_thing_is_no_wrong_option():
    # the two documents name the same places (a document on another subject gives no options: kinds.py)
    a = (
        "About 9,000 women took part in the election of 1871. The town had 40,000 houses. The mill at Ennis "
        "employed 2,500 workers. The church of Carrow had 600 seats."
    )
    b = (
        "At the general election of 1871 about 11,000 women voted. The bridge at Carrow cost 1,200 crowns. The "
        "road to Ennis was built in 1872."
    )

    def options(*texts):
        c = parsed(*texts)
        key = next(m for s in c.sentences for m in s.mentions if m.text == "11,000")
        return DistractorIndex(c).choose(key, key.text, 3)

    # the two accounts were not found to disagree (took part / voted), yet 9,000 is the other's answer
    assert "9,000" not in options(a, b)
    # in one document, 9,000 is the count of another election and may be offered
    assert "9,000" in options(a + " At the general election of 1875 about 11,000 women voted.")
