"""The parts of a scraped article that are not its prose, found once for rules and extractor.

The S rules report these parts (a caption left in the body, a timestamp line,
a site signature, chrome above the headline) and `extract.py` reads the
article's fields from the same detections, so a part is found by one function
and reported by one rule. Each function reads only the Document and returns
immutable values with character offsets into `doc.text`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import NamedTuple

from dateutil.parser import UnknownTimezoneWarning

from corpuslint.article.dates import DAY_MONTH, to_iso
from corpuslint.article.outlets import has_outlet_word, is_known_outlet
from corpuslint.article.stamps import STAMP_SCREEN, stamp_line
from corpuslint.model.document import Document, Line

HEADING_MARKER = re.compile(r"^\s*#{1,6}\s+")
_CLOSERS = "\"”’')"  # what may follow a sentence's final stop


def headline_key(text: str) -> str:
    """A line as a headline compares: no markdown `#`, case or surrounding space.

    It runs on the paragraphs below a headline too, so it uses str methods
    (split and join collapse whitespace as `\\s+` does, at C speed) and tries
    the `#` pattern only on a line that has one.
    """
    if "#" in text:
        text = HEADING_MARKER.sub("", text)
    return " ".join(text.split()).casefold()


def repeats_headline(text: str, key: str) -> bool:
    """`headline_key(text) == key`, most often decided on the start of a long paragraph.

    The key of a prefix is a prefix of the key of the whole text (split,
    join and casefold work word by word and character by character), so a
    paragraph whose opening already differs from `key` is no repeat.
    """
    if "#" not in text:  # (a cut could split a `#` marker, so such lines are compared whole)
        opening = headline_key(text[: 2 * len(key) + 2])
        if not key.startswith(opening):
            return False
    return headline_key(text) == key


def _ends_sentence(text: str) -> bool:
    """A full stop, `!` or `?` at the very end, closing quotes or brackets allowed after it."""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?"))


# --- photo credits and captions ---------------------------------------------------------

_NAME = r"[A-Z][\w.'’-]*"
_AGENCY = (r"(?:AFP|Reuters|AP(?: Photo)?|EPA(?:-EFE)?|Getty Images|Getty|Bloomberg|Shutterstock"
           r"|Alamy|PA(?: Media| Wire)?|Xinhua|Anadolu(?: Agency)?|AAP|WAM|dpa|ANSA|SIPA)")
# "AFP", "Pool via Reuters", "AFP via Getty Images", "Reuters/Ammar Awad", "Photo: EPA".
_AGENCY_CREDIT = (rf"(?:(?:Photo|Picture|Image)s?:\s*)?(?:{_NAME} via )?{_AGENCY}"
                  rf"(?: via {_AGENCY})?(?:\s?/\s?{_NAME}(?: {_NAME}){{0,3}})?")
# "Alaa Al Sukhni/Pool via Reuters": a photographer's name, a slash, the agency.
_NAMED_CREDIT = rf"{_NAME}(?: {_NAME}){{0,3}}\s?/\s?[^\[\]\n/]{{2,40}}?"

# A caption standing as a paragraph: a sentence, then the credit with no full stop after it.
_CAPTION_PARAGRAPH = re.compile(
    rf"^\s*(?P<text>\S.{{15,}}?[.!?][\"”’)]?)\s+(?:[-—–]\s*)?(?P<credit>{_AGENCY_CREDIT})\s*$"
)
# Every caption names an agency. Only the name: what stands around it is Python's Unicode
# \s (a no-break space), a "Name via" or a lone CR line end, where RE2's \s and $ differ.
CAPTION_PARAGRAPH_PREFILTER = _AGENCY
# A caption run into the first paragraph and closed by a stray "]" after its credit.
_RUN_IN_CAPTION = re.compile(
    rf"^\s*(?P<text>[^\[\]\n]{{15,400}}?)\s+(?P<credit>{_NAMED_CREDIT}|{_AGENCY_CREDIT})\]\s+(?=\S)"
)


class Caption(NamedTuple):
    """A photo caption left in the text: where it is, its words and its credit.

    `start`/`end` cover the caption and its credit; `cut` is where the text the
    caption hides begins (the end of the line, or the body after a stray "]").
    """

    row: int
    start: int
    end: int
    text: str
    credit: str
    cut: int
    run_in: bool


def caption_paragraph(line: Line) -> Caption | None:
    """A whole line that is a caption ending in a bare credit: `… on Monday. AFP`."""
    if len(line.text) > 600:
        return None
    match = _CAPTION_PARAGRAPH.match(line.text)
    if match is None or len(match["text"].split()) < 4:
        return None
    return Caption(line.row, line.start + match.start("text"), line.start + match.end("credit"),
                   match["text"], match["credit"], line.end, run_in=False)


def run_in_caption(line: Line) -> Caption | None:
    """A caption at the start of a paragraph whose credit ends in a stray `]`."""
    bracket = line.text.find("]", 0, 460)
    if bracket == -1 or "[" in line.text[:bracket]:
        return None
    match = _RUN_IN_CAPTION.match(line.text)
    if match is None or len(match["text"].split()) < 4:
        return None
    return Caption(line.row, line.start + match.start("text"), line.start + match.end("credit") + 1,
                   match["text"].strip(), match["credit"].strip(), line.start + match.end(),
                   run_in=True)


def captions(doc: Document) -> Iterator[Caption]:
    """Every caption left in the text, in order."""
    for line in doc.lines:
        found = caption_paragraph(line) or run_in_caption(line)
        if found is not None:
            yield found


# --- timestamp lines ------------------------------------------------------------------------

_STAMP_LABEL = re.compile(
    r"(?i:\b(?:last |first )?(?P<kind>updated|published|posted|modified)(?: on| at)?"
    r"|\bdate(?: published)?)"
    r"\s*:?\s+"
)
_STAMP_START = re.compile(r"^\s*(?i:(?:last |first )?(?:updated|published|posted|modified)|date)\b")
_STAMP_TAIL = re.compile(r"\s+(?:by\s+.*|\|.*)$", re.IGNORECASE)
# RE2, for prefilters: where a line's text begins. doc.lines breaks at "\r" as well as "\n", and
# `^\s*` skips Python's Unicode spaces (a no-break space), which RE2's `(?m)^\s*` would not; any
# non-word characters are skipped here, which is looser and keeps the pattern short, ASCII and
# free of \p classes, as Hyperscan's screen needs (prefilter.reads_like_re2).
LINE_START_RE2 = r"(?:(?m:^)|\r)[^\w\n\r]*"
# Python's re.IGNORECASE takes İ (U+0130) and ı (U+0131) for "i"; RE2 and Hyperscan do not.
_I = r"[i\x{130}\x{131}]"
STAMP_LABEL_RE2 = (rf"(?i:(?:last |f{_I}rst )?(?:updated|publ{_I}shed|posted|mod{_I}f{_I}ed)"
                   r"|date)")
STAMP_PREFILTER = f"{LINE_START_RE2}{STAMP_LABEL_RE2}|{STAMP_SCREEN}"


class Timestamp(NamedTuple):
    """A labelled date on a line of its own: `Updated: June 11, 2024, 6:28 AM`.

    `kind` is "updated" or "published"; `iso` the parsed value; `start`/`end`
    the date's own characters.
    """

    kind: str
    iso: str
    start: int
    end: int


class TimestampLine(NamedTuple):
    """A line that is only a timestamp; `stamps` holds the dates that parse (none for "2 hours ago")."""

    line: Line
    stamps: tuple[Timestamp, ...]
    kind: str = "published"


def timestamp_line(line: Line) -> TimestampLine | None:
    """A short line made only of labels and dates (`Published June 9 | Updated June 11`)."""
    text = line.text
    if len(text) > 120 or not _STAMP_START.match(text):
        return _bare_stamp_line(line)
    labels = list(_STAMP_LABEL.finditer(text))
    stamps = []
    for i, label in enumerate(labels):
        segment_end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        segment = text[label.end() : segment_end]
        tail = _STAMP_TAIL.search(segment)
        if tail is not None:
            segment = segment[: tail.start()]
        iso = to_iso(segment)
        if iso is None:
            return _bare_stamp_line(line)
        updated = (label["kind"] or "").lower() in ("updated", "modified")
        kind = "updated" if updated else "published"
        start = line.start + label.end()
        stamps.append(Timestamp(kind, iso, start, start + len(segment.rstrip(" ,;|"))))
    return TimestampLine(line, tuple(stamps), stamps[0].kind) if stamps else None


def _bare_stamp_line(line: Line) -> TimestampLine | None:
    """A line in one of the many other shapes of stamps.py, its date kept when it parses."""
    found = stamp_line(line.text)
    if found is None:
        return None
    start, end, kind = found
    with warnings.catch_warnings():  # "ET", "PT": zones dateutil names but cannot place
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        iso = to_iso(line.text[start:end])
    stamps = (Timestamp(kind, iso, line.start + start, line.start + end),) if iso else ()
    return TimestampLine(line, stamps, kind)


def timestamp_lines(doc: Document) -> Iterator[TimestampLine]:
    for line in doc.lines:
        found = timestamp_line(line)
        if found is not None:
            yield found


# --- datelines ------------------------------------------------------------------------------

_PLACE = r"[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+){0,3}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:,\s+{_PLACE})?)"
    rf"(?:,\s+(?P<date>{DAY_MONTH}(?:,?\s+\d{{4}})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\)|/(?P<wire>[A-Za-z][\w .&-]{1,30})/)?"
    r"\s*(?:--|—|–|-)\s*(?=\S)"
)


class DatelineMatch(NamedTuple):
    """`Amman, June 11 (RHC)--`: place, date (ISO, partial without a year) and agency."""

    place: str
    date: str | None
    agency: str | None
    start: int
    end: int
    date_start: int
    date_end: int


def dateline_at(text: str, offset: int) -> DatelineMatch | None:
    """The dateline opening a paragraph at `offset`, if there is one.

    A place alone counts only in capitals ("TEL AVIV —"), so that a sentence
    like "Gantz - who resigned …" is not taken; a mixed-case place needs a
    date or an agency beside it ("Amman, June 11 (RHC)--").
    """
    match = _DATELINE.match(text, offset)
    if match is None:
        return None
    place, date = match["place"], match["date"]
    agency = match["agency"] or match["wire"]
    letters = [c for c in place if c.isalpha()]
    if not (date or agency or (len(letters) >= 3 and all(c.isupper() for c in letters))):
        return None
    iso = to_iso(date) if date else None
    span = match.span("date") if date else (-1, -1)
    return DatelineMatch(place, iso, agency.strip() if agency else None, match.start(),
                    match.end(), span[0], span[1])


# --- site signature -------------------------------------------------------------------------

_SIGNATURE = re.compile(r"^\s*[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|the|and|de|al)){0,4}\s*$")
_HOST = re.compile(r"(?:https?://|\bwww\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)


class Signature(NamedTuple):
    """The outlet's name on the last line; `corroborated` when the article names it too."""

    line: Line
    name: str
    corroborated: bool


def site_signature(doc: Document, agency: str | None = None) -> Signature | None:
    """The last line, when it is a short name of the outlet standing alone.

    A short title-case line at the very end is not enough (a BBC match report
    may end with a referee's name): it must name an outlet, either because the
    article corroborates it or the list of outlets has it (its initials are the dateline's agency, or it
    spells a host the article links to: "Radio Habana Cuba" and radiohc.cu)
    or because it holds an outlet word ("Radio", "News", "Times").
    """
    last = signature_line(doc)
    if last is None:
        return None
    name = last.text.strip()
    words = name.split()
    corroborated = is_known_outlet(name) or _names_outlet(words, agency, doc.text)
    if not corroborated and not has_outlet_word(name):
        return None
    return Signature(last, name, corroborated)


def signature_line(doc: Document) -> Line | None:
    """The last line when it has a signature's shape: short, title-case, apart from the text."""
    lines = doc.lines
    rows = [line for line in lines[-6:] if line.text.strip()]
    if len(rows) < 2:
        return None
    last = rows[-1]
    if lines[last.row - 2].text.strip() or len(last.text) > 40 or not _SIGNATURE.match(last.text):
        return None  # a signature stands apart from the text above it
    return last


def _names_outlet(words: list[str], agency: str | None, text: str) -> bool:
    capitals = [w for w in words if w[0].isupper()]
    initials = "".join(w[0] for w in capitals).lower()
    joined = "".join(capitals).lower()
    if agency and agency.lower() in (initials, joined, " ".join(words).lower()):
        return True
    spellings = {initials, joined, capitals[0].lower() + initials[1:]} - {""}
    for host in _HOST.findall(text):
        labels = host.lower().split(".")
        if any(label in spellings for label in labels):
            return True
    return False


# --- chrome above the headline -------------------------------------------------------------

CHROME_MAX_WORDS = 4


def top_chrome(doc: Document) -> tuple[Line, ...]:
    """Short lines stacked above the headline: a blog's name, a section ("My Blog" / "World News").

    The first block of lines (up to the first blank line) is chrome when it
    holds two or more lines of at most four words, none a sentence, and the
    next block opens with a headline-like line that is not a sentence: a news
    text has one headline line, and a BBC-style text has a blank line right
    after it.
    """
    lines = doc.lines
    block: list[Line] = []
    for line in lines:
        if not line.text.strip():
            if block:
                break
            continue
        block.append(line)
        if len(block) > 3:
            return ()
    if len(block) < 2 or not all(_is_chrome(line.text) for line in block):
        return ()
    after = next((line for line in lines[block[-1].row :] if line.text.strip()), None)
    if after is None or is_sentence(after.text):
        return ()
    if not looks_like_headline(after.text, standalone=True):
        return ()
    return tuple(block)


def _is_chrome(text: str) -> bool:
    words = text.split()
    return (len(words) <= CHROME_MAX_WORDS and len(text) <= 40 and not _ends_sentence(text)
            and not any(c.isdigit() for c in text))


def looks_like_headline(text: str, *, standalone: bool) -> bool:
    """A line a headline could be: short, and a sentence (or under three words) only when it
    stands alone.

    `standalone` says whether a blank line (or the end) follows it: a page of
    sentences with no blank lines (seed 004) has no headline line at all.
    """
    if len(text) > 200:
        return False
    words = (HEADING_MARKER.sub("", text) if "#" in text else text).split()
    if not words or len(words) > 20:
        return False
    if is_sentence(text):
        return standalone and 3 <= len(words) <= 15
    return standalone or len(words) >= 3


def is_sentence(text: str) -> bool:
    return _ends_sentence(text.strip())
