"""Q: quotation marks unbalanced, mismatched, or in mixed styles (brackets: brackets.py).

A paragraph is one line, as scraped news keeps it (BBC-style text even joins
several paragraphs on one line, reopening the quotation after a full stop
without closing it first); a line that stops mid-sentence goes on in the
next one, so hard-wrapped text is read whole. Single quotes are
never balanced: ’ is also the apostrophe ("Israel’s", "’90s", "the
Joneses’"), so a count of them means nothing.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import NamedTuple

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document, Line

_DASHES = "\u2014\u2013-"
_OPENS_AFTER = frozenset(" \t([{/" + _DASHES)  # a straight quote after these opens a quotation
_CLOSES_BEFORE = frozenset(" \t.,;:!?)]}'\u2019…" + _DASHES)  # …and before these closes one
_SENTENCE_END = frozenset(".!?…:")
_LOW_OPENER = "„"  # German and Polish open with „ and close with “: not our convention


class Mark(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    UNKNOWN = "unknown"


class Quote(NamedTuple):
    offset: int  # into doc.text
    mark: Mark
    char: str


def _class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


# Every double mark, classified in one C-speed pass; the group that matched says what it
# is (the `double_quotes` rules, with a line break or the text's ends standing for the
# space the rules assume beyond a line): 1 “, 2 ”, 3 a straight opening mark, 4 a straight
# closing one, 5 a straight mark that reads as neither.
_MARK = re.compile(
    "(“)|(”)"
    rf'|("(?:(?<=[{_class(_OPENS_AFTER)}]")|(?<![^\r\n]"))(?=\S))'
    rf'|("(?<=[^\s{_class(_OPENS_AFTER)}]")(?=[{_class(_CLOSES_BEFORE)}\r\n]|\Z))'
    '|(")'
)
_MARKS = (None, Mark.OPEN, Mark.CLOSE, Mark.OPEN, Mark.CLOSE, Mark.UNKNOWN)


def positions(text: str, chars: str) -> list[int]:
    """The offsets of every one of `chars` in the text, in order.

    str.find runs at memchr speed; Python's regex engine would test a character
    class at every character of the text (~20x slower for a 2 kB article).
    """
    found = []
    for char in chars:
        at = text.find(char)
        while at != -1:
            found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


def _marks(text: str) -> list[tuple[int, int]]:
    """Each double mark of the text as (offset, the _MARK group that reads it), in text order."""
    match = _MARK.match
    return [(at, match(text, at).lastindex) for at in positions(text, '"“”')]  # type: ignore[union-attr]


def double_quotes(line: Line) -> list[Quote]:
    """The double quotation marks of a line, each taken as opening or closing.

    Curly marks say which they are. A straight one opens after a space or an
    opening bracket and before a word, and closes after a word and before a
    space or punctuation; anything else (`""word`, `a"b`) is UNKNOWN.
    """
    return [Quote(line.start + m.start(), _MARKS[m.lastindex], m.group())  # type: ignore[index]
            for m in _MARK.finditer(line.text)]


Paragraph = tuple[Line, ...]
_ENDS_PARAGRAPH = frozenset(".!?…:;\"”'\u2019)]")


def paragraphs(doc: Document) -> list[Paragraph]:
    """Runs of non-blank lines, a line joining the one before it when that one ends mid-sentence."""
    found: list[list[Line]] = []
    previous: Line | None = None
    for line in doc.lines:
        stripped = line.text.rstrip()
        if not stripped:
            previous = None
            continue
        if previous is not None and previous.text.rstrip()[-1] not in _ENDS_PARAGRAPH:
            found[-1].append(line)
        else:
            found.append([line])
        previous = line
    return [tuple(lines) for lines in found]


def quotation_faults(doc: Document) -> list[tuple[Mark, Quote]]:
    """Each unpaired double quote: (CLOSE, mark) with no opening, (OPEN, mark) never closed.

    Computed once per document: Q101 and Q102 report the two halves.
    """
    return doc.derived(_all_quotation_faults)


def _all_quotation_faults(doc: Document) -> list[tuple[Mark, Quote]]:
    return list(_each_quotation_fault(doc))


def _each_quotation_fault(doc: Document) -> Iterator[tuple[Mark, Quote]]:
    """The faults, as quotation_faults describes them.

    A paragraph is skipped when it holds a mark that reads as neither, or a
    German „ (whose closing mark is “). An opening mark after a sentence end
    while a quotation is open reopens it (BBC joins paragraphs that way); a
    quotation still open at the end of a paragraph is fine when the next
    paragraph opens with a quotation mark.
    """
    text = doc.text
    marks = _marks(text)
    if not marks:
        return
    found = paragraphs(doc)
    bounds = paragraph_bounds([offset for offset, _ in marks], found)
    for i, paragraph in enumerate(found):
        first, stop = bounds[i]
        kinds = [kind for _, kind in marks[first:stop]]
        if not kinds or 5 in kinds or _LOW_OPENER in text[paragraph[0].start : paragraph[-1].end]:
            continue
        opened: list[int] = []
        for offset, kind in marks[first:stop]:
            if kind in (1, 3):
                if opened and _char_before(text, offset) in _SENTENCE_END:
                    opened.pop()
                opened.append(offset)
            elif opened:
                opened.pop()
            elif not (kind == 4 and text[offset - 1 : offset].isdigit()):
                yield Mark.CLOSE, Quote(offset, Mark.CLOSE, text[offset])  # 4 may be an inch mark
        if opened and not (i + 1 < len(found) and _opens_paragraph(text, found[i + 1],
                                                                   marks, bounds[i + 1][0])):
            yield Mark.OPEN, Quote(opened[0], Mark.OPEN, text[opened[0]])


def paragraph_bounds(offsets: list[int], found: list[Paragraph]) -> list[tuple[int, int]]:
    """For each paragraph, the slice of `offsets` (in text order) that falls inside it."""
    bounds, first, count = [], 0, len(offsets)
    for paragraph in found:
        start, end = paragraph[0].start, paragraph[-1].end
        while first < count and offsets[first] < start:
            first += 1
        stop = first
        while stop < count and offsets[stop] < end:
            stop += 1
        bounds.append((first, stop))
        first = stop
    return bounds


def _opens_paragraph(text: str, paragraph: Paragraph, marks: list[tuple[int, int]],
                     first: int) -> bool:
    """True when the paragraph's first line starts (after spaces) with an opening mark."""
    line = paragraph[0]
    if first == len(marks) or marks[first][0] >= line.end or marks[first][1] not in (1, 3):
        return False
    return not text[line.start : marks[first][0]].strip()


class StrayClosingQuote(Rule):
    """A closing quotation mark with no opening one in its paragraph.

    ## What it finds
    A closing double quote (” or ") with no opening one before it in its
    paragraph. Straight quotes are read as opening or closing from the
    characters around them; a paragraph with a mark that reads as neither
    (`""word`) is skipped, and a straight mark right after a digit may be an
    inch mark (`a 42" screen`) and is not reported. Single quotes are not
    checked: the closing single mark is also the apostrophe ("Israel's", "'90s").

    ## Why it matters
    A closing mark with nothing to close is the trace of a paragraph cut by
    the scraper (its first words or its opening mark dropped); a reader, a
    quote extractor or a model cannot tell where the quotation starts, and
    may take the reporter's words for the speaker's.

    ## Example
    Before: `Netanyahu is preventing [Israel] from progressing towards a true victory,” he said.`
    After: `“Netanyahu is preventing [Israel] from progressing towards a true victory,” he said.`

    ## Fix safety
    There is no fix: where the quotation starts (or whether words are
    missing before it) needs the source article.
    """

    code = "Q101"
    name = "stray-closing-quote"
    severity = Severity.WARNING
    prefilter = r'["”]'

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for mark, quote in quotation_faults(doc):
            if mark is Mark.CLOSE:
                message = "Closing quotation mark with no opening one in its paragraph"
                yield self.diagnostic(quote.offset, quote.offset + 1, message)


class UnclosedQuote(Rule):
    """An opening quotation mark never closed in its paragraph.

    ## What it finds
    An opening double quote (“ or ") whose quotation is still open at the end
    of its paragraph, when the next paragraph does not open with a quotation
    mark. News style leaves a quotation open at the end of a paragraph when
    the next paragraph goes on with it and opens with a mark; BBC-style text
    reopens a quotation after a full stop on the same line: both are correct
    and left alone. Straight marks are read as in Q101.

    ## Why it matters
    An open quotation runs into whatever follows: a paragraph truncated by
    the scraper, or narration that a quote extractor then attributes to the
    speaker. It is info, not a warning: joined paragraphs often lose a
    closing mark at what used to be a paragraph end (BBC text does), which
    is untidy but loses no words.

    ## Example
    Before: `Hamas said it was dealing “positively with the proposal.` / `Israel did not comment.`
    After: `Hamas said it was dealing “positively” with the proposal.` / `Israel did not comment.`

    ## Fix safety
    There is no fix: where the quotation ends needs a human.
    """

    code = "Q102"
    name = "unclosed-quote"
    severity = Severity.INFO
    prefilter = r'["“]'

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for mark, quote in quotation_faults(doc):
            if mark is Mark.OPEN:
                message = "Opening quotation mark never closed in its paragraph"
                yield self.diagnostic(quote.offset, quote.offset + 1, message)


def _char_before(text: str, offset: int) -> str:
    """The last character before `offset` that is not a space, a tab or a closing single quote.

    The single quote is skipped so that `… my day.' "But …` reads as a sentence end.
    """
    i = offset - 1
    while i >= 0 and text[i] in " \t'\u2019":
        i -= 1
    return text[i] if i >= 0 else ""


_STRAIGHT_DOUBLE = re.compile(r'"')
_CURLY_DOUBLE = re.compile(r"[“”]")


class MixedQuoteStyles(Rule):
    """Straight and curly double quotation marks in one document.

    ## What it finds
    A document that uses both `"` and `“ ”`. It is reported once, at the
    first mark of the style the document uses less; a tie counts the curly
    marks as the document's style.

    ## Why it matters
    Mixed styles betray text pasted together from several sources (an agency
    feed and an edit in a CMS), and they split counts and n-grams: `"yes"` and
    `“yes”` become different tokens to a tokenizer and a search index.

    ## Example
    Before: `“We will not stop,” he said. Hamas called it "a farce".`
    After: `“We will not stop,” he said. Hamas called it “a farce”.`

    ## Fix safety
    Curly marks in a straight-quoted document become `"`: safe, nothing but the
    glyph changes. Straight marks in a curly-quoted document become “ or ”
    from the characters around them: unsafe (a reader should glance at them),
    and offered only when every one of them reads clearly as opening or closing.
    """

    code = "Q104"
    name = "mixed-quote-styles"
    severity = Severity.INFO
    fix_availability = FixAvailability.SOMETIMES
    prefilter = r'(?s)"[^\x00]*[“”]|[“”][^\x00]*"'

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        straight = [m.start() for m in _STRAIGHT_DOUBLE.finditer(doc.text)]
        curly = [m.start() for m in _CURLY_DOUBLE.finditer(doc.text)]
        if not straight or not curly:
            return
        if len(straight) > len(curly):
            fix = Fix.safe('Replace the curly marks with "', *(Edit(i, i + 1, '"') for i in curly))
            message = f'{len(curly)} curly quotation mark(s) in a document that uses "'
            yield self.diagnostic(curly[0], curly[0] + 1, message, fix)
            return
        message = f"{len(straight)} straight quotation mark(s) in a document that uses “ ”"
        yield self.diagnostic(straight[0], straight[0] + 1, message, _curl(doc, set(straight)))


def _curl(doc: Document, offsets: set[int]) -> Fix | None:
    edits = []
    for line in doc.lines:
        for quote in double_quotes(line):
            if quote.offset not in offsets:
                continue
            if quote.mark is Mark.UNKNOWN:
                return None
            curly = "“" if quote.mark is Mark.OPEN else "”"
            edits.append(Edit(quote.offset, quote.offset + 1, curly))
    return Fix.unsafe("Replace the straight marks with “ ”", *edits)


RULES = (StrayClosingQuote, UnclosedQuote, MixedQuoteStyles)
