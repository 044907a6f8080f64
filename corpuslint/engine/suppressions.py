"""Suppressions: telling corpuslint that a finding is known and accepted.

Three ways, applied by the engine after the rules ran, so that an unused one
can be told apart from a used one (C101, with `--warn-unused-ignores`):

- `per-file-ignores` in config (config.py; those rules are not even run);
- marker lines, an HTML comment that markdown renders as nothing:
  `<!-- corpuslint: ignore B101 -->` for the next block (the lines up to the
  next blank line), `<!-- corpuslint: disable B101,S -->` up to
  `<!-- corpuslint: enable B101,S -->` (or the end of the file) for a range;
  without codes, a marker covers every code;
- a sidecar `.corpuslint-ignore`, for plain text that cannot hold a marker:
  lines of `glob CODE[,CODE...]` (`#` starts a comment), the globs
  gitignore-style and relative to the sidecar's folder. It is found as the
  config is: the nearest one at or above the current directory.

Codes in both may be prefixes (`B` covers B101).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from corpuslint.config import ConfigError
from corpuslint.model.diagnostic import Diagnostic, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.model.edits import delete_lines

SIDECAR_NAME = ".corpuslint-ignore"
UNUSED = "C101"
UNUSED_NAME = "unused-suppression"

_MARKER = re.compile(
    r"\s*<!--\s*corpuslint:\s*(?P<action>ignore|disable|enable)\b(?P<codes>[\sA-Za-z0-9,]*?)\s*-->\s*"
)
_CODES = re.compile(r"[\s,]+")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.upper() for t in _CODES.split(text) if t)


def _covers(tokens: tuple[str, ...], code: str) -> bool:
    """No tokens means every code; otherwise a token is a code or a prefix of one."""
    return not tokens or any(code.startswith(t) for t in tokens)


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker's codes, the text it covers [start, end), and its own line's row."""

    tokens: tuple[str, ...]
    start: int
    end: int
    row: int
    text: str


MARKER = "corpuslint:"


def markers(doc: Document) -> tuple[list[Marker], list[tuple[int, int]]]:
    """The suppressing markers in a document, and the spans of every marker line."""
    if MARKER not in doc.text:  # the common case costs one substring search
        return [], []
    lines = doc.lines
    found: list[Marker] = []
    marker_lines: list[tuple[int, int]] = []
    open_ranges: dict[tuple[str, ...], tuple[int, int, str]] = {}
    for i, line in enumerate(lines):
        match = _MARKER.fullmatch(line.text)
        if match is None:
            continue
        marker_lines.append((line.start, line.end))
        action, tokens = match["action"], _tokens(match["codes"])
        text = line.text.strip()
        if action == "ignore":
            block = _next_block(lines, i + 1)
            if block is not None:
                found.append(Marker(tokens, block[0], block[1], line.row, text))
            else:
                found.append(Marker(tokens, line.end, line.end, line.row, text))
        elif action == "disable":
            open_ranges[tokens] = (line.end, line.row, text)
        else:
            for key in [k for k in open_ranges if not tokens or k == tokens]:
                start, row, opened = open_ranges.pop(key)
                found.append(Marker(key, start, line.start, row, opened))
    for key, (start, row, opened) in open_ranges.items():
        found.append(Marker(key, start, len(doc.text), row, opened))
    return found, marker_lines


def _next_block(lines: Sequence, first: int) -> tuple[int, int] | None:
    """The first run of non-blank lines at or after index `first`."""
    i = first
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    if i == len(lines):
        return None
    j = i
    while j + 1 < len(lines) and lines[j + 1].text.strip():
        j += 1
    return lines[i].start, lines[j].end


@dataclass(frozen=True, slots=True)
class SidecarEntry:
    row: int
    glob: str
    tokens: tuple[str, ...]
    spec: pathspec.PathSpec


@dataclass(frozen=True, slots=True)
class Sidecar:
    """A parsed `.corpuslint-ignore`: its path, text (for locating C101) and entries."""

    path: Path
    text: str
    entries: tuple[SidecarEntry, ...]

    def matching(self, path: str) -> list[SidecarEntry]:
        if path == "-":
            return []
        relative = os.path.relpath(os.path.abspath(path), self.path.parent)
        return [e for e in self.entries if e.spec.match_file(relative)]


def find_sidecar(start: Path) -> Path | None:
    """The nearest `.corpuslint-ignore` at or above `start`, as the config is found."""
    for folder in (start, *start.parents):
        if (folder / SIDECAR_NAME).is_file():
            return folder / SIDECAR_NAME
    return None


def load_sidecar(path: Path, known_codes: Iterable[str]) -> Sidecar:
    """Parse a sidecar; a malformed line or an unknown code is a ConfigError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    codes = tuple(known_codes)
    entries = []
    for row, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            raise ConfigError(f"{path}:{row}: expected 'glob CODE[,CODE...]', got {raw.strip()!r}")
        glob, listed = parts
        tokens = _tokens(listed)
        for token in tokens:
            if not any(code.startswith(token) for code in codes):
                raise ConfigError(f"{path}:{row}: unknown rule code {token!r}")
        spec = pathspec.PathSpec.from_lines("gitignore", [glob])
        entries.append(SidecarEntry(row, glob, tokens, spec))
    return Sidecar(path, text, tuple(entries))


class Suppressor:
    """Drops suppressed diagnostics; with `report_unused`, adds C101 for idle markers."""

    def __init__(self, sidecar: Sidecar | None, ran: Iterable[str], report_unused: bool) -> None:
        self.sidecar = sidecar
        self._ran = frozenset(ran)
        self.report_unused = report_unused

    def quiet(self, doc: Document) -> bool:
        """Whether nothing can suppress a finding in `doc`, so findings may be capped as they come."""
        return MARKER not in doc.text and not (self.sidecar and self.sidecar.matching(doc.path))

    def apply(
        self, doc: Document, found: list[Diagnostic]
    ) -> tuple[list[Diagnostic], frozenset[int]]:
        """The diagnostics left, and the sidecar rows that suppressed something here."""
        entries = self.sidecar.matching(doc.path) if self.sidecar else []
        in_doc, marker_lines = markers(doc)
        if not entries and not in_doc:
            return found, frozenset()
        used_markers: set[int] = set()
        used_rows: set[int] = set()
        kept = []
        for d in found:
            if any(s <= d.start < e for s, e in marker_lines):
                continue  # a marker line is never itself a finding
            hit = [
                i
                for i, m in enumerate(in_doc)
                if m.start <= d.start < max(m.end, m.start + 1) and _covers(m.tokens, d.code)
            ]
            rows = [e.row for e in entries if _covers(e.tokens, d.code)]
            if hit or rows:
                used_markers.update(hit)
                used_rows.update(rows)
            else:
                kept.append(d)
        if self.report_unused:
            kept.extend(
                self._unused(doc, m)
                for i, m in enumerate(in_doc)
                if i not in used_markers and self._judged(m.tokens)
            )
            kept.sort(key=lambda d: (d.start, d.end, d.code))
        return kept, frozenset(used_rows)

    def _judged(self, tokens: tuple[str, ...]) -> bool:
        """Only a suppression of a code that ran can be known to be unused."""
        return any(_covers(tokens, code) for code in self._ran if code != UNUSED)

    def _unused(self, doc: Document, marker: Marker) -> Diagnostic:
        line = doc.lines[marker.row - 1]
        fix = Fix.safe("Remove the marker", delete_lines(doc, marker.row, marker.row))
        return Diagnostic(
            UNUSED,
            UNUSED_NAME,
            f"Unused suppression: `{marker.text}` suppressed nothing",
            line.start,
            line.end,
            Severity.WARNING,
            fix,
        )

    def unused_entries(self, linted: Iterable[str], used_rows: Iterable[int]) -> list[SidecarEntry]:
        """Sidecar entries that matched a linted file, for a code that ran, yet hid nothing."""
        if self.sidecar is None or not self.report_unused:
            return []
        used = set(used_rows)
        matched: set[int] = set()
        for path in linted:
            matched.update(e.row for e in self.sidecar.matching(path))
        return [
            e
            for e in self.sidecar.entries
            if e.row in matched and e.row not in used and self._judged(e.tokens)
        ]

    def unused_entry_diagnostic(self, doc: Document, entry: SidecarEntry) -> Diagnostic:
        line = doc.lines[entry.row - 1]
        return Diagnostic(
            UNUSED,
            UNUSED_NAME,
            f"Unused suppression: `{line.text.strip()}` suppressed nothing",
            line.start,
            line.end,
            Severity.WARNING,
        )
