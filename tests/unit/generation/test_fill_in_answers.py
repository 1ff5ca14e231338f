"""Fair fill-ins (issue #15): only specific blanks, and every answer a student may fairly write is accepted."""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.base import Candidate, Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, open_region, strands_a_quote, term_counts
from quizapp.generation.candidates.fill_in_answers import (
    bracketed_names,
    distinctive_part,
    person_full_name,
    surname_shared,
)
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp
from quizapp.generation.rank import select

from ._articles import clean


def _settled(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with their accepted answers worked out, as the ranker has them (they wait until then)."""
    for c in candidates:
        c.settle()
    return candidates


def _fill_ins(text):
    """Every fill-in candidate of the text, by key: its accepted answers."""
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    return {c.key: c.draft.answer for s in corpus.sentences for c in _settled(fill_in_candidates(ctx, s, counts))}, ctx


GENERIC = (
    "The fall of Dravenholt in 1412 was the turning point of the Marsh War. "
    "Many chroniclers blamed the defeat on the cowardice of Duke Anselm. "
    "Many chroniclers also praised the courage of the Veldmark militia. "
    "The victory was carved on a basalt obelisk in the market square of Veldmark. "
    "The merchants of Veldmark built a customs barrier on the river road. "
    "The customs barrier was torn down by the peasants of Ostergau in 1420."
)


def test_generic_blanks_are_refused_and_specific_terms_kept():
    keys, ctx = _fill_ins(GENERIC)
    assert not {"turning point", "market square", "river road"} & set(keys)  # common words, said once
    assert not any(k.lower().startswith("many") for k in keys)  # a quantifier, though said twice
    assert "basalt obelisk" in keys  # a word rare in general English
    assert "customs barrier" in keys  # common words, but the article keeps using the term
    assert ctx.rejected["generic_blank"] >= 2


ANSWERS = (
    "The Veldmark Trading Company (VTC) was founded by merchants of Ostergau in 1602. "
    "Pilots flew grain along the air corridors over the Drava marshes in 1791. "
    "The corridors were closed by the winter storms. "
    "The gate towers of the abbey of Veldmark fell in 1794. "
    "The bell tower of the abbey was rebuilt by monks from Ostergau. "
    "Pilgrims climbed the gate towers of the abbey of Veldmark in 1797. "
    "The fortress of Kalach-na-Donu guarded the river crossing for Veldmark. "
    "Kalach fell to the rebels of Ostergau in 1790. "
    "The Marsh War, also known as the Salt War, ended in 1801. "
    "Count Piet Orlan began the harbour programme of Veldmark in 1795. "
    "The harbour programme was finished by his son. "
    "The First World War ruined the trade of the Drava valley. "
    "The general Anna Orlan defended Veldmark against the rebels."
)


def test_head_noun_and_number_forms_where_the_article_uses_them():
    keys, _ = _fill_ins(ANSWERS)
    # the article says "the corridors" alone, and no other corridors: the head alone names the same thing
    assert {"corridors", "air corridor"} <= set(keys["air corridors"])
    # "the bell tower" is another tower: "towers" alone would not say which
    assert "gate tower" in keys["gate towers"]
    assert not {"towers", "tower"} & set(keys["gate towers"])


def test_spellings_abbreviations_and_other_names_are_accepted():
    # the other name on another sentence than the one that gives it: there the stem prints it
    keys, _ = _fill_ins(ANSWERS + " The Marsh War cost Veldmark its fleet.")
    assert "harbor program" in keys["harbour programme"]  # British and American spelling
    assert "VTC" in keys["Veldmark Trading Company"]  # an abbreviation the article defines in brackets
    assert "Salt War" in keys["Marsh War"]  # "also known as"
    assert {"World War I", "WWI", "Great War"} <= set(keys["First World War"])  # the curated table
    assert "Kalach" in keys["Kalach-na-Donu"]  # the short form the article itself writes


def test_a_shared_surname_is_not_accepted_alone():
    keys, _ = _fill_ins(ANSWERS)
    assert "Orlan" not in keys["Anna Orlan"]  # Count Piet Orlan is another Orlan
    keys, _ = _fill_ins("The general Anna Orlan defended Veldmark against the rebels of Ostergau in 1790.")
    assert "Orlan" in keys["Anna Orlan"]


def test_a_head_the_article_also_uses_in_a_name_is_not_accepted_alone():
    roads = (
        "The merchants of Veldmark carried grain along the salt roads to Ostergau in 1788. "
        "The salt roads were guarded by the militia of Ostergau in 1799. "
        "The roads flooded every spring after the thaw. "
    )
    keys, _ = _fill_ins(roads)
    assert "roads" in keys["salt roads"]
    keys, _ = _fill_ins(roads + "Count Orlan paved the Abbey Road to the harbour of Veldmark in 1801.")
    assert "roads" not in keys["salt roads"]  # "the roads" may mean the Abbey Road too


def test_known_as_names_the_noun_a_name_completes_and_stops_at_the_sentence_end():
    from quizapp.generation.candidates.fill_in_answers import _aliases

    corpus = parse_corpus(
        [
            clean(
                "s.txt",
                "Title\n\nIn 1713 Duke Anselm led a swift invasion of Ostergau known as the Winter Ride. During it "
                "he burned six villages. The town of Kelby, also known as Kelborough, paid a ransom in 1714.",
            )
        ],
        get_nlp(),
    )
    aliases = _aliases(corpus, 0)
    assert "ostergau" not in aliases  # the invasion is known as the Winter Ride, not Ostergau
    assert not any("During" in v for vs in aliases.values() for v in vs)
    assert aliases["kelby"] == ["Kelborough"]  # with its comma, the phrase names the town


FAIR = (
    "The physician Tomas Reyl obtained a list of the dead from the General Register Office in 1841. "
    "The painter Ilse Marn produced bold portraits of kabuki actors over ten months in 1794. "
    "The kabuki actors of Veldmark were paid by the guild of Ostergau. "
    "The Legislative Council of Veldmark rejected the suffrage bill in 1891. "
    "The Council delayed the suffrage bill again in 1892. "
    "In 1893 the elected assembly of Veldmark passed the suffrage bill again, and attention turned to the Council. "
    "The mortality rate of Veldmark fell in 1900. The mortality rate of Ostergau fell in 1905. "
    "Tomas Reyl died in 1860."  # named twice: a name said once in apposition is no blank (round 23b)
)


def test_a_specific_head_is_fair_alone_and_a_common_one_is_not():
    keys, _ = _fill_ins(FAIR)
    assert "actors" in keys["kabuki actors"]  # never alone in the article, but specific by itself
    assert "rate" not in keys["mortality rate"]  # as common as words go: says nothing alone


def test_a_common_last_word_is_no_name_alone_and_the_fuller_name_is_accepted():
    keys, _ = _fill_ins(FAIR)
    assert "Office" not in keys["General Register Office"]  # the model may read it as a person: not "Office"
    assert "Reyl" in keys["Tomas Reyl"]
    assert "Legislative Council" in keys["Council"]  # the one longer name the article writes for it


def test_a_date_that_bounds_a_stretch_of_time_is_no_blank():
    keys, _ = _fill_ins("The mortality rate of Veldmark fell after 1900. The port of Veldmark closed in 1912.")
    assert "1900" not in keys  # an earlier year makes "fell after _____" true as well
    assert "1912" in keys


def test_a_rulers_number_is_no_name_alone():
    keys, _ = _fill_ins("In 1200 the emperor Otto IV crowned Anna Orlan at the abbey of Ostergau.")
    # not "IV"; nor "Otto", which the article never writes alone: a regnal name needs its number (round 16)
    assert keys["Otto IV"] == ["Otto IV"]
    assert keys["1200"] == ["1200"]  # and no longer "name" run across the title's line


NAMES = (
    "In 1562 the friar Luis de Morena burned the books of Marlow. "
    "Ironically, Morena wrote a long account of the Drava valley. "
    "In 1881, De Castellan insisted on a canal without locks. "
    "Henri de Castellan was a famous diplomat of Veldmark. "
    "At dawn soldiers of Veldmark under Captain John Thomas stormed the stockade at Kelsby. "
    "In 581 a general, Wen Tao, seized the throne of Veldmark. "
    "His rival Wen Bai dug a canal to the river."
)


def test_every_name_the_article_gives_a_person_is_accepted():
    keys, ctx = _fill_ins(NAMES)
    # the full name the article writes for the same person (the small model reads "Morena" alone as a place, so
    # the lookup is tested directly)
    assert person_full_name(ctx.corpus, 0, "Morena") == ["Luis de Morena"]
    assert person_full_name(ctx.corpus, 0, "De Castellan") == ["Henri de Castellan"]  # any case at the front
    assert {"Morena", "de Morena"} <= set(keys["Luis de Morena"])
    # "De Castellan" is "Henri de Castellan": not another person with that surname
    assert not surname_shared(ctx.corpus, 0, "Henri de Castellan")
    assert {"Castellan", "de Castellan"} <= set(keys["Henri de Castellan"])
    assert "Thomas" in keys["John Thomas"]  # after "Captain _____" the surname alone, however common


def test_a_given_name_alone_is_refused_where_the_family_name_comes_first():
    keys, _ = _fill_ins(NAMES)
    # Wen Tao and Wen Bai share the first word, and "Tao" is never written alone: it is a given name
    assert "Tao" not in keys["Wen Tao"]


def test_the_year_is_accepted_after_in_where_the_key_is_a_month():
    keys, _ = _fill_ins("The war began badly: in November 1700 the king of Veldmark crushed a larger army at Narva.")
    assert "1700" in keys["November 1700"]
    keys, _ = _fill_ins(
        "The siege of Marlow began on 2 March 1703. It ended on 5 May 1703 with the surrender of the fort."
    )
    # "on 1703" is no answer for a day where the year holds another (round 18: alone in its year, it is)
    assert "1703" not in keys.get("5 May 1703", [])


def test_a_rare_name_after_its_class_noun_is_accepted_alone():
    keys, _ = _fill_ins("The chemical element veldium is named in honour of the Orlans of Marlow.")
    assert {"veldium", "element veldium"} <= set(keys["chemical element veldium"])


def test_a_blank_describing_the_name_beside_it_is_refused():
    keys, ctx = _fill_ins(
        "The harbour engineer George Penrose built the new docks of Kelsby. "
        "The rebel Piet Orlan published his eyewitness account, The Salt Road, in 1855."
    )
    assert not {"harbour engineer", "eyewitness account"} & set(keys)  # "builder", "memoir" are as fair
    assert ctx.rejected["descriptor_blank"] >= 1


def test_a_name_in_brackets_after_the_key_is_accepted():
    _, ctx = _fill_ins(
        "Veldmark grew out of the small Ostrian (Ostrani) chiefdoms of the Drava region. "
        "The Ostrian chiefdoms paid tribute to the kings of Marlow."
    )
    assert bracketed_names(ctx.corpus, 0, "Ostrian") == ["Ostrani"]
    assert bracketed_names(ctx.corpus, 0, "Drava") == []


def test_the_distinctive_name_of_an_event_or_treaty_is_accepted_alone():
    keys, ctx = _fill_ins(
        "In 1879 the army of Veldmark relieved Ostergau after the Battle of Vrelost. "
        "In 1880 the duke of Veldmark signed the Treaty of Amaskel with the king of Ostergau. "
        "In 1707 the parliament of Veldmark passed the Act of Union with Ostergau."
    )
    assert "Vrelost" in keys["Battle of Vrelost"]
    assert "Amaskel" in keys["Treaty of Amaskel"]
    assert distinctive_part(ctx.corpus, 0, "Act of Union") == []  # a word this common names more than the act


def test_the_distinctive_name_is_not_accepted_where_another_event_shares_it():
    keys, _ = _fill_ins(
        "The Siege of Vrelost lasted all winter in 1878. The army of Veldmark won the Battle of Vrelost in 1879."
    )
    assert "Vrelost" not in keys["Battle of Vrelost"]  # the siege is named by it too


def test_a_place_is_accepted_under_the_name_its_period_used():
    keys, _ = _fill_ins("In 1550 the architect Piet Orlan built a great mosque in Istanbul for the sultan.")
    assert "Constantinople" in keys["Istanbul"]
    keys, _ = _fill_ins("In 1410 the merchants of Veldmark opened a trading house in Krakow.")
    assert "Cracow" in keys["Krakow"]  # the table is read without accents


def test_other_names_given_in_brackets_or_as_a_spelling_are_accepted():
    keys, _ = _fill_ins(
        "In 1533 the duke married Anna Vrelova (known in Europe as Roxelana), a weaver from Ostergau. "
        "The queen of Marlow, Nzara Mbel, also spelled Njara, ruled the Drava valley from 1624. "
        "The rebels of Ostergau besieged Nzara Mbel at Marlow in 1650."
    )
    assert "Roxelana" in keys["Anna Vrelova"]
    assert "Njara" in keys["Nzara Mbel"]


def test_a_descriptor_after_the_name_is_no_blank():
    text = (
        "In 1961 the soldiers of Veldmark guarded Checkpoint Orlan, the crossing point for merchants. "
        "The crossing point was closed by the rebels of Ostergau in 1962."
    )
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    first = next(s for s in corpus.sentences if "Checkpoint" in s.text)
    # "gate", "border post", "checkpoint" would fit "Checkpoint Orlan, the _____" as fairly
    assert "crossing point" not in {c.key for c in fill_in_candidates(ctx, first, counts)}
    assert ctx.rejected["descriptor_blank"] == 1


def test_a_compass_point_is_no_blank():
    keys, _ = _fill_ins("The council of Veldmark claimed that the rampart protected Ostergau from the West in 1961.")
    assert "West" not in keys  # "West Germany", "the Western powers" fit as fairly


def test_a_region_or_continent_is_no_blank():
    keys, ctx = _fill_ins(
        "In 1402 the merchants of Veldmark sent their salt caravans to Southeast Asia. "
        "In 1410 Duke Anselm of Ostergau sold his furs in Western Europe. "
        "In 1415 the monks of Ostergau settled in Lower Drevania."
    )
    # a country, a town or a sea of the region fills the blank as fairly ("Siam", "the Indies")
    assert not {"Southeast Asia", "Western Europe", "Lower Drevania"} & set(keys)
    assert ctx.rejected["region_blank"] >= 2
    assert {"1402", "salt caravans"} <= set(keys)  # the rest of the sentence is still asked


def test_a_country_or_a_named_thing_with_a_side_is_no_region():
    assert open_region("north africa")
    assert open_region("the middle east")
    assert open_region("upper drevania")  # a side of a land the place list does not know
    assert not open_region("south africa")  # a country
    assert not open_region("north sea")  # a sea: a thing of its own, not a side of a land
    assert not open_region("eastern province")  # an administrative unit
    assert not open_region("veldmark")


def test_the_surname_alone_is_accepted_after_any_title_or_role():
    keys, _ = _fill_ins("In 1854 the engineer John Church surveyed the harbour of Veldmark for the council.")
    assert "Church" in keys["John Church"]  # a common word, but the role before it says it is his surname


def test_the_head_alone_is_accepted_beside_a_use_that_keeps_the_keys_modifier():
    keys, _ = _fill_ins(
        "In 1794 the painter Piet Orlan produced bold portraits of kabuki actors in Veldmark. "
        "His favourite kabuki actors came from the theatres of Ostergau in 1795. "
        "The kabuki actors of Veldmark were banned in 1796."
    )
    assert "actors" in keys["kabuki actors"]


def test_a_key_that_takes_one_quotation_mark_is_no_blank():
    assert strands_a_quote("Salt Protection Rampart'")  # read from "called it the 'Salt Protection Rampart'"
    assert strands_a_quote("\u2018Salt Rampart")
    assert not strands_a_quote("Xi'an")  # an apostrophe inside a name


def test_a_state_acting_accepts_its_peoples_name():
    keys, _ = _fill_ins("In 1897 Britain answered the raid on Veldmark with a punitive expedition to Ostergau.")
    assert "the British" in keys["Britain"]  # "the British answered" is as true
    keys, _ = _fill_ins("In 1897 the merchants of Veldmark sold their bronzes in Britain to the museums of Marlow.")
    assert "the British" not in keys["Britain"]  # a place where, not a state acting


def test_a_place_named_by_its_adjective_is_no_blank():
    keys, _ = _fill_ins("In 79 the eruption of the mountain froze a Roman town near Veldmark in mid-sentence.")
    assert "Roman" not in keys  # "a small town", "a market town" fill "a _____ town" as well


def test_accepted_answers_wait_until_the_ranker_reaches_the_candidate():
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + GENERIC)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    made = [c for s in corpus.sentences for c in fill_in_candidates(ctx, s, counts)]
    assert made
    assert all(c.draft.answer == [] and c.pending is not None for c in made)
    kept, _ = select(made, 2)
    assert kept
    assert all(c.draft.answer and c.draft.answer[0] == c.key for c in kept)
    assert all(c.pending is None for c in _settled(made))


def test_a_bracketed_name_of_the_same_class_of_place_is_accepted():
    keys, _ = _fill_ins(
        "Merchants of Ostergau traded ivory through Velder Bay (Marlow Bay), where the caravans met the ships. "
        "The harbour of Velder Bay was closed by the duke of Veldmark in 1820. "
        "The duke of Veldmark built a fort at Drava (Ostrania) in 1822."
    )
    assert "Marlow Bay" in keys["Velder Bay"]
    assert "Ostrania" not in keys.get("Drava", [])  # where the place is, not its other name


def test_a_term_of_two_coordinated_nouns_is_no_blank():
    keys, ctx = _fill_ins(
        "Velgrad was a city and ceremonial centre south of the Drava marshes. "
        "The ceremonial centre of Velgrad held the tombs of the kings of Ostergau. "
        "The city of Velgrad was abandoned after a drought in 1100."
    )
    assert not any(" and " in k for k in keys)
    assert ctx.rejected["coordinated_blank"] >= 1
