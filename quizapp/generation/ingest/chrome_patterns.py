"""The vocabulary of page chrome: generic web-interface phrases and the shapes of bylines, footers...

Only words a web site's interface uses on any page belong here, never words of
an article's subject. Whole lines are matched, so a sentence that merely
contains one of these words is never taken for chrome.
"""

from __future__ import annotations

import re

# A line that is exactly one of these (ignoring case, bullets, icons and end punctuation)
# is chrome wherever it stands.
UI_PHRASES = frozenset(
    {
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "skip navigation",
        "jump to navigation",
        "jump to search",
        "jump to content",
        "toggle navigation",
        "main menu",
        "navigation menu",
        "site navigation",
        "personal tools",
        "toolbox",
        "back to top",
        "scroll to top",
        "log in",
        "login",
        "sign in",
        "sign up",
        "register",
        "create account",
        "create an account",
        "log out",
        "logout",
        "my account",
        "contact us",
        "about us",
        "terms of use",
        "terms of service",
        "terms and conditions",
        "privacy policy",
        "privacy notice",
        "privacy statement",
        "cookie policy",
        "cookie settings",
        "cookie preferences",
        "manage cookies",
        "accept all",
        "accept cookies",
        "accept all cookies",
        "reject all",
        "share this",
        "share this article",
        "share this page",
        "share this post",
        "share this story",
        "tweet",
        "pin it",
        "print this page",
        "print this article",
        "related articles",
        "related posts",
        "related stories",
        "related content",
        "related links",
        "related reading",
        "you may also like",
        "you might also like",
        "recommended for you",
        "more stories",
        "more articles",
        "read more",
        "read next",
        "continue reading",
        "subscribe",
        "subscribe now",
        "follow us",
        "advertisement",
        "sponsored content",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "previous article",
        "next article",
        "previous post",
        "next post",
        "sitemap",
        "site map",
        "view source",
        "view history",
        "what links here",
        "related changes",
        "special pages",
        "printable version",
        "permanent link",
        "cite this page",
        "page information",
        "in other languages",
        "recent posts",
        "popular posts",
        "trending now",
        "search this site",
        "home page",
        "homepage",
        "was this page helpful",
        "was this article helpful",
        "did you find this helpful",
        "close panel",
        "open menu",
        "close menu",
        "show more",
        "show less",
        "load more",
        "see more",
        "see all",
        "view all",
        "view more",
        "go back",
        "back to home",
        "more on this story",
        "related topics",
        "top stories",
        "most read",
        "most popular",
        "editor's picks",
        "don't miss",
    }
)

# Words that are chrome as a button or menu entry but could also be a real one-word
# heading; they go only when they stand next to other chrome.
WEAK_UI_PHRASES = frozenset(
    {
        "navigation",
        "menu",
        "home",
        "search",
        "share",
        "email",
        "e-mail",
        "print",
        "newsletter",
        "comments",
        "previous",
        "next",
        "contact",
        "about",
        "help",
        "tools",
        "languages",
        "categories",
        "related",
        "popular",
        "trending",
        "top",
        "close",
        "ok",
        "accept",
        "decline",
        "yes",
        "no",
        "yes no",
        "edit",
        "more",
        "loading",
        "information",
        "links",
        "external links",
        "contents",
        "table of contents",
    }
)

# Headings that open a block of chrome running to the end of the page when what follows
# them is mostly links and short lines.
TAIL_HEADINGS = frozenset(
    {"navigation", "menu", "main menu", "navigation menu", "site navigation", "toolbox", "personal tools"}
)

# Headings that open a short block of chrome (teasers, share bar) ending at the next real paragraph.
SECTION_HEADINGS = frozenset(
    {
        "related articles",
        "related posts",
        "related stories",
        "related content",
        "related links",
        "related reading",
        "you may also like",
        "you might also like",
        "recommended for you",
        "more stories",
        "more articles",
        "read next",
        "recent posts",
        "popular posts",
        "trending now",
        "share this",
        "share this article",
        "share this page",
        "share this post",
        "share this story",
        "follow us",
        "in other languages",
        "more on this story",
        "related topics",
        "top stories",
        "most read",
        "most popular",
        "editor's picks",
        "don't miss",
    }
)

# An article's apparatus: the list under such a heading cites or points elsewhere ("Davenport, Frances G. (1917).
# European Treaties."), and a question or a wrong option drawn from it would come from outside the article.
APPARATUS_HEADINGS = frozenset(
    {
        "references", "notes", "footnotes", "endnotes", "citations", "sources", "bibliography", "works cited",
        "further reading", "external links", "see also", "literature", "notes and references",
        "references and notes", "sources and further reading", "selected bibliography",
    }
)  # fmt: skip

# Interlanguage links as a wiki prints them: ``de:Deutsch-sowjetische Zusammenarbeit``.
INTERLANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})?:(?!//)[^\W\d_][^\s]*(?:\s\S+){0,11}$")
NOT_LANGUAGE_CODES = frozenset({"ftp", "tel", "urn", "doi", "git", "ssh", "irc", "sip", "xml", "svn", "fax", "ref"})

COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:web)?site|our (?:web)?site|consent|accept|browsing|by continuing|"
    r"cookie (?:policy|settings|preferences)|experience|third[- ]part(?:y|ies)|opt[- ]out)\b",
    re.IGNORECASE,
)

COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b", re.IGNORECASE)

BYLINE_PREFIX = re.compile(
    r"^(?:authors?|autor|written by|posted by|posted on|published by|published on|last updated|"
    r"last modified|last edited|updated on|reviewed by|edited by|photo(?:graph)? by|image by|"
    r"illustration by|photo credit|image credit)\b",
    re.IGNORECASE,
)
BYLINE_LABEL = re.compile(r"^(?:published|updated|posted|date|created|modified|by|source)\s*:", re.IGNORECASE)
# "By Jane Doe", "By Jane Doe | 3 min read", "By J. Doe, May 5, 2020" - but not "By 1920, the army..."
# Each name is taken whole (possessive ``*+``): letting names split a long word between them made
# "By " and 200 capitals take seconds to refuse, and a few hundred more take hours.
BY_NAME = re.compile(r"^[Bb]y\s+(?:[A-Z][\w.'’-]*+\s*){1,4}(?:$|[|·•–—,/]|\band\b|\bon\b|\d)")
# A number starts only where a run of digits, commas and dots starts: trying every comma of "1,1,1,..."
# as a start made one 16 KB line take six seconds (quadratic).
READ_META = re.compile(
    r"(?<![\d,.])\d[\d,.]*+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read\b|"
    r"(?<![\d,.])\d[\d,.]*+\s+(?:views|comments|shares|likes|replies)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}\b|"
    r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\b|"
    r"\b(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
DATE_FILLER = re.compile(
    r"\b(?:on|at|updated|published|posted|last|modified|am|pm|utc|gmt|mon|tue|wed|thu|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)

TAGS = re.compile(
    r"^(?:tags?|tagged(?:\s+(?:with|as|in))?|categories|category|filed under|topics?|labels?|keywords)\s*[:|]\s*",
    re.IGNORECASE,
)
TAG_SEPARATOR = re.compile(r"\s*[,;|•·]\s*")
# Table of contents entries: a title, leader dots, a page number (several entries may share a line).
TOC_LEADER = re.compile(r"(?:\s?\.){6,}\s*")
TOC_PAGE = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,6})\b\s*", re.IGNORECASE)

SHARE_WORDS = frozenset(
    {
        "share",
        "shares",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "telegram",
        "email",
        "e-mail",
        "mail",
        "print",
        "messenger",
        "tumblr",
        "flipboard",
        "pin",
        "copy",
        "link",
        "on",
        "via",
        "this",
        "article",
        "page",
        "post",
        "story",
        "it",
        "the",
        "to",
        "and",
        "or",
        "save",
        "url",
    }
)
SHARE_SIGNALS = frozenset(
    {"share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram"}
)

NEWSLETTER = re.compile(r"\bnewsletters?\b", re.IGNORECASE)
NEWSLETTER_CONTEXT = re.compile(r"\b(?:subscribe|sign up|signup|join|inbox|e-?mail|get|receive|free)\b", re.IGNORECASE)
SUBSCRIBE_START = re.compile(r"^(?:subscribe|sign up|signup|join our|get our)\b", re.IGNORECASE)
EMAIL_FORM = re.compile(r"\b(?:enter your e-?mail|your e-?mail address|e-?mail address\s*\*)", re.IGNORECASE)

HELPFUL = re.compile(
    r"^(?:was|is|did you find) this (?:page|article|post|information|answer|content)?\s*(?:helpful|useful)\b",
    re.IGNORECASE,
)

# Separators of breadcrumbs (Home > News > Story) and of one-line menus (Home | About | Contact).
BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:›|»)\s*")
ARROW_SEPARATOR = re.compile(r"\s+(?:>|→)\s+")
MENU_SEPARATOR = re.compile(r"\s*(?:\||·|•|¦)\s*")

URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
# "Label (https://...)": how a link looks once a page is saved as text.
LABELLED_LINK = re.compile(r"^[^()]{1,80}\(\s*(?:https?://|www\.)\S+\s*\)$", re.IGNORECASE)
