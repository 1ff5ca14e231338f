"""Page chrome is stripped and listed; the article's own content, however short, stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation.ingest import ingest
from quizapp.generation.types import DocumentInput, IngestError

from .ingest_samples import ARTICLE_PARAGRAPHS, FACT_ITEMS, SHORT_PARAGRAPH, assert_consistent, block_texts

SEED = Path(__file__).resolve().parents[3] / "seed"
ARTICLE = "How volcanoes form\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)
ARTICLE_TEXT = "\n\n".join(("How volcanoes form", *ARTICLE_PARAGRAPHS))


def read(name: str, data: bytes | str):
    doc = ingest(DocumentInput(name, data))
    assert_consistent(doc)
    return doc


CHROME_LINES = {
    "one-line menu": ["Home | News | Sport | Weather | Contact"],
    "breadcrumb": ["Home › Science › Earth › Volcanoes"],
    "link list": [
        "• Earth (https://example.org/earth)",
        "• Space (https://example.org/space)",
        "• Oceans (https://example.org/oceans)",
    ],
    "bare urls": ["https://example.org/earth", "www.example.org/space"],
    "menu without links": ["Skip to content", "Home", "News", "Login"],
    "cookie banner": [
        "We use cookies to give you the best experience. By continuing to browse you accept our use of cookies.",
        "Accept all",
    ],
    "byline with read time": ["By Jane Doe | 3 min read"],
    "byline with icons": ["Author : 🕔05.05.2020 📕3.308"],
    "published date": ["Published: 5 May 2020"],
    "posted on date": ["Posted on May 5, 2020 at 10:30 am"],
    "bare date": ["May 5, 2020"],
    "share buttons": ["Share on Facebook", "Tweet", "Share on LinkedIn Email"],
    "related articles": ["Related articles", "How earthquakes happen", "Why tsunamis form"],
    "newsletter box": ["Subscribe to our newsletter", "Enter your email address"],
    "footer": ["© 2024 Example Ltd.", "All rights reserved.", "Privacy policy", "Terms of use"],
    "tag list": ["Tags: volcanoes, geology, earth science"],
    "feedback widget": ["Was this page helpful?", "Yes", "No"],
    "interlanguage links": ["de:Vulkan", "eo:Vulkano"],
    "table of contents": ["Contents", "1 Introduction . . . . . . . . 1", "2 Kinds of volcano . . . . . . . . 4"],
}


@pytest.mark.parametrize("lines", list(CHROME_LINES.values()), ids=list(CHROME_LINES))
@pytest.mark.parametrize("where", ["top", "middle", "bottom"])
def test_chrome_is_stripped_wherever_it_stands(lines, where):
    chrome = "\n".join(lines)
    title, *paragraphs = ARTICLE.split("\n\n")
    if where == "top":
        text = f"{chrome}\n\n{ARTICLE}"
    elif where == "middle":
        text = "\n\n".join([title, paragraphs[0], chrome, *paragraphs[1:]])
    else:
        text = f"{ARTICLE}\n\n{chrome}\n"
    doc = read("page.txt", text)
    assert doc.text == ARTICLE_TEXT
    assert doc.stripped == tuple(line.lstrip("• ") for line in lines)


def test_chrome_on_lines_glued_to_the_content_is_stripped_line_by_line():
    text = f"How volcanoes form\nBy Jane Doe | 3 min read\n{ARTICLE_PARAGRAPHS[0]}\nShare on Facebook"
    doc = read("page.txt", text)
    assert doc.text == f"How volcanoes form\n\n{ARTICLE_PARAGRAPHS[0]}"
    assert doc.stripped == ("By Jane Doe | 3 min read", "Share on Facebook")


def test_everything_after_interlanguage_links_followed_by_links_is_chrome():
    menu = "\n".join(f"  • Topic {n} (https://example.org/topic-{n})" for n in range(8))
    tail = f"fr:Volcan\n\nNavigation\n\n  • Science\n{menu}\n\nInformation\n\n  • Help\nToolbox\nPersonal tools"
    text = f"{ARTICLE}\n\n{tail}"
    doc = read("wiki.txt", text)
    assert doc.text == ARTICLE_TEXT
    assert doc.stripped[0] == "fr:Volcan"
    assert doc.stripped[-3:] == ("Help", "Toolbox", "Personal tools")
    assert "Science" in doc.stripped
    assert "Information" in doc.stripped


def test_a_navigation_heading_followed_by_real_content_is_not_a_tail_of_chrome():
    birds = "Birds find their way with the sun, the stars and the magnetic field of the Earth."
    text = f"{ARTICLE}\n\nNavigation\n\n{birds}"
    doc = read("birds.txt", text)
    assert block_texts(doc)[-2:] == [
        "Navigation",
        "Birds find their way with the sun, the stars and the magnetic field of the Earth.",
    ]
    assert doc.stripped == ()


def test_a_menu_heading_followed_by_a_plain_list_is_content():
    doc = read("restaurant.txt", f"{ARTICLE}\n\nMenu\n\nSoup\nSalad\nBread")
    assert block_texts(doc)[-4:] == ["Menu", "Soup", "Salad", "Bread"]
    assert doc.stripped == ()


def test_markdown_link_lists_are_chrome_but_sentences_with_a_link_are_content():
    text = (
        "# Volcanoes\n\n* [Home](/)\n* [Earth](/earth)\n* [Space](/space)\n\n"
        "Volcanoes form where [magma](https://example.org/magma) rises through cracks in the crust.\n\n"
        "[Read more](https://example.org/more)\n"
    )
    doc = read("page.md", text)
    assert block_texts(doc) == ["Volcanoes", "Volcanoes form where magma rises through cracks in the crust."]
    assert doc.stripped == ("Home", "Earth", "Space", "Read more")


CONTENT_THAT_STAYS = {
    "one short sentence": [SHORT_PARAGRAPH],
    "factual list": [f"- {item}" for item in FACT_ITEMS],
    "short list without links": ["Iron", "Copper", "Gold"],
    "sentence starting with By and a year": ["By 1920, the army had only 100,000 men."],
    "sentence starting with By and a name": ["By Christmas, most soldiers had gone home."],
    "sentence starting with Published": ["Published in 1859, the book changed biology."],
    "cookies in a recipe": ["Bake the cookies for ten minutes at 180 degrees."],
    "a sentence with a source link": [
        "The survey data is at https://example.org/data and covers forty years of eruptions."
    ],
    "a year heading": ["1920"],
    "a process written with arrows": ["Water → steam → cloud → rain"],
    "a one-line list of words": ["Iron · Copper · Gold · Silver"],
    "a table row": ["Etna | Italy | 3,357 m"],
    "short real heading": ["History"],
}


@pytest.mark.parametrize("lines", list(CONTENT_THAT_STAYS.values()), ids=list(CONTENT_THAT_STAYS))
def test_real_content_survives(lines):
    block = "\n".join(lines)
    doc = read("article.txt", f"{ARTICLE}\n\n{block}\n\n{ARTICLE_PARAGRAPHS[0]}")
    expected = [line.removeprefix("- ") for line in lines]
    assert all(text in block_texts(doc) for text in expected)
    assert doc.stripped == ()


NEWS_PAGE_PASTED_AS_TEXT = """Skip to content
Home
News
Sport
Weather
Radio

Volcano erupts in Iceland

5 May 2020
Share
Close panel

A volcano in south-west Iceland has erupted after weeks of earthquakes, sending lava across an empty valley.

Scientists say the eruption is small.

Related Topics
Iceland
Volcanoes

More on this story
Iceland braces for volcanic eruption
Published 3 days ago

Elsewhere on Example News
Home
Terms of Use
About Example News
Privacy Policy
Contact Example News
Copyright © 2024 Example News.
"""


def test_a_news_page_pasted_as_text_keeps_only_the_story():
    doc = read("news.txt", NEWS_PAGE_PASTED_AS_TEXT)
    assert doc.title == "Volcano erupts in Iceland"
    assert block_texts(doc) == [
        "Volcano erupts in Iceland",
        "A volcano in south-west Iceland has erupted after weeks of earthquakes, sending lava across an empty valley.",
        "Scientists say the eruption is small.",
    ]
    assert doc.stripped[:3] == ("Skip to content", "Home", "News")
    assert doc.stripped[-1] == "Copyright © 2024 Example News."
    lines = [line for line in NEWS_PAGE_PASTED_AS_TEXT.splitlines() if line.strip()]
    assert len(doc.stripped) == len(lines) - len(doc.blocks)  # every other line, one entry each


def test_a_page_of_chrome_only_is_an_error():
    text = "Home | News | Contact\n\nShare on Facebook\n\n© 2024 Example Ltd. All rights reserved.\n\nPrivacy policy"
    with pytest.raises(IngestError, match="nothing is left after removing page chrome"):
        ingest(DocumentInput("chrome.txt", text))


def test_seed_encyclopedia_page_loses_its_navigation_menu_only():
    raw = (SEED / "002_aea7e514f707909b.txt").read_text(encoding="utf-8")
    doc = read("002_aea7e514f707909b.txt", raw)
    article, menu = raw.split("eo:Soveta-germana kooperado")
    paragraphs = [" ".join(p.split()) for p in article.split("\n\n") if p.strip()]
    assert block_texts(doc) == paragraphs
    assert doc.title == "Soviet-German cooperation"
    assert doc.stripped[0] == "eo:Soveta-germana kooperado"
    assert doc.stripped[-2:] == ("Toolbox", "Personal tools")
    assert len(doc.stripped) == 1 + sum(1 for line in menu.splitlines() if line.strip())
    assert "http" not in doc.text


def test_seed_article_loses_only_its_byline():
    raw = (SEED / "000_f90560a5e01f3cf7.txt").read_text(encoding="utf-8")
    doc = read("000_f90560a5e01f3cf7.txt", raw)
    lines = [line for line in raw.splitlines() if line.strip()]
    assert doc.title == "German-Soviet cooperation"
    assert doc.stripped == ("Author : 🕔05.05.2020 📕3.308",)
    assert block_texts(doc) == [" ".join(line.split()) for line in lines if not line.startswith("Author :")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "page.md",
            "# Volcanoes\n\nVolcanoes form where magma rises through cracks in the crust.\n\n## References\n\n"
            "1. Marsh, Helen (1988). Fire Mountains. Leiden.\n2. Tomsk, Ivan (2001). Lava. p. 12.\n\n"
            "## Later eruptions\n\nEtna erupted again in 2021 and covered Catania in ash.\n",
        ),
        (
            "page.html",
            "<h1>Volcanoes</h1><p>Volcanoes form where magma rises through cracks in the crust.</p>"
            "<h2>Further reading</h2><ul><li>Marsh, Helen (1988). Fire Mountains. Leiden.</li>"
            "<li>Tomsk, Ivan (2001). Lava. p. 12.</li></ul>"
            "<h2>Later eruptions</h2><p>Etna erupted again in 2021 and covered Catania in ash.</p>",
        ),
    ],
)
def test_references_and_further_reading_are_apparatus_not_article(name, text):
    doc = read(name, text)
    kept = block_texts(doc)
    assert not [block for block in kept if "Marsh" in block or "Tomsk" in block], kept
    assert "Etna erupted again in 2021 and covered Catania in ash." in kept  # the next section is article again
    assert any("Marsh, Helen" in item for item in doc.stripped)
