"""A Finding is a Diagnostic placed in its file: what every report format renders.

Locating is done where the Document is still at hand (in the worker that
linted it), so reports need neither the text nor the file: they get rows,
columns and, for the `full` format, the lines the finding spans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from corpuslint.model.diagnostic import Diagnostic
from corpuslint.model.document import Document, Location, Record
from corpuslint.model.edits import apply_edits
from corpuslint.model.fingerprint import text_hash


@dataclass(frozen=True, slots=True)
class LocatedEdit:
    content: str
    location: Location
    end_location: Location


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The source lines a finding spans, and the same lines with its fix applied."""

    first_row: int
    lines: tuple[str, ...]
    fixed: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Finding:
    """A located diagnostic. In a data file's record, `location` is the record's line
    (JSONL) or number (Parquet), and `text_location` the place inside its text."""

    path: str
    diagnostic: Diagnostic
    location: Location
    end_location: Location
    edits: tuple[LocatedEdit, ...]
    excerpt: Excerpt | None = None
    record: Record | None = None
    text_location: Location | None = None
    fingerprint: str = ""
    """The code and flagged text, hashed (see fingerprint.py): stable when lines move."""

    @property
    def code(self) -> str:
        return self.diagnostic.code


def locate(doc: Document, diagnostic: Diagnostic, *, with_excerpt: bool = False) -> Finding:
    edits: tuple[LocatedEdit, ...] = ()
    if diagnostic.fix is not None:
        edits = tuple(
            LocatedEdit(e.content, doc.location(e.start), doc.location(e.end))
            for e in diagnostic.fix.edits
        )
    excerpt = _excerpt(doc, diagnostic) if with_excerpt else None
    record = doc.record
    if record is not None:
        inside = doc.location(diagnostic.start)
        where = f"record {record.number}" + (f", id {record.id}" if record.id is not None else "")
        message = f"{diagnostic.message} ({where}, text {inside.row}:{inside.column})"
        at = Location(record.row, 1)
        # No excerpt: its rows are the text's, not the data file's the finding is placed at.
        return Finding(doc.path, replace(diagnostic, message=message), at, at, edits,
                       record=record, text_location=inside, fingerprint=text_hash(doc, diagnostic))
    return Finding(
        doc.path,
        diagnostic,
        doc.location(diagnostic.start),
        doc.location(diagnostic.end),
        edits,
        excerpt,
        fingerprint=text_hash(doc, diagnostic),
    )


def _excerpt(doc: Document, diagnostic: Diagnostic) -> Excerpt:
    start, end = diagnostic.start, diagnostic.end
    if diagnostic.fix is not None and diagnostic.fix.edits:
        start, end = min(start, diagnostic.fix.start), max(end, diagnostic.fix.end)
    lines = doc.lines
    if not lines:
        return Excerpt(1, ("",), None)
    first = doc.location(start).row
    # A span that ends where a line begins (a deleted line with its break) ends on the line before.
    last = min(doc.location(end - 1 if end > start else end).row, len(lines))
    span_start, span_end = lines[first - 1].start, lines[last - 1].end
    original = doc.text[span_start:span_end]
    fixed = None
    if diagnostic.fix is not None:
        fixed_text = apply_edits(doc.text, diagnostic.fix.edits)
        # The fixed span is the original span grown or shrunk by the edits' net change.
        delta = sum(len(e.content) - (e.end - e.start) for e in diagnostic.fix.edits)
        fixed = tuple(fixed_text[span_start : span_end + delta].splitlines())
    return Excerpt(first, tuple(original.splitlines()) or ("",), fixed)
