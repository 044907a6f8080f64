"""The screen: which checks could report anything on a document, found in one pass.

Every check may declare a prefilter, a pattern each document it could report
must match (rule.py). Before the checks run, the engine asks this screen which
prefilters match; a check whose prefilter does not match is skipped. Clean
news matches few, so a clean document costs about one scan however many rules
are selected. The screen only ever skips work: a check it lets through still
decides for itself, and `fast-path = false` runs every check on every document
(tests/test_fast_path.py holds the two ways equal).

Two engines do the scan:

- Hyperscan (Intel's multi-pattern matcher) runs the prefilters at once in a
  single pass: on the bench corpus the screen fell from 160 to 41 µs a
  document (bench/RESULTS.md). Compiling its database costs a few hundred
  milliseconds, so it is built only in a process that will screen (the
  engine says so up front) or has screened `HYPERSCAN_AFTER` documents: a
  long run pays it back, a pre-commit run on a few files never pays it.
  Patterns it might read differently from RE2 (Unicode case folding,
  `\\p{..}` classes) or compile slowly (long bounded repeats) stay with RE2,
  as does everything on a platform without Hyperscan's wheels.
- RE2's FilteredRE2 finds the literal strings ("atoms") each prefilter needs
  in one scan, and the prefilters whose atoms are present (or that have none)
  are then confirmed one by one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import re2
from re2 import _re2

from corpuslint.engine.registry import RegistryError
from corpuslint.engine.rule import Check, re2_options

# Documents a process screens with RE2 before it builds the Hyperscan database.
HYPERSCAN_AFTER = 2_000
# Hyperscan compiles a bounded repeat by unrolling it, and a long pattern (a whole pack
# entry) into a large automaton: seconds for one such prefilter. RE2 keeps those.
HYPERSCAN_MAX_PATTERN = 1000
HYPERSCAN_MAX_REPEAT = 100
_REPEAT_BOUND = re.compile(r"\{\d*,(\d+)\}")


class PrefilterSet:
    """Every selected check's prefilter, screened in one pass over a document."""

    def __init__(self, checks: Sequence[Check], *, screen: bool = True,
                 hyperscan_after: int = HYPERSCAN_AFTER) -> None:
        self._always = [c for c in checks if c.prefilter is None or not screen]
        self._filtered = [c for c in checks if c.prefilter is not None and screen]
        self._order = {id(c): i for i, c in enumerate(checks)}
        try:
            self._re2 = Re2Screen([c.prefilter for c in self._filtered]) if self._filtered else None  # type: ignore[misc]
        except BadPrefilter as bad:
            check = self._filtered[bad.index]
            raise RegistryError(f"rule {check.info.code} ({check.info.origin}): prefilter "
                                f"{check.prefilter!r} is not RE2 syntax: {bad}") from None
        self._hyperscan: HyperscanScreen | None = None
        self._hyperscan_after = hyperscan_after
        self._screened = 0

    def expect(self, documents: int) -> None:
        """Build the Hyperscan screen now if this process will screen enough documents to repay it."""
        if 0 < self._hyperscan_after <= documents:
            self._switch_to_hyperscan()

    def _switch_to_hyperscan(self) -> None:
        if self._re2 is not None:
            self._hyperscan = HyperscanScreen.build(self._re2)
        self._hyperscan_after = 0  # built (or not available): never again

    def candidates(self, text: str) -> list[Check]:
        """The checks to run on `text`, in registry order."""
        if self._re2 is None:
            return self._always
        encoded = text.encode()
        self._screened += 1
        if self._screened == self._hyperscan_after:
            self._switch_to_hyperscan()
        if self._hyperscan is not None:
            matched = self._hyperscan.matches(encoded)
        else:
            matched = self._re2.matches(encoded)
        if not matched:
            return self._always
        hits = [self._filtered[i] for i in matched]
        return sorted([*self._always, *hits], key=lambda c: self._order[id(c)])


class BadPrefilter(ValueError):
    """A prefilter RE2 cannot compile: its index and RE2's reason."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(reason)
        self.index = index


class Re2Screen:
    """The prefilters that match, by RE2: a FilteredRE2 atom scan, then a confirmation each."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = list(patterns)
        # Compiled on first use: a short run needs few of them and each costs ~2 ms.
        self._compiled: list[Any] = [None] * len(patterns)
        self._filter = re2.Filter()
        for i, pattern in enumerate(patterns):
            try:
                self._filter.Add(pattern, re2_options())
            except re2.error as error:
                raise BadPrefilter(i, str(error)) from None
        self._filter.Compile()
        # Rules of one family may share a prefilter (B201-B203): confirm each pattern once.
        first: dict[str, int] = {}
        self._same = [first.setdefault(pattern, i) for i, pattern in enumerate(self.patterns)]

    def matches(self, encoded: bytes) -> list[int]:
        """Indices of the prefilters that match the UTF-8 text."""
        potential = self._filter.Match(encoded, potential=True) or ()  # None when nothing could match
        confirmed: dict[int, bool] = {}
        found = []
        for i in potential:
            same = self._same[i]
            if same not in confirmed:
                confirmed[same] = self._confirm(same, encoded)
            if confirmed[same]:
                found.append(i)
        return found

    def _confirm(self, i: int, encoded: bytes) -> bool:
        pattern = self._compiled[i]
        if pattern is None:
            # RE2's own object, not the `re`-like wrapper, whose search costs twice as much
            # in Python bookkeeping (offsets into str) as the match itself on an article.
            pattern = self._compiled[i] = _re2.RE2(self.patterns[i].encode(), re2_options())
        return pattern.Match(_UNANCHORED, encoded, 0, len(encoded))[0][0] >= 0


_UNANCHORED = _re2.RE2.Anchor.UNANCHORED


class HyperscanScreen:
    """The prefilters Hyperscan can run, in one database; a smaller RE2 screen for the rest."""

    def __init__(self, database: Any, ids: list[int], rest: list[int], re2_screen: Re2Screen) -> None:
        self._database = database
        self.ids = ids  # Hyperscan's expression id -> prefilter index
        self._rest = rest  # the RE2 screen's index -> prefilter index
        self._rest_screen = Re2Screen([re2_screen.patterns[i] for i in rest]) if rest else None
        self._all = re2_screen

    @classmethod
    def build(cls, re2_screen: Re2Screen) -> HyperscanScreen | None:
        """The screen, or None where Hyperscan is not installed or takes none of the patterns."""
        try:
            import hyperscan
        except ImportError:
            return None
        patterns = re2_screen.patterns
        ids = [i for i, p in enumerate(patterns) if reads_like_re2(p)]
        if not ids:
            return None
        flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_ALLOWEMPTY
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        try:
            database.compile(expressions=[patterns[i].encode() for i in ids],
                             ids=list(range(len(ids))), flags=[flags] * len(ids))
        except hyperscan.error:
            return None  # RE2 screens everything, as before
        taken = set(ids)
        return cls(database, ids, [i for i in range(len(patterns)) if i not in taken], re2_screen)

    def matches(self, encoded: bytes) -> list[int]:
        """Indices of the prefilters that match: Hyperscan's, then RE2's for the rest."""
        if _FOLDS_TO_ASCII[0] in encoded or _FOLDS_TO_ASCII[1] in encoded:
            return self._all.matches(encoded)
        found: list[int] = []
        self._database.scan(encoded, match_event_handler=_collect, context=found)
        matched = [self.ids[i] for i in found]
        if self._rest_screen is not None:
            matched += [self._rest[i] for i in self._rest_screen.matches(encoded)]
        return sorted(matched)


# The two non-ASCII letters RE2's case folding maps onto ASCII ones (ſ ~ s, Kelvin K ~ k),
# which Hyperscan's ASCII caseless matching would not see: a document with either is RE2's.
_FOLDS_TO_ASCII = ("\u017f".encode(), "\u212a".encode())


def _collect(expression: int, start: int, end: int, flags: int, found: list[int]) -> None:
    found.append(expression)  # once per expression: HS_FLAG_SINGLEMATCH


def reads_like_re2(pattern: str) -> bool:
    """Whether Hyperscan (PCRE syntax, no Unicode mode) matches wherever RE2 does, and compiles fast.

    Without Unicode mode Hyperscan's `\\w`, `\\d`, `\\b` are ASCII, like RE2's, and
    its `\\s` and `$` match a little more, which a screen may. It could differ on
    case folding beyond ASCII and on Unicode classes, so a caseless pattern with
    a cased non-ASCII letter, or one with a Unicode class, stays with RE2; so
    does a long one or one with a long bounded repeat, whose compile would cost
    more than the screen saves.
    """
    if len(pattern) > HYPERSCAN_MAX_PATTERN or "\\p" in pattern or "\\P" in pattern:
        return False
    if any(int(bound) >= HYPERSCAN_MAX_REPEAT for bound in _REPEAT_BOUND.findall(pattern)):
        return False
    return "(?i" not in pattern or all(ch.lower() == ch.upper() for ch in pattern if not ch.isascii())
