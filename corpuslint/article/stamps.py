"""A line that is nothing but a page's date and time, labelled or not.

Sites print the time of a story in every order: `November 19, 2019 at 5:10
pm`, `19 Nov 2019 05:44 GMT`, `11/20/19 6:38 AM`, `2019-11-13T23:06:00+01:00`,
`Wednesday 20 November 2019 9:22 am`, `2 days ago at 07:47 am`, `Published 1
day ago`, `updated: 3:26 pm IST`, often with a byline or the outlet after it
(`… by Joe Rossignol`, `… / CBS News`). This grammar takes a line made only of
such pieces. Alone, a time needs a zone or am/pm (a bare `01:52` is a video's
length), and a date needs a year, a time or a label (a sport preview's
`Saturday, 26 February` is a heading); a dateline opening a paragraph is
followed by prose, so it never makes a whole line.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d\d"
_ZONES = ("gmt", "utc", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt",
          "ct", "mt", "ist", "cet", "cest", "eet", "eest", "msk", "jst", "kst", "hkt", "sgt", "aest",
          "aedt", "awst", "nzst", "nzdt", "wat", "cat", "eat", "sast", "wib", "amt", "ast", "akst")
_ZONE = (rf"(?:\(?(?:{'|'.join(_ZONES)})(?:\s?[+-]\s?\d{{1,2}}(?::?\d\d)?)?\)?|[+-]\d\d:?\d\d"
         r"|,?\s*uk)")
_LABEL = (r"(?:(?:last |first )?(?:updated|published|posted|modified|edited|uploaded)"
          r"|(?:air|release|pub(?:lished)?|publication) date|date)(?: on| at)?\s*:?")
_NUMERIC = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d\d)|\d{4}[/-]\d\d[/-]\d\d(?:t[\d:.]+(?:z|[+-]\d\d:?\d\d)?)?"
_DATE = (rf"(?:{_MONTH}\s*{_DAY}(?:(?:,\s*|\s+){_YEAR})?|{_DAY}\s+{_MONTH},?(?:\s+{_YEAR})?"
         rf"|{_MONTH}\s+{_YEAR}|{_NUMERIC})")
_TIME = r"(?:at\s+)?\d{1,2}[:.h]\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_RELATIVE = (r"(?:(?:about |just |an? |\d+\s*)(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?"
             r"|weeks?|months?|years?) ago|just now|yesterday|today)")
_PIECE = rf"(?:{_LABEL}\s*)?(?:{_DATE}|{_TIME}|{_ZONE}|{_RELATIVE}|{_WEEKDAY}|{_YEAR})"
_SEP = r"(?:\s*[,|/•·–—-]\s*|\s+)"
# What may follow the stamp on its line: a byline, the outlet, a reading time, a blog's name.
_NAME = r"(?-i:[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|of|the|and)){0,4})"
_TAIL = (rf"(?:{_SEP}(?:by\s+(?:{_NAME}|admin)|\d+\s*min(?:ute)?s? read|on [\w.'’ ]{{1,30}} blog"
         rf"|(?<=[/|•]\s){_NAME}))?")
_STAMP = re.compile(
    rf"^\s*(?:[|•·–—-]\s*)?(?P<stamp>{_PIECE}(?:{_SEP}{_PIECE}){{0,8}}){_TAIL}\s*[.:]?\s*$",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b|{_NUMERIC}", re.IGNORECASE)
_HAS_CLOCK = re.compile(r"\d[:.h]\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)
_HAS_AMPM_OR_ZONE = re.compile(rf"\d\s*[ap]\.?m\b|\b(?:{'|'.join(_ZONES)})\b", re.IGNORECASE)
# A day-precise date; a month and year alone ("March 2005") stand only with a label.
_HAS_DATE = re.compile(rf"{_MONTH}\s*{_DAY}|{_DAY}\s+{_MONTH}|{_NUMERIC}", re.IGNORECASE)
_HAS_MONTH_YEAR = re.compile(rf"{_MONTH}\s+{_YEAR}", re.IGNORECASE)
_HAS_WEEKDAY = re.compile(rf"\b{_WEEKDAY}", re.IGNORECASE)
_HAS_LABEL = re.compile(rf"^\s*(?:[|•·–—-]\s*)?{_LABEL}", re.IGNORECASE)
_HAS_RELATIVE = re.compile(rf"\b{_RELATIVE}", re.IGNORECASE)
_IS_UPDATE = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
MAX_CHARS = 120
_DIGIT = re.compile(r"\d")
# Every stamp line holds a digit or "ago" (the S104 screen, in RE2's syntax).
STAMP_SCREEN = r"\p{Nd}|(?i:ago)"


def stamp_line(text: str) -> tuple[int, int, str] | None:
    """The stamp's span in a line made only of a date-time stamp, and its kind, or None."""
    if len(text) > MAX_CHARS or not (_DIGIT.search(text) or "ago" in text.lower()):
        return None
    match = _STAMP.match(text)
    if match is None:
        return None
    stamp = match["stamp"]
    labelled = _HAS_LABEL.match(stamp) is not None
    clock = _HAS_CLOCK.search(stamp) is not None
    year = _HAS_YEAR.search(stamp) is not None
    if _HAS_DATE.search(stamp):
        stands = year or clock or labelled
    elif labelled and _HAS_MONTH_YEAR.search(stamp):
        stands = True
    else:
        stands = clock and (year or labelled or _HAS_AMPM_OR_ZONE.search(stamp) is not None
                            or _HAS_WEEKDAY.search(stamp) is not None)
    if not (stands or _HAS_RELATIVE.search(stamp)):
        return None
    kind = "updated" if _IS_UPDATE.search(stamp) else "published"
    return match.start("stamp"), match.end("stamp"), kind
