"""W104: words from a dictionary of common English misspellings.

The table (checks/data/misspellings.tsv) is a subset of the dictionary of
typos (crate-ci/typos, MIT OR Apache-2.0), chosen by
scripts/build_misspellings.py; it holds only words that are never right, and
typos accepts British and American spellings alike, so "colour" and "color"
both pass. The text's words meet the table in one set intersection (in C);
only a text that holds a listed word is searched for where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

TABLE = Path(__file__).parent / "data" / "misspellings.tsv"
# Everything but a letter becomes a space, so that str.split (in C) yields the text's words.
_SPACES = str.maketrans({c: " " for c in "".join(map(chr, range(128))) + "’‘“”–—…•·«»"
                         if not c.isalpha() or not c.isascii()})
# Characters that join a word to its neighbours (a URL, an e-mail, a handle, a hyphenated word).
_JOINERS = frozenset("@#/\\_-.'’")


@cache
def misspellings() -> dict[str, tuple[str, ...]]:
    """misspelling -> its corrections, read on first use (the table is ~40,000 lines)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            wrong, rights = line.split("\t")
            table[wrong] = tuple(rights.split(","))
    return table


@cache
def _keys() -> frozenset[str]:
    return frozenset(misspellings())


def _is_word_at(text: str, start: int, end: int) -> bool:
    """The hit is a whole word: letters do not go on, nor does a joiner lead into another word."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before in _JOINERS and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or (after in _JOINERS and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
    return True


def _starts_sentence(text: str, start: int) -> bool:
    """Only opening punctuation and spaces between the word and a line start or a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in "\n\r.!?:"


def _cased(correction: str, written: str) -> str:
    return correction[:1].upper() + correction[1:] if written[:1].isupper() else correction


class Misspelling(Rule):
    """A word from a dictionary of common English misspellings.

    ## What it finds
    Words such as "recieve", "goverment", "definately", "accomodate" or
    "untill", from a table of about 21,000 misspellings drawn from the typos
    project's dictionary (crate-ci/typos, MIT OR Apache-2.0). British and
    American spellings are both correct ("colour", "color", "organise",
    "organize"). A capitalised word is checked only at the start of a
    sentence: anywhere else it may be a name ("Vientam Road"), and names are
    never flagged; nor are words in capitals, in URLs, handles or e-mail
    addresses.

    ## Why it matters
    A misspelling in a corpus is learnt as a spelling: a model trained on it
    reproduces it, and search and deduplication miss the word.

    ## Example
    Before: `The goverment said families would recieve the money in March.`
    After: `The government said families would receive the money in March.`

    ## Fix safety
    Unsafe: the correction is the dictionary's only one, but the text may
    quote a misspelling on purpose (a sign, a tweet, a name), so the change
    is worth a glance. A word with several corrections ("wether": weather
    or whether) is reported without a fix.
    """

    code = "W104"
    name = "misspelling"
    severity = Severity.WARNING
    # Off by default: a 44,000-word lookup on every document costs more than the rest of the
    # default pass's per-document budget allows (docs/recall.md); `--extend-select W104`.
    enabled_by_default = False
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): offsets shift
            return
        table = misspellings()
        # The common case in one C-speed step: no word of the text is in the table (the set of the
        # text's words is the smaller, so the intersection walks it, not the table).
        found = set(lowered.translate(_SPACES).split()).intersection(_keys())
        if not found:
            return
        places = re.compile("|".join(sorted(found, key=len, reverse=True)))
        for match in places.finditer(lowered):
            start, end, wrong = match.start(), match.end(), match.group()
            if not _is_word_at(text, start, end):
                continue
            written = text[start:end]
            if not (written.islower() or (written[1:].islower() and _starts_sentence(text, start))):
                continue
            rights = [_cased(right, written) for right in table[wrong]]
            options = '" or "'.join(rights)
            fix = None
            if len(rights) == 1:  # "wether" may be "weather" or "whether": a person chooses
                fix = Fix.unsafe(f'Replace with "{rights[0]}"', Edit(start, end, rights[0]))
            yield self.diagnostic(start, end, f'Misspelling "{written}" (for "{options}")', fix)


RULES = (Misspelling,)
