"""Options of another kind, by the article's own words (issue #15, round 18; texts made up for the tests)."""

from quizapp.generation.candidates.fill_in import open_region
from quizapp.generation.distractors import DistractorIndex, usable_key

from ._articles import mention as _mention
from ._articles import parsed
from .test_fill_in_answers import _fill_ins


def test_a_play_the_article_names_is_no_historian():
    c = parsed(
        "In 1860 the writer Tarun Basu published the Bengali play Lal Kuthi about the planters. "
        "The historian Amit Sen studied the revolt in 1966. The historian Ravi Das wrote about Lal Kuthi in 1974. "
        "Lal Kuthi was staged in Calcutta in 1861. The historian Mira Roy studied the planters in 1980. "
        "The historian Gopal Nath studied the courts in 1985. Tarun Basu died in 1873."
    )
    assert _mention(c, "Lal Kuthi", "Bengali play").kind != "person"
    wrong = DistractorIndex(c).choose(_mention(c, "Amit Sen"), "Amit Sen", 3)
    assert wrong is not None
    assert "Lal Kuthi" not in wrong


def test_a_system_the_article_describes_is_no_compiler():
    c = parsed(
        "Tuojiangyan is an ancient irrigation and flood-control system on the Min River. Tuojiangyan was built by "
        "Wei Tong in 256 BC. Critics have pointed out that Tuojiangyan, although begun by a powerful state, was "
        "maintained by local labour. A history compiled by Chen Bo in 350 describes it. The scholar Liu An "
        "visited the works in 1200. The engineer Zhao Ping rebuilt the weir in 1500. The historian Ma Lin wrote "
        "about it in 1930."
    )
    assert _mention(c, "Tuojiangyan", "built by").kind != "person"  # the model reads a person
    wrong = DistractorIndex(c).choose(_mention(c, "Chen Bo"), "Chen Bo", 3) or []
    assert "Tuojiangyan" not in wrong


def test_a_region_named_by_its_continent_is_no_town():
    c = parsed(
        "The physician Abu Hamid studied in Balkhara in 990. He moved to Qurgan in 1004. He reached Tamadan "
        "in 1015. He later lived in Isbahan in 1024. His books were read in Latin Europe for centuries. "
        "He died in Tamadan in 1037. Traders from Central Asia visited Qurgan in 1010."
    )
    assert _mention(c, "Latin Europe").fine == "place:region"
    assert _mention(c, "Central Asia").fine == "place:region"
    wrong = DistractorIndex(c).choose(_mention(c, "Tamadan", "reached"), "Tamadan", 3) or []
    assert not {"Latin Europe", "Central Asia"} & set(wrong)


def test_the_state_of_a_name_makes_it_a_region_not_a_town():
    c = parsed(
        "The code was adopted in the German state of Varden in 1810. The code was adopted in the state of "
        "Hessel in 1812. Lawyers in Brussels studied it in 1815. The code reached Buenos Aires in 1850. "
        "Judges in Lisbon read it in 1830. The state of Norland kept it until 1900."
    )
    assert _mention(c, "Varden").fine == "place:region"
    wrong = DistractorIndex(c).choose(_mention(c, "Varden"), "Varden", 3)
    assert not wrong or not {"Brussels", "Buenos Aires", "Lisbon"} & set(wrong)


def test_the_history_of_a_place_leaves_it_a_place():
    c = parsed(
        "Merchants wrote the history of Kelby in 1300. They sailed to Kelby in 1301. Merchants from Bremen came "
        "in 1302. The fleet came to Lübeck in 1305. The fleet sailed to Rostock in 1311. Traders came from Kiel "
        "in 1312. Traders came from Kelby in 1313."
    )
    assert _mention(c, "Kelby", "history").kind == "place"  # "the history of X" says nothing of what X is
    assert _mention(c, "Kelby", "history").fine != "thing"


def test_a_continents_part_by_its_people_or_faith_is_no_fill_in_blank():
    assert open_region("spanish america")  # "_____ had silver in abundance": Mexico, Peru fit as fairly
    assert open_region("latin europe")
    assert not open_region("south africa")  # a country
    keys, ctx = _fill_ins("In 1570 Spanish America had silver in abundance, mined in Zacatecas and Potosí.")
    assert "Spanish America" not in keys
    assert ctx.rejected["region_blank"] >= 1


def test_a_name_that_only_describes_the_noun_after_it_is_no_key():
    c = parsed(
        "The south followed a law derived from Roman law in 1400. The code was adopted in Brussels in 1804. "
        "The code reached Lisbon in 1810."
    )
    roman = [m for m in c.mentions() if m.norm == "roman"]
    assert roman
    assert roman[0].kind == "place"
    assert not any(usable_key(m) for m in roman)  # "Roman law": the word only describes the law
    assert usable_key(_mention(c, "Brussels"))


def test_a_works_noun_in_a_title_types_no_one():
    c = parsed(
        "Valerie Marsh, in The Silk Road: A New History (2012), is more cautious about private trade. "
        "Etienne Vaux, in Sogdian Traders: A History (2002), presents the merchants as organised. The historian "
        "Karl Berg wrote in 1990."
    )
    assert _mention(c, "Valerie Marsh").kind == "person"
    assert _mention(c, "Etienne Vaux").kind == "person"
