"""Apply fixes to a document until it settles: the core of `check --fix`.

One pass applies every allowed fix whose edits do not overlap a fix taken
earlier in the same pass (in text order: the first wins, the other waits for
the next pass, when it is found again on the new text). Then the document is
linted again, and so on until no allowed fix is left. Rules that never settle
(a cycle, or more than MAX_PASSES passes) are named and the document is left
as it was: half a fix is worse than none in an unattended run.

The fixer keeps the document's newline style and final newline itself, so a
rule's replacement written with "\\n" cannot put a LF into a CRLF file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from corpuslint.fix.safewrite import WriteError, encode, first_invalid_utf8, write_atomic
from corpuslint.model.diagnostic import Applicability, Diagnostic, Edit
from corpuslint.model.document import Document
from corpuslint.model.edits import apply_edits

MAX_PASSES = 10
_BREAK = re.compile(r"\r\n|\r|\n")
_TRAILING_BREAKS = re.compile(r"(?:\r\n|\r|\n)+\Z")

Lint = Callable[[Document], Sequence[Diagnostic]]


@dataclass(frozen=True, slots=True)
class FixPolicy:
    """Which fixes a run may apply: safe ones, unsafe ones when asked, never display-only.

    `codes` is what the config's `fixable` / `unfixable` leave fixable (None: every code).
    """

    unsafe: bool = False
    codes: frozenset[str] | None = None

    def allows(self, diagnostic: Diagnostic) -> bool:
        fix = diagnostic.fix
        if fix is None or fix.applicability is Applicability.DISPLAY_ONLY:
            return False
        if fix.applicability is Applicability.UNSAFE and not self.unsafe:
            return False
        return self.codes is None or diagnostic.code in self.codes


@dataclass(frozen=True, slots=True)
class FixMode:
    """What the command line asked for: which fixes, and whether to write or only show a diff."""

    unsafe: bool = False
    diff: bool = False


@dataclass(frozen=True, slots=True)
class FixResult:
    """A document after fixing, and how it got there.

    `applied` pairs each applied diagnostic with the document it was found in
    (its offsets refer to that pass's text). `remaining` are the diagnostics
    of `doc`. When rules did not settle, `unsettled` names them and `doc` is
    the original with its original diagnostics (`initial`).
    """

    original: Document
    doc: Document
    applied: tuple[tuple[Document, Diagnostic], ...]
    remaining: tuple[Diagnostic, ...]
    initial: tuple[Diagnostic, ...]
    passes: int
    unsettled: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.doc.text != self.original.text or self.doc.encoding != self.original.encoding


def fix_document(
    doc: Document, lint: Lint, policy: FixPolicy = FixPolicy(), max_passes: int = MAX_PASSES
) -> FixResult:
    """Fix `doc` to a fixed point of `lint` (at most `max_passes` passes that change it)."""
    original, newline, final_newline = doc, _newline(doc.text), _ends_with_break(doc.text)
    applied: list[tuple[Document, Diagnostic]] = []
    history: list[tuple[str, str]] = [(doc.text, doc.encoding)]  # the state before each pass
    codes_per_pass: list[set[str]] = []
    first: Sequence[Diagnostic] | None = None
    for _ in range(max_passes + 1):
        found = lint(doc)
        first = found if first is None else first
        chosen = _non_overlapping([d for d in found if policy.allows(d)])
        if not chosen:
            return FixResult(
                original, doc, tuple(applied), tuple(found), tuple(first), len(codes_per_pass)
            )
        if len(codes_per_pass) == max_passes:
            involved = codes_per_pass[-1] | {d.code for d in chosen}
            break
        fixed = _apply(doc, chosen, newline, final_newline)
        applied.extend((doc, d) for d in chosen)
        codes_per_pass.append({d.code for d in chosen})
        state = (fixed.text, fixed.encoding)
        if state in history:  # a cycle, or fixes that change nothing: never settles
            involved = set().union(*codes_per_pass[history.index(state) :])
            break
        history.append(state)
        doc = fixed
    assert first is not None
    return FixResult(
        original,
        original,
        (),
        tuple(first),
        tuple(first),
        len(codes_per_pass),
        unsettled=tuple(sorted(involved)),
    )


def _non_overlapping(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The fixes to take this pass: in text order, each unless it overlaps one already taken."""
    taken: list[Diagnostic] = []
    spans: list[Edit] = []
    encoding: str | None = None
    for d in sorted(diagnostics, key=lambda d: (d.fix.start, d.fix.end, d.start)):  # type: ignore[union-attr]
        fix = d.fix
        assert fix is not None
        if any(_overlap(a, b) for a in fix.edits for b in spans):
            continue
        if fix.encoding is not None and encoding not in (None, fix.encoding):
            continue
        taken.append(d)
        spans.extend(fix.edits)
        encoding = fix.encoding or encoding
    return taken


def _overlap(a: Edit, b: Edit) -> bool:
    """Two edits clash when their spans intersect or both start at one offset (order unknown)."""
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def _apply(
    doc: Document, chosen: Sequence[Diagnostic], newline: str, final_newline: bool
) -> Document:
    edits = [
        Edit(e.start, e.end, _with_newline(e.content, newline))
        for d in chosen
        if d.fix
        for e in d.fix.edits
    ]
    text = _keep_final_newline(apply_edits(doc.text, edits), final_newline, newline)
    encoding = next((d.fix.encoding for d in chosen if d.fix and d.fix.encoding), doc.encoding)
    return relinted(doc, text, encoding)


def relinted(doc: Document, text: str, encoding: str) -> Document:
    """A new Document for fixed text, stored as `doc` was (or in `encoding`), ready to lint again.

    `decode_error` is found again where the re-encoded text stops being UTF-8,
    so U002 keeps pointing at a real byte after other fixes moved it.
    """
    decode_error = None
    if encoding != "utf-8":
        try:
            decode_error = first_invalid_utf8(encode(text, encoding))
        except WriteError:
            decode_error = doc.decode_error
    return Document(text, doc.path, bom=doc.bom, encoding=encoding, decode_error=decode_error,
                    record=doc.record)


def _newline(text: str) -> str:
    """The document's newline style: its first line break, or "\\n" when it has none."""
    found = _BREAK.search(text)
    return found.group() if found else "\n"


def _ends_with_break(text: str) -> bool:
    return text.endswith(("\n", "\r"))


def _with_newline(content: str, newline: str) -> str:
    if newline == "\n" and "\r" not in content:
        return content
    return _BREAK.sub(newline, content)


def _keep_final_newline(text: str, final_newline: bool, newline: str) -> str:
    """End the text as the original ended: with a line break, or without one."""
    if final_newline and text and not _ends_with_break(text):
        return text + newline
    if not final_newline:
        return _TRAILING_BREAKS.sub("", text)
    return text


@dataclass(frozen=True, slots=True)
class FileFix:
    """What fixing one file did. When nothing was written (changed on disk, an error),
    `applied` is empty and `remaining` are the original's diagnostics.
    """

    doc: Document
    applied: tuple[tuple[Document, Diagnostic], ...]
    remaining: tuple[Diagnostic, ...]
    diff: str = ""
    output: bytes | None = None
    warning: str | None = None
    error: str | None = None


def fix_file(
    doc: Document, lint: Lint, policy: FixPolicy, mode: FixMode, *, to_stdout: bool = False
) -> FileFix:
    """Fix one document read from `doc.path`, then write it back, print it (stdin) or diff it."""
    result = fix_document(doc, lint, policy)
    warning = None
    if result.unsettled:
        warning = (
            f"fixes did not settle after {result.passes} passes "
            f"({', '.join(result.unsettled)}); file left as it was"
        )
    unchanged = FileFix(doc, (), result.initial, warning=warning)
    try:
        data = encode(result.doc.text, result.doc.encoding, result.doc.bom)
        if mode.diff:
            return FileFix(
                result.doc,
                result.applied,
                result.remaining,
                diff=unified_diff(result),
                warning=warning,
            )
        if to_stdout:
            return FileFix(
                result.doc, result.applied, result.remaining, output=data, warning=warning
            )
        if not result.changed:
            return FileFix(result.doc, (), result.remaining, warning=warning)
        if not write_atomic(doc.path, data, expected=encode(doc.text, doc.encoding, doc.bom)):
            return replace(
                unchanged, warning="changed on disk since it was read; fixes not written"
            )
    except WriteError as error:
        return replace(unchanged, error=str(error))
    return FileFix(result.doc, result.applied, result.remaining)


def unified_diff(result: FixResult) -> str:
    """The change as a unified diff (empty when there is none); re-encoding shows in the header."""
    if not result.changed:
        return ""
    before, after = result.original, result.doc
    old, new = before.path, after.path
    if before.encoding != after.encoding:
        old, new = f"{old}\t({before.encoding})", f"{new}\t({after.encoding})"
    lines = list(
        difflib.unified_diff(
            before.text.splitlines(keepends=True), after.text.splitlines(keepends=True), old, new
        )
    )
    if not lines:
        return f"--- {old}\n+++ {new}\n"
    no_newline = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith(("\n", "\r")) else line + no_newline for line in lines)
