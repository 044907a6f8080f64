"""M: markup and conversion residue that a scraper or converter left in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.document import Document
from corpuslint.rule import FixAvailability, Rule

# A URL stops at white space and at the characters that close a LaTeX wrapper.
_URL = r"https?://[^\s${}]+"
_LATEX_URL = re.compile(
    rf"""
      \$?\\href\{{\s*(?P<href>{_URL})\s*\}}\{{(?P<text>[^{{}}\n]*)\}}\$?
    | \$\\frac\{{\s*(?P<frac>{_URL})\s*\}}?\s*\$
    | \$?\\url\{{\s*(?P<url>{_URL})\s*\}}\$?
    | \$\s*(?P<dollar>{_URL})\s*\$
    """,
    re.VERBOSE,
)


class LatexWrappedUrl(Rule):
    """LaTeX wrapper around a URL.

    ## What it finds
    A URL wrapped in LaTeX by a converter: `$\\frac{https://…$`, `$\\url{…}$`,
    `\\url{…}`, `$https://…$` and `\\href{url}{text}`. Dollar amounts ("$1m",
    "$2.35bn") are never taken for LaTeX: the wrapper must hold a URL.

    ## Why it matters
    The wrapper is noise to every consumer of the corpus: search indexes a
    token like `$\\frac{https`, a model learns to emit LaTeX around links, and
    the URL itself no longer parses.

    ## Example
    Before: ` $\\frac{https://www.radiohc.cu/en/noticias/357113-blinken$ `
    After: `https://www.radiohc.cu/en/noticias/357113-blinken`

    ## Fix safety
    Safe: the fix keeps the URL (or, for `\\href`, the link text the reader
    saw) and drops only the wrapper, and the spaces around it when the
    wrapper stands alone on its line.
    """

    code = "M101"
    name = "latex-wrapped-url"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"\\(?:url|href|frac)\{|\$\s*https?://"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in _LATEX_URL.finditer(text):
            start, end = match.span()
            if match["href"] is not None:
                replacement, title = match["text"].strip(), "Replace with the link text"
            else:
                replacement = match["frac"] or match["url"] or match["dollar"]
                title = "Unwrap the URL"
            fix_start, fix_end = _alone_on_line(text, start, end)
            fix = Fix.safe(title, Edit(fix_start, fix_end, replacement))
            yield self.diagnostic(start, end, "LaTeX wrapper around a URL", fix)


def _alone_on_line(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) over the spaces around it when nothing else is on its line."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = len(text)
    for brk in ("\n", "\r"):
        found = text.find(brk, end)
        if found != -1:
            line_end = min(line_end, found)
    if text[line_start:start].strip(" \t") or text[end:line_end].strip(" \t"):
        return start, end
    return line_start, line_end


RULES = (LatexWrappedUrl,)
