"""An article's metadata, read from its text: the one function the S rules and the export share.

`extract(doc)` returns an immutable `Article`: headline, standfirst, byline,
published and updated dates (ISO 8601), dateline, source, URLs, photo
captions and the language, each as a `Field` that keeps the span it came
from. It runs on every document of a corpus, so it reads the text once per
part, in time linear in its length, and runs langdetect on at most
`LANGUAGE_SAMPLE` characters.

Dates come only from labelled places: a timestamp line, a byline, a
dateline. A date in the body, in a caption or on a line of its own (a sport
preview's "Saturday, 26 February") is not a publication date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Generic, NamedTuple, TypeVar

from corpuslint.article import langid
from corpuslint.article.dates import DATE_RE2, DAY_MONTH_RE2, SPACE_RE2, to_iso
from corpuslint.article.parts import (
    HEADING_MARKER,
    LINE_START_RE2,
    STAMP_LABEL_RE2,
    DatelineMatch,
    Signature,
    Timestamp,
    captions,
    dateline_at,
    headline_key,
    is_sentence,
    looks_like_headline,
    repeats_headline,
    run_in_caption,
    site_signature,
    timestamp_line,
    timestamp_lines,
    top_chrome,
)
from corpuslint.model.document import Document, Line

T = TypeVar("T")

LANGUAGE_SAMPLE = 2000  # characters langdetect reads: enough to judge, cheap on long texts
LANGUAGE_MIN_LETTERS = 40  # below this langdetect guesses
TOP_LINES = 12  # bylines and standfirsts live among the first non-empty lines
STANDFIRST_WORDS = (6, 40)

_URL = re.compile(r"\bhttps?://[^\s${}<>\"'\[\]()]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s${}<>\"'\[\]()]*",
                  re.IGNORECASE)
_URL_TRAIL = ".,;:!?’”"
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|el)){1,3}"
_BYLINE = re.compile(
    rf"^\s*(?:By|BY|Written by|Words by|Posted by|Reporting by)\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}})"
    r"(?P<rest>\s*(?:[,|·—–-]|\bon\b|\bin\b).*)?$"
)
_NOT_NAMES = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "this", "that",
))
_SOURCE_LINE = re.compile(
    r"^\s*(?:Link from|Source:|Originally published (?:on|at|by))\s+"
    r"(?:https?://)?(?P<source>(?:www\.)?[\w.-]+(?:\.[a-z]{2,})?|[A-Z][\w ]{1,40}?)\s*/?\s*$"
)
_WWW = re.compile(r"^www\.", re.IGNORECASE)

_S = SPACE_RE2
# RE2: a text this misses has no date for `labels` to read, as it takes dates only from a
# timestamp line, a byline ("By", "Written by" opens the line) and a dateline ("Amman,
# June 11 (RHC)--"). Looser than the patterns it stands for, never tighter.
DATED_PREFILTER = (
    rf"{LINE_START_RE2}(?:{STAMP_LABEL_RE2}|(?:\pL+ )?(?i:by))[^\n\r]*?{DATE_RE2}"
    rf"|,{_S}+{DAY_MONTH_RE2}(?:,?{_S}+\p{{Nd}}{{4}})?{_S}*(?:\([^)]*\)|/[^/]*/)?{_S}*[-—–]"
)


@dataclass(frozen=True, slots=True)
class Field(Generic[T]):
    """A value read from the text and the characters [start, end) it was read from."""

    value: T
    start: int
    end: int


class Dateline(NamedTuple):
    """`Amman, June 11 (RHC)--` -> place "Amman", date "--06-11", agency "RHC"."""

    place: str
    date: str | None
    agency: str | None


class PhotoCaption(NamedTuple):
    text: str
    credit: str


class Language(NamedTuple):
    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Article:
    """What `extract` found; None (or empty) where the text does not say."""

    headline: Field[str] | None
    standfirst: Field[str] | None
    byline: Field[str] | None
    published: Field[str] | None
    updated: Field[str] | None
    dateline: Field[Dateline] | None
    source: Field[str] | None
    urls: tuple[Field[str], ...]
    captions: tuple[Field[PhotoCaption], ...]
    language: Field[Language] | None
    body_start: int
    body_words: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON: each field as {value, start, end}, or null; lists for the rest."""
        out: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, tuple):
                out[name] = [_plain(item) for item in value]
            else:
                out[name] = _plain(value)
        return out


def _plain(value: object) -> object:
    if isinstance(value, Field):
        inner = value.value
        return {"value": inner._asdict() if isinstance(inner, tuple) else inner,
                "start": value.start, "end": value.end}
    return value


class Layout(NamedTuple):
    """The top of an article: chrome, headline, standfirst, and where the body begins."""

    chrome: tuple[Line, ...]
    headline: Field[str] | None
    standfirst: Field[str] | None
    body_start: int


def layout(doc: Document) -> Layout:
    """Find the headline and standfirst; cheap, so rules that need only these call it alone."""
    return doc.derived(_layout)


def _layout(doc: Document) -> Layout:
    chrome = top_chrome(doc)
    lines = doc.lines
    # Lazily: only the head is read, however long the article.
    content = (line for line in lines[len(chrome) and chrome[-1].row :] if line.text.strip())
    first = next(content, None)
    if first is None:
        return Layout(chrome, None, None, len(doc.text))
    second = next(content, None)
    if (second is None  # a lone line heads nothing: it is the text, not its headline
            or not looks_like_headline(first.text, standalone=_standalone(lines, first))
            or _is_furniture(first)):
        return Layout(chrome, None, None, first.start)
    headline = _field(first, HEADING_MARKER.match(first.text))
    key = headline_key(headline.value)
    below = chain((second,), islice(content, TOP_LINES - 2))
    rest = list(islice((line for line in below if not repeats_headline(line.text, key)), 2))
    body_start = rest[0].start if rest else len(doc.text)
    standfirst = None
    if rest and _is_standfirst(lines, rest[0]) and len(rest) > 1:
        standfirst = _field(rest[0], None)
        body_start = rest[1].start
    return Layout(chrome, headline, standfirst, body_start)


def extract(doc: Document, *, language: bool = True, expected_language: str = "en") -> Article:
    """Every field of the article; `language=False` skips language identification."""
    article = doc.derived(_extract_fields)
    if language:
        return dataclasses.replace(article, language=detect_language(doc.text, expected_language))
    return article


def _extract_fields(doc: Document) -> Article:
    """Every field but the language: computed once per document, whichever rules ask."""
    top = layout(doc)
    found = labels(doc)
    text = doc.text
    signature = site_signature(doc, found.dateline.value.agency if found.dateline else None)
    return Article(
        headline=top.headline,
        standfirst=top.standfirst,
        byline=found.byline,
        published=found.published,
        updated=found.updated,
        dateline=found.dateline,
        source=_source(doc, signature, found.dateline),
        urls=tuple(urls(text)),
        captions=tuple(Field(PhotoCaption(c.text, c.credit), c.start, c.end) for c in captions(doc)),
        language=None,
        body_start=top.body_start,
        body_words=count_words(text, top.body_start),
    )


class Labels(NamedTuple):
    """What the article says of itself on labelled lines: its byline, dates and dateline."""

    byline: Field[str] | None
    published: Field[str] | None
    updated: Field[str] | None
    dateline: Field[Dateline] | None


def labels(doc: Document) -> Labels:
    """The byline, dates and dateline alone, for rules that need no other field (S202-S204)."""
    return doc.derived(_labels)


def _labels(doc: Document) -> Labels:
    stamps = [stamp for found in timestamp_lines(doc) for stamp in found.stamps]
    byline, byline_date = _byline(doc)
    found_dateline = dateline(doc)
    published = _first(stamps, "published") or byline_date
    field = None
    if found_dateline is not None:
        d = found_dateline
        field = Field(Dateline(d.place, d.date, d.agency), d.start, d.end)
        if published is None and d.date is not None:
            published = Field(d.date, d.date_start, d.date_end)
    return Labels(byline, published, _first(stamps, "updated"), field)


def dateline(doc: Document) -> DatelineMatch | None:
    """The dateline alone, for rules that need only it."""
    return doc.derived(_find_dateline)


def _find_dateline(doc: Document) -> DatelineMatch | None:
    return _dateline(doc, layout(doc).body_start)


def count_words(text: str, start: int = 0, limit: int | None = None) -> int:
    """The words (runs of non-space) from `start`, counting no further than `limit`.

    str.split finds the same words as the regex `\\S+` (both split on
    str.isspace) at C speed, and `maxsplit` stops it at the limit.
    """
    if limit is None:
        return len(text[start:].split())
    return min(len(text[start:].split(maxsplit=limit)), limit)


def urls(text: str) -> Iterator[Field[str]]:
    for match in _URL.finditer(text):
        url = match.group().rstrip(_URL_TRAIL)
        yield Field(url, match.start(), match.start() + len(url))


def detect_language(text: str, expected: str = "en") -> Field[Language] | None:
    """The language of the first LANGUAGE_SAMPLE characters, with a confidence.

    langid decides: text plainly in the `expected` language is recognised by
    its common words without langdetect; anything else gets langdetect's
    (seeded) answer. langdetect's "zh-cn"/"zh-tw" become ISO 639-1 "zh".
    """
    sample = text[:LANGUAGE_SAMPLE]
    if sum(c.isalpha() for c in sample) < LANGUAGE_MIN_LETTERS:
        return None
    verdict = langid.judge(expected).identify(sample)
    if verdict is None:
        return None
    code = verdict.language.split("-")[0]
    return Field(Language(code, round(verdict.probability, 4)), 0, len(sample))


def _standalone(lines: tuple[Line, ...], line: Line) -> bool:
    return line.row == len(lines) or not lines[line.row].text.strip()


def _is_furniture(line: Line) -> bool:
    """A line that is page furniture, never a headline or standfirst."""
    return (timestamp_line(line) is not None or _BYLINE.match(line.text) is not None
            or run_in_caption(line) is not None)


def _is_standfirst(lines: tuple[Line, ...], line: Line) -> bool:
    low, high = STANDFIRST_WORDS
    words = len(line.text.split(maxsplit=high))  # a paragraph's words are not all counted
    opening = line.text.lstrip()[:15]
    return (low <= words <= high and _standalone(lines, line) and not is_sentence(line.text)
            and opening[:1].isupper() and ":" not in opening
            and not _is_furniture(line) and dateline_at(line.text, 0) is None)


def _field(line: Line, marker: re.Match[str] | None) -> Field[str]:
    skip = marker.end() if marker else len(line.text) - len(line.text.lstrip())
    value = line.text[skip:].rstrip()
    return Field(value, line.start + skip, line.start + skip + len(value))


def _first(stamps: list[Timestamp], kind: str) -> Field[str] | None:
    for stamp in stamps:
        if stamp.kind == kind:
            return Field(stamp.iso, stamp.start, stamp.end)
    return None


def _byline(doc: Document) -> tuple[Field[str] | None, Field[str] | None]:
    """The byline among the first lines, and the date it carries, if any."""
    count = 0
    for line in doc.lines:
        if not line.text.strip():
            continue
        count += 1
        if count > TOP_LINES:
            break
        match = _BYLINE.match(line.text)
        if match is None or len(line.text.split()) > 20:
            continue
        names = match["names"]
        if _NOT_NAMES.intersection(w.lower().strip(",") for w in names.split()):
            continue
        byline = Field(names, line.start + match.start("names"), line.start + match.end("names"))
        rest = match["rest"] or ""
        iso = to_iso(rest.lstrip(" ,|·—–-").removeprefix("on ")) if rest else None
        date = Field(iso, line.start + match.start("rest"), line.end) if iso else None
        return byline, date
    return None, None


def _dateline(doc: Document, body_start: int) -> DatelineMatch | None:
    """The dateline opening one of the first two body paragraphs (after a run-in caption)."""
    checked = 0
    for line in doc.lines:
        if line.end <= body_start or not line.text.strip():
            continue
        caption = run_in_caption(line)
        match = dateline_at(doc.text, caption.cut if caption else line.start + _indent(line.text))
        if match is not None:
            return match
        checked += 1
        if checked == 2:
            return None
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _source(doc: Document, signature: Signature | None,
            dateline: Field[Dateline] | None) -> Field[str] | None:
    """The publisher: a site signature, a "Link from" line, or the dateline's agency."""
    if signature is not None:
        start = signature.line.start + _indent(signature.line.text)
        return Field(signature.name, start, start + len(signature.name))
    for line in reversed(doc.lines[-8:]):
        match = _SOURCE_LINE.match(line.text)
        if match is not None:
            return Field(_WWW.sub("", match["source"]), line.start + match.start("source"),
                         line.start + match.end("source"))
    if dateline is not None and dateline.value.agency:
        return Field(dateline.value.agency, dateline.start, dateline.end)
    return None
