"""A Document is one article's decoded text, and the index that turns offsets into rows.

Rules and fixes speak in character offsets into `Document.text` (code points, as
Python strings index them). Rows and columns are only computed when a finding is
reported, so the index is built lazily: most documents in a clean corpus never
need it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, count, repeat
from operator import add
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

# A line ends at "\r\n", a lone "\r" or "\n": the three newline conventions a
# scraped corpus mixes. "\r\n" must come first so that it counts as one break.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Location(NamedTuple):
    """A 1-based row and a 1-based column counted in code points, as ruff counts them."""

    row: int
    column: int


class Line(NamedTuple):
    """One line of a document: its 1-based row and the offsets of its content.

    `end` stops before the line break; `text` is the content without it.
    """

    row: int
    start: int
    end: int
    text: str


class LineIndex:
    """Offsets <-> (row, column), built on first use and then cached."""

    __slots__ = ("_lines", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._lines: tuple[Line, ...] | None = None

    @property
    def starts(self) -> list[int]:
        """The offset at which each line begins; the first is always 0."""
        if self._starts is None:
            text = self._text
            if "\r" in text:
                self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
            else:  # the common case: str.split runs at C speed where the regex scans per character
                self._starts = _starts(text.split("\n"))
        return self._starts

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every line, in order. A text that ends with a break has no empty last line."""
        if self._lines is None:
            text = self._text
            if "\r" in text:
                parts = _LINE_BREAK.split(text)
            else:
                parts = text.split("\n")
                if self._starts is None:  # one split serves both
                    self._starts = _starts(parts)
            starts = self.starts
            ends = map(add, starts, map(len, parts))
            # tuple.__new__ over zip builds each Line in C; Line(...) would run its Python __new__.
            lines = list(map(tuple.__new__, repeat(Line), zip(count(1), starts, ends, parts)))
            if lines and lines[-1].start == len(text) and len(lines) > 1:
                lines.pop()  # the empty "line" after a final newline is not a line
            self._lines = tuple(lines)
        return self._lines

    def location(self, offset: int) -> Location:
        """The row and column of a character offset (an offset at a break is its line's end)."""
        if not 0 <= offset <= len(self._text):
            raise ValueError(f"offset {offset} outside a text of {len(self._text)} characters")
        row = bisect.bisect_right(self.starts, offset)
        return Location(row, offset - self.starts[row - 1] + 1)

    def offset(self, location: Location) -> int:
        """The character offset of a 1-based row and column."""
        row, column = location
        if not 1 <= row <= len(self.starts):
            raise ValueError(f"row {row} outside a text of {len(self.starts)} rows")
        return min(self.starts[row - 1] + column - 1, len(self._text))


def _starts(parts: list[str]) -> list[int]:
    """Where each piece of a text split on line feeds begins, summed in C rather than a genexpr."""
    return [0, *accumulate(map(add, map(len, parts[:-1]), repeat(1)))]


class Record(NamedTuple):
    """Where a document sits in a JSONL or Parquet corpus: the data counterpart of a path.

    `number` is 1-based (in JSONL the line number, blank lines included), `row`
    the line of the data file a finding is reported at, `ignore` the codes the
    record's own suppression field turns off.
    """

    number: int
    id: str | None
    row: int
    ignore: tuple[str, ...] = ()
    fields: tuple[tuple[str, str | None], ...] = ()
    """The record's other fields as text (an export's extra columns); read only for an export."""


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """One article: the text verbatim (CRLF kept) and how it was stored.

    `bom` and `encoding` remember what decoding removed, so that a fix can
    write the file back as it was. `decode_error` is the offset of the first
    byte that was not UTF-8 when the text had to be decoded as cp1252
    (a single-byte encoding, so byte and character offsets agree).
    `record` is set for a document read from a record of a data file.
    """

    text: str
    path: str = "-"
    bom: bool = False
    encoding: str = "utf-8"
    decode_error: int | None = None
    record: Record | None = None
    index: LineIndex = field(init=False, repr=False)
    _derived: dict[Callable[..., Any], Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", LineIndex(self.text))
        object.__setattr__(self, "_derived", {})

    def derived(self, analysis: Callable[[Document], T]) -> T:
        """`analysis(self)`, computed once per document and shared by every rule that asks.

        Several rules read the same structure (the headline block, the
        quotations); a pure function of the text is worth computing once.
        """
        if analysis not in self._derived:
            self._derived[analysis] = analysis(self)
        return self._derived[analysis]  # type: ignore[no-any-return]

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.index.lines

    def location(self, offset: int) -> Location:
        """Where an offset is reported: its row and column in the stored file."""
        return self.index.location(offset)
