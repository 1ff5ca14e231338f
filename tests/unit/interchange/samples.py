"""Question dicts shared by the round-trip tests: one of each type, plain and with awkward characters."""

from __future__ import annotations

from typing import Any

AWKWARD = "Braces {x}, equals = tilde ~ hash # colon : arrow -> quotes \"q\" 's' <b>not bold</b> & &amp; é 😀"


def plain_questions() -> list[dict[str, Any]]:
    return [
        {
            "type": "multiple_choice",
            "prompt": "Which city was the capital of the Roman Empire in 300 AD?",
            "options": ["Rome", "Nicomedia", "Alexandria", "Carthage"],
            "answer": "Nicomedia",
            "explanation": "Diocletian ruled the east from Nicomedia.",
            "tags": ["rome", "tetrarchy"],
            "title": "Tetrarchy capital",
        },
        {
            "type": "true_false",
            "prompt": "Julius Caesar crossed the Rubicon in 49 BC.",
            "options": [],
            "answer": True,
            "explanation": "January 49 BC.",
            "tags": ["rome"],
            "title": "Rubicon",
        },
        {
            "type": "true_false",
            "prompt": "Augustus was Caesar's brother.",
            "options": [],
            "answer": False,
            "explanation": "",
            "tags": [],
            "title": "",
        },
        {
            "type": "fill_in",
            "prompt": "Rome was founded, by legend, in _____ BC.",
            "options": [],
            "answer": ["753", "753 BC"],
            "explanation": "Varro's date.",
            "tags": [],
            "title": "",
        },
        {
            "type": "ordering",
            "prompt": "Put these emperors in order.",
            "options": ["Nero", "Augustus", "Tiberius"],
            "answer": ["Augustus", "Tiberius", "Nero"],
            "explanation": "Julio-Claudians.",
            "tags": ["emperors"],
            "title": "Emperors",
        },
        {
            "type": "matching",
            "prompt": "Match each battle with its year.",
            "options": ["31 BC", "216 BC", "9 AD", "476 AD"],
            "answer": [["Actium", "31 BC"], ["Cannae", "216 BC"], ["Teutoburg", "9 AD"]],
            "explanation": "476 AD matches nothing.",
            "tags": ["battles"],
            "title": "Battles",
        },
    ]


def awkward_questions() -> list[dict[str, Any]]:
    """Every text holds the characters both formats must escape, on several lines where allowed."""
    a = AWKWARD
    return [
        {
            "type": "multiple_choice",
            "prompt": f"{a}\nSecond line: ::not a title::",
            "options": [f"=right {a}", f"~wrong {a}", "%50%weight-like", "[html]format-like", "// comment-like"],
            "answer": f"=right {a}",
            "explanation": f"#### {a}\n\nafter a blank line",
            "tags": ["x]y", "café", "😀"],
            "title": f"Title {a}",
        },
        {
            "type": "true_false",
            "prompt": f"[plain] {a}",
            "options": [],
            "answer": False,
            "explanation": f"[html]{a}",
            "tags": ["tf:1"],
            "title": "::",
        },
        {
            "type": "fill_in",
            "prompt": f"$CATEGORY: {a} _____",
            "options": [],
            "answer": ["{=a}", "T", "%100%", "#42", "a ~ b = c", "\\backslash\\", "[html]x", "%5%[plain]"],
            "explanation": a,
            "tags": [],
            "title": "",
        },
        {
            "type": "ordering",
            "prompt": f"// {a}",
            "options": ["b -> c", "a {1}", "<c>&"],
            "answer": ["a {1}", "b -> c", "<c>&"],
            "explanation": "",
            "tags": [],
            "title": "",
        },
        {
            "type": "matching",
            "prompt": a,
            "options": ["x -> y", "=eq", "<i>&amp;</i>", "distractor {}"],
            "answer": [["left -> arrow", "x -> y"], [f"{a} 2", "=eq"], ["<i>", "<i>&amp;</i>"]],
            "explanation": a,
            "tags": [],
            "title": "",
        },
    ]


def shown_as_returned(question: dict[str, Any]) -> dict[str, Any]:
    """What a round trip gives back: ordering items come back in the right order (neither format keeps the
    shown order: Moodle shuffles them)."""
    if question["type"] == "ordering":
        return {**question, "options": list(question["answer"])}
    return question
