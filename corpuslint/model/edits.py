"""Edits that several rules need, built in one place so their fixes agree."""

from __future__ import annotations

from collections.abc import Iterable

from corpuslint.model.diagnostic import Edit
from corpuslint.model.document import Document


def is_blank(text: str) -> bool:
    return not text.strip()


def delete_lines(doc: Document, first_row: int, last_row: int) -> Edit:
    """Delete rows first_row..last_row (1-based, inclusive) and keep paragraphs apart.

    Removing a block between two paragraphs would leave two blank lines where
    there was one, so one neighbouring blank line goes with it; removing the
    document's first lines takes the blank line after them, and removing its
    last lines takes the blank line before them and the preceding line break,
    so the file still ends as it did (with or without a final newline).
    """
    lines = doc.lines
    first, last = lines[first_row - 1], lines[last_row - 1]
    before = lines[first_row - 2] if first_row > 1 else None
    after = lines[last_row] if last_row < len(lines) else None

    if after is None:
        if before is None:
            return Edit(0, last.end)
        keep_until = before
        if is_blank(before.text) and first_row > 2:
            keep_until = lines[first_row - 3]
        return Edit(keep_until.end, last.end)

    end = after.start
    if is_blank(after.text) and (before is None or is_blank(before.text)):
        end = lines[last_row + 1].start if last_row + 1 < len(lines) else after.end
    return Edit(first.start, end)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; text outside them is copied unchanged."""
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[cursor : edit.start])
        out.append(edit.content)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


def removal_between_words(text: str, start: int, end: int, inline: bool) -> Edit:
    """Remove markup at [start, end) so that words stay apart and no double space is left
    (`inline`: the markup sat inside a word's run, as <b> or a link does, and joins nothing)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before.strip() and after.strip():
        return Edit(start, end, "" if inline else " ")
    if before == " " and not after.strip():
        return Edit(start - 1, end)
    if not before.strip() and after == " ":
        return Edit(start, end + 1)
    return Edit(start, end)
