"""M: markdown syntax left in text that is not markdown (links, escapes, heading markers).

A `.md` file is markdown by format, so these rules leave it alone (`is_markdown`);
in a `.txt` article or a record, the same syntax is conversion residue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.model.edits import delete_lines, removal_between_words
from corpuslint.sources.compressed import inner_name

_MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(doc: Document) -> bool:
    """A document stored as markdown (compressed or not), where markdown syntax is its format."""
    return inner_name(doc.path).lower().endswith(_MARKDOWN_SUFFIXES)


# A link target: a URL, a path, an anchor or a mail address, never a plain
# word, so "[sic](2004)" is not a link.
_TARGET = r"[^\s()<>]*[./:#][^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*"
_MARKDOWN_LINK = re.compile(
    rf"""(?P<image>!?)\[(?P<text>[^\[\]\n]*)\]\(\s*<?(?P<target>{_TARGET})>?(?:\s+"[^"\n]*")?\s*\)"""
)


class MarkdownLink(Rule):
    """Markdown link or image syntax left in the text.

    ## What it finds
    Inline markdown links `[text](url)` and images `![alt](src)`, with an
    optional title, from an HTML-to-markdown conversion. The target must
    look like a URL or a path, so a bracketed aside followed by a
    parenthesis is not taken for a link. Files stored as markdown (`.md`)
    are not checked: there the syntax is the format.

    ## Why it matters
    The brackets and the URL are markup, not prose: they break sentences,
    put URLs where words were, and teach a model to write markdown where
    the corpus should hold plain news text.

    ## Example
    Before: `[Blinken](https://www.state.gov/secretary) met Gantz.`
    After: `Blinken met Gantz.`

    ## Fix safety
    Safe: the fix keeps the link text (or the image's alt text) that a
    reader of the page saw, and drops the brackets and the target. An
    image without alt text is removed, with its line when it stood alone.
    """

    code = "M104"
    name = "markdown-link"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"\]\(\s*<?[^\s()<>]*[./:#]"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if is_markdown(doc):
            return
        for line in doc.lines:
            if "](" not in line.text:
                continue
            for match in _MARKDOWN_LINK.finditer(line.text):
                start, end = line.start + match.start(), line.start + match.end()
                kept = match["text"].strip()
                kind = "image" if match["image"] else "link"
                if kept:
                    fix = Fix.safe(f"Keep only the {kind} text", Edit(start, end, kept))
                elif line.text.replace(match.group(), "").strip():
                    edit = removal_between_words(doc.text, start, end, inline=True)
                    fix = Fix.safe(f"Delete the {kind}", edit)
                else:
                    fix = Fix.safe(f"Delete the {kind}", delete_lines(doc, line.row, line.row))
                yield self.diagnostic(start, end, f"Markdown {kind} syntax", fix)


_ESCAPED = r"\\[*_#\[\]()`+!>~|{}.-]"
_MARKDOWN_ESCAPE = re.compile(_ESCAPED)


class MarkdownEscape(Rule):
    r"""Backslash escape left by a markdown conversion.

    ## What it finds
    A backslash before a character that markdown would otherwise read as
    markup: `\_`, `\*`, `\#`, `\[`, `\]`, `` \` ``, `\-`, `\.` and the
    like, as html2text and pandoc write them. A backslash before a letter,
    a digit or another backslash (`C:\Users`, LaTeX's `\frac`) is not one,
    nor is the shrug `¯\_(ツ)_/¯`. Files stored as markdown (`.md`) are
    not checked: there the escape is the format.

    ## Why it matters
    The escape is meant for a markdown renderer that never ran: the reader
    sees `Prince\_Harry` or `\#MeToo`, and search and tokenisers see a
    different word from the one the article used.

    ## Example
    Before: `The \#MeToo campaign named 5\* hotels.`
    After: `The #MeToo campaign named 5* hotels.`

    ## Fix safety
    Safe: the fix deletes only the backslash; the character it escaped
    stays, which is what the rendered markdown would have shown.
    """

    code = "M105"
    name = "markdown-escape"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = _ESCAPED

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if is_markdown(doc):
            return
        text = doc.text
        for match in _MARKDOWN_ESCAPE.finditer(text):
            start = match.start()
            if start > 0 and text[start - 1] in "\\¯":
                continue  # `\\_` is an escaped backslash; `¯\_(ツ)_/¯` a shrug
            fix = Fix.safe("Delete the backslash", Edit(start, start + 1))
            yield self.diagnostic(start, match.end(), f"Markdown escape {match.group()}", fix)


_HEADING = re.compile(r"(#{1,6})[ \t]+(?=[^\s#])(?:.*?)(?P<closing>[ \t]+#+)?[ \t]*")


class MarkdownHeadingMarker(Rule):
    """Markdown heading marker at the start of a line.

    ## What it finds
    One to six `#` and a space opening a line (`## Blinken meets…`), and the
    optional closing `#`s, left by a page converted to markdown. A hashtag
    (`#MeToo`) has no space after the `#` and is not one. Files stored as
    markdown (`.md`) are not checked: there the marker is the format.

    ## Why it matters
    The marker is not part of the headline: it breaks headline extraction
    and matching, and teaches a model to start articles with `##`.

    ## Example
    Before: `## Blinken meets with Israeli opposition leaders amid Gaza truce push`
    After: `Blinken meets with Israeli opposition leaders amid Gaza truce push`

    ## Fix safety
    Safe: only the `#` marks and the spaces after them go; the heading's
    words stay as they were.
    """

    code = "M107"
    name = "markdown-heading-marker"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"(?:^|[\r\n])#{1,6}[ \t]+[^\s#]"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if is_markdown(doc):
            return
        for line in doc.lines:
            match = _HEADING.fullmatch(line.text) if line.text.startswith("#") else None
            if match is None:
                continue
            marker = match.group(1)
            words_at = len(line.text) - len(line.text[len(marker):].lstrip(" \t"))
            edits = [Edit(line.start, line.start + words_at)]
            if match["closing"]:
                edits.append(Edit(line.start + match.start("closing"), line.end))
            fix = Fix.safe("Remove the heading marker", *edits)
            message = f"Markdown heading marker {marker!r}"
            yield self.diagnostic(line.start, line.start + len(marker), message, fix)


RULES = (MarkdownLink, MarkdownEscape, MarkdownHeadingMarker)
