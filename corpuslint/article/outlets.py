"""Who published an article: the outlet names a page leaves in the text, and how to tell one.

A page title glues the outlet's name to the headline (`… - BBC News`, `… |
VentureBeat`) and a page may sign off with it on the last line. A name is
confirmed when it is on the list of outlets (data/outlets.txt) or is a web
domain (`cleveland.com`, `www.wday.ru`); a name that holds an outlet word
("News", "Times", "Herald", "Blog") is likely one but not confirmed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

OUTLETS_FILE = Path(__file__).parent / "data" / "outlets.txt"

# Words that name a publication: "Radio Habana Cuba", "Houston Chronicle", "The GiveWell Blog".
OUTLET_WORDS = frozenset((
    "radio", "news", "times", "post", "press", "daily", "herald", "tribune", "journal",
    "gazette", "agency", "tv", "television", "broadcasting", "network", "online", "media",
    "chronicle", "telegraph", "observer", "guardian", "express", "mirror", "monitor", "weekly",
    "today", "reporter", "dispatch", "courier", "magazine", "blog", "review", "insider",
    "newspaper", "bulletin", "wire", "digest", "examiner", "sentinel", "standard", "record",
    "register", "independent", "inquirer", "star", "sun",
))
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
# The last spaced separator of a line and what follows it, when that is short.
_SUFFIX = re.compile(r"^(?P<head>.*\S)\s+(?P<sep>[-–—|:•·]|::)\s+(?P<name>[^-–—|:•·\s][^–—|•·]{0,48}?)\s*$")
_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w.&'’+-]*|of|the|and|de|du|la|le|al|on|for|&)$")
MAX_NAME_WORDS = 5


@cache
def known_outlets() -> frozenset[str]:
    """The listed outlets, case-folded (read on first use)."""
    lines = OUTLETS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def is_known_outlet(name: str) -> bool:
    """On the list, or a web domain."""
    return name.casefold() in known_outlets() or _DOMAIN.match(name) is not None


def has_outlet_word(name: str) -> bool:
    return not OUTLET_WORDS.isdisjoint(word.lower() for word in re.findall(r"[\w']+", name))


class Suffix(NamedTuple):
    """An outlet's name after a headline: where the separator starts, the name, and whether confirmed."""

    cut: int
    name: str
    confirmed: bool


def headline_suffix(headline: str) -> Suffix | None:
    """The outlet's name glued to the end of a headline, or None.

    The part after the last spaced separator must be shaped like a name (at
    most five capitalised words, or a domain) and be a listed outlet, a
    domain, or hold an outlet word: "Fear will help France - Laporte" keeps
    its real dash and its speaker.
    """
    match = _SUFFIX.match(headline)
    if match is None or len(match["head"].split()) < 3:
        return None
    name = match["name"]
    if is_known_outlet(name):
        return Suffix(match.end("head"), name, confirmed=True)
    words = name.split()
    if len(words) > MAX_NAME_WORDS or not all(_NAME_WORD.match(w) for w in words):
        return None
    if not has_outlet_word(name):
        return None
    return Suffix(match.end("head"), name, confirmed=False)
