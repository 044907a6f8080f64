"""H4xx: FineWeb's heuristics, decision for decision as datatrove's FineWebQualityFilter.

Off by default: `--extend-select H4`. Lines are the non-blank lines split at line feeds.
With `[tool.corpuslint.quality] fineweb-after-c4 = 1` the rules measure the text
C4 keeps, as FineWeb's own pipeline (C4QualityFilter, then this filter) does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from corpuslint.article.linestats import FINEWEB_SHORT_LINE, FineWebStats, fineweb, fineweb_after_c4
from corpuslint.checks.quality_limits import QualityRule, number
from corpuslint.model.document import Document

_DROPPED = """
    ## Fix safety
    There is no fix: the document is dropped.
"""


class _FineWebRule(QualityRule):
    stats = fineweb

    @classmethod
    def statistics(cls, limits: Mapping[str, float]) -> Callable[[Document], Any]:
        return fineweb_after_c4 if limits.get("fineweb-after-c4") else fineweb


class FewPunctuatedLines(_FineWebRule):
    __doc__ = """Too few lines end in terminal punctuation (datatrove: line_punct_ratio).

    ## What it finds
    A share of non-blank lines ending in a sentence-final mark below `fineweb-line-punct-thr` (0.12).

    ## Why it matters
    Text that never ends a sentence is navigation, a list or a table.

    ## Example
    Before: `Home` / `News` / `Sport` / `Weather`
    After: the document is dropped.
    """ + _DROPPED

    code = "H401"
    name = "few-punctuated-lines"
    keys = ("fineweb-line-punct-thr",)

    def verdict(self, s: FineWebStats) -> str | None:
        limit = self.limits["fineweb-line-punct-thr"]
        if s.lines and s.punctuated_lines / s.lines < limit:
            return (f"lines ending in punctuation {s.punctuated_lines} of {s.lines} "
                    f"({number(s.punctuated_lines / s.lines)}); at least {number(limit)} required")
        return None


class MostlyShortLines(_FineWebRule):
    __doc__ = f"""Most lines are short (datatrove: short_line_ratio).

    ## What it finds
    A share of non-blank lines of at most {FINEWEB_SHORT_LINE} characters above `fineweb-short-line-thr` (0.67).

    ## Why it matters
    Pages of short lines are menus, tag lists and tables.

    ## Example
    Before: `Share` / `Tweet` / `Email` / `Print`
    After: the document is dropped.
    """ + _DROPPED

    code = "H402"
    name = "mostly-short-lines"
    keys = ("fineweb-short-line-thr",)

    def verdict(self, s: FineWebStats) -> str | None:
        limit = self.limits["fineweb-short-line-thr"]
        if s.lines and s.short_lines / s.lines > limit:
            return (f"lines of at most {FINEWEB_SHORT_LINE} characters {s.short_lines} of {s.lines} "
                    f"({number(s.short_lines / s.lines)}); at most {number(limit)}")
        return None


class DuplicatedLineCharacters(_FineWebRule):
    __doc__ = """Repeated lines hold more than FineWeb allows (datatrove: char_dup_ratio).

    ## What it finds
    Characters in non-blank lines equal to an earlier line, as a share of the
    text without line feeds, above `fineweb-char-duplicates-ratio` (0.01).

    ## Why it matters
    Even a little repeated boilerplate marks a page template rather than an article.

    ## Example
    Before: `Advertisement` after every third paragraph.
    After: the document is dropped.
    """ + _DROPPED

    code = "H403"
    name = "duplicated-line-characters"
    keys = ("fineweb-char-duplicates-ratio",)

    def verdict(self, s: FineWebStats) -> str | None:
        limit = self.limits["fineweb-char-duplicates-ratio"]
        if s.lines and s.characters and s.duplicate_line_chars / s.characters > limit:
            return (f"characters in repeated lines {s.duplicate_line_chars} of {s.characters} "
                    f"({number(s.duplicate_line_chars / s.characters)}); at most {number(limit)}")
        return None


class ListLikeLines(_FineWebRule):
    __doc__ = """Too many line breaks per word (datatrove: list_ratio).

    ## What it finds
    Line feeds per word above `fineweb-new-line-ratio` (0.3).

    ## Why it matters
    A text broken every few words is a list, not prose.

    ## Example
    Before: `Apples` / `Pears` / `Plums, ripe`
    After: the document is dropped.
    """ + _DROPPED

    code = "H404"
    name = "list-like-lines"
    keys = ("fineweb-new-line-ratio",)

    def verdict(self, s: FineWebStats) -> str | None:
        limit = self.limits["fineweb-new-line-ratio"]
        if s.lines and s.words and s.newlines / s.words > limit:
            return (f"line feeds {s.newlines} per {s.words} words ({number(s.newlines / s.words)}); "
                    f"at most {number(limit)}")
        return None


class BlankDocument(_FineWebRule):
    __doc__ = """The document has no non-blank line (datatrove: empty).

    ## What it finds
    A document that is empty or only whitespace.

    ## Why it matters
    It holds nothing; FineWeb drops it before measuring.

    ## Example
    Before: a record whose text is `"\\n\\n"`.
    After: the document is dropped.
    """ + _DROPPED

    code = "H405"
    name = "blank-document"

    def verdict(self, s: FineWebStats) -> str | None:
        return None if s.lines else "no non-blank line"


RULES = (FewPunctuatedLines, MostlyShortLines, DuplicatedLineCharacters, ListLikeLines, BlankDocument)
