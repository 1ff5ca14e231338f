"""Options a student rules out without knowing the article (round 24; texts made up for the tests)."""

from quizapp.generation.option_fit import facts, ruled_out

from ._articles import mention, parsed
from .test_eras import _questions


def _out(corpus, key, norm: str, prompt: str) -> bool:
    value = next(m for m in corpus.mentions() if m.norm == norm)
    sentences = {m.sent.id for m in corpus.mentions() if m.norm == norm}
    return ruled_out(corpus, key, norm, value, sentences, prompt, None)


REVOLT = (
    "In 1412 the weavers of Kelby rose against the abbot. The rebels chose Jon Brek as their leader. "
    "Jon Brek met the reeve Carl Aske at Orsk in 1412. Carl Aske was killed by the rebels. "
    "Piet Lund, in Weavers Made Free (1973), saw the rising as a struggle against lordship. "
    "Mira Holt, in an essay published in 1992, cautioned against a single story of the rising."
)


def test_a_scholar_is_no_option_for_an_actor_of_the_events():
    c = parsed(REVOLT)
    key = mention(c, "Jon Brek")
    stem = "The rebels chose _____ as their leader."
    assert [n for n in ("piet lund", "mira holt", "carl aske") if _out(c, key, n, stem)] == ["piet lund", "mira holt"]
    # where the stem asks a scholar's act, the round-21 rule decides (here for the scholar key)
    assert not _out(c, mention(c, "Piet Lund"), "mira holt", "_____, in Weavers Made Free, saw the rising as ...")


def test_a_work_named_by_its_noun_and_a_joint_author_are_scholars_signs():
    from quizapp.generation.stem_class import scholar_sign

    c = parsed(REVOLT + " Ada Moor and Lena Orde, in Kelby and the Abbots (1961), saw the abbot as its cause.")
    signed = [n for n in ("Jon Brek", "Mira Holt", "Ada Moor") if scholar_sign(mention(c, n))]
    assert signed == ["Mira Holt", "Ada Moor"]
    assert "lena orde" in facts(c).scholars


def test_the_rest_of_a_spanish_name_after_y_is_no_person_to_offer():
    c = parsed(
        "19 June 1861: Jorge Alvar Mercado y Tomas Realva is born in Calamba. "
        "In 1882 Mercado sailed to Madrid with Pedro Lazo. In 1890 Mercado met Pedro Lazo and Andres Bonto."
    )
    f = facts(c)
    assert "tomas realva" in f.naming_only
    assert "andres bonto" not in f.naming_only


def test_a_county_by_its_name_or_by_its_list_is_no_option_among_towns():
    c = parsed(
        "In 1381 the rising spread to Hertfordshire, Suffolk, Norfolk and Cambridgeshire. "
        "The rebels entered London on 13 June. They burned a manor at Canterbury and met the king at Mile End. "
        "In Norfolk the bishop crushed the rebels."
    )
    fine = {m.norm: m.fine for m in c.mentions()}
    assert fine["hertfordshire"] == fine["cambridgeshire"] == "place:region"
    assert fine["norfolk"] == fine["suffolk"] == "place:region"  # listed with two counties, typed by none else
    assert fine["canterbury"] != "place:region"


def test_no_century_after_the_articles_last_date_is_an_option():
    options = {
        key: opts
        for _, key, opts in _questions(
            "In the nineteenth century the valley of Larn became a great supplier of cotton. "
            "Weavers from Larn built a cloth hall in 1805. A flood ruined the valley in 1882."
        )
    }
    # the next century stays a fair option; two on, a century to come, is absurd
    assert options["nineteenth century"][-1] == "twentieth century"
    assert "twenty-first century" not in options["nineteenth century"]
    assert len(options["nineteenth century"]) == 4


def test_a_place_the_stem_puts_the_key_on_rules_out_options_elsewhere():
    c = parsed(
        "In 1882 Rizal studied in Madrid. In 1886 Rizal studied in Heidelberg. "
        "In 1892 Rizal was deported to Dapitan, on Mindanao. Rizal visited Zamboanga, on Mindanao, in 1893. "
        "In 1896 Rizal was executed in Manila."
    )
    key = mention(c, "Dapitan")
    stem = "In 1892 Rizal was deported to _____, on Mindanao."
    assert [n for n in ("heidelberg", "zamboanga") if _out(c, key, n, stem)] == ["heidelberg"]
    assert not _out(c, key, "heidelberg", "In 1892 Rizal was deported to _____.")  # the stem names no place
