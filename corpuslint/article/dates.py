"""Dates and times as a news page writes them, turned into ISO 8601 strings.

Patterns only find candidates; python-dateutil parses them. What the text
does not say is never made up: a date without a year stays partial
(`--06-11`, ISO 8601's month-day form), a date without a time has no time,
and a timezone appears only when the text names one.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateutil_parser
from dateutil import tz

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A day and month in either order, or an ISO date: what makes a string a date candidate.
DAY_MONTH = rf"(?:{_MONTH}\s+{_DAY}\b|\b{_DAY}\s+{_MONTH}(?![a-z]))"
_DATE_CORE = re.compile(rf"{DAY_MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}(?!\d)", re.IGNORECASE)

# The same in RE2 syntax, for prefilters that must never miss a date the patterns above find:
# RE2's \s and \d are ASCII where Python's are Unicode, and it has no lookarounds, so these
# spell out Python's whitespace, use \p{Nd} (a superset of Python's \d) and drop the
# boundaries: looser, never tighter.
SPACE_RE2 = (r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
             r"\x{202f}\x{205f}\x{3000}]")
_DAY_RE2 = r"\p{Nd}{1,2}(?:st|nd|rd|th)?"
DAY_MONTH_RE2 = rf"(?:{_MONTH}{SPACE_RE2}+{_DAY_RE2}|{_DAY_RE2}{SPACE_RE2}+{_MONTH})"
DATE_RE2 = rf"(?i:{DAY_MONTH_RE2}|\p{{Nd}}{{4}}-\p{{Nd}}{{2}}-\p{{Nd}}{{2}})"  # what has_date finds
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}|\b\d{1,2}\s*[ap]\.?m\b|T\d{2}:?\d{2}", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\b")  # "06.28 BST", as British sites write it
_AT = re.compile(r"\s+at\s+|\s*[|·]\s*", re.IGNORECASE)

# Abbreviations dateutil does not know by itself, for the zones news sites print.
# Ambiguous ones (IST, AST) are left out: a wrong offset is worse than none.
_ZONES = {
    name: tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4,
        "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "JST": 9,
    }.items()
}
_DEFAULT = datetime(2000, 1, 1)


def has_date(text: str) -> bool:
    """True when the text holds a day and month, or an ISO date: worth parsing."""
    return _DATE_CORE.search(text) is not None


def to_iso(text: str) -> str | None:
    """The ISO 8601 form of a date string, or None when it is not one date.

    `June 11, 2024, 6:28 AM` -> `2024-06-11T06:28:00`; `11 June 2024 14:05 GMT`
    -> `2024-06-11T14:05:00+00:00`; `June 11` -> `--06-11` (no year given, none
    guessed). The whole string must be the date (dateutil's strict mode), so a
    sentence that merely contains one is not taken.
    """
    if not has_date(text):
        return None
    cleaned = _DOTTED_TIME.sub(r"\1:\2", _AT.sub(" ", text)).strip(" ,;")
    try:
        parsed = dateutil_parser.parse(cleaned, default=_DEFAULT, tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None
    if not _YEAR.search(cleaned):
        return f"--{parsed.month:02d}-{parsed.day:02d}"
    if not _TIME.search(cleaned):
        return parsed.date().isoformat()
    return parsed.isoformat()


def is_partial(iso: str) -> bool:
    """True for a date the text gave without its year (`--06-11`)."""
    return iso.startswith("--")
