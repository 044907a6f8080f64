"""M: markup and conversion residue that a scraper or converter left in the text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.model.edits import delete_lines, removal_between_words

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


def is_latex_url_line(line: str) -> bool:
    """True when a LaTeX-wrapped URL stands alone on the line (M101 trims its spaces)."""
    return _LATEX_URL.fullmatch(line.strip(" \t")) is not None


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class HtmlEntity(Rule):
    """HTML character reference left in the text.

    ## What it finds
    Named, decimal and hexadecimal character references that HTML defines
    (`&amp;`, `&nbsp;`, `&#8217;`, `&#163;`, `&#x2019;`), with their closing
    semicolon. A bare ampersand (`AT&T`, `R&D`) or an unknown name
    (`&foo;`) is not one.

    ## Why it matters
    The scraper copied the page's source instead of its text: readers and
    models see `&#163;8m` where the article said £8m, and search for "£8m"
    misses it.

    ## Example
    Before: `Tottenham bid &#163;8m for Forest duo`
    After: `Tottenham bid £8m for Forest duo`

    ## Fix safety
    Safe: the fix is what a browser shows, `html.unescape` of the reference,
    and nothing else changes. (`&nbsp;` becomes a no-break space; U106 then
    reports it if it stands between two words.)
    """

    code = "M102"
    name = "html-entity"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = _ENTITY.pattern

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in _ENTITY.finditer(doc.text):
            reference = match.group()
            if not reference.startswith("&#") and reference[1:] not in html5:
                continue
            decoded = html.unescape(reference)
            if decoded == reference:
                continue
            fix = Fix.safe(f"Replace with {decoded!r}", Edit(match.start(), match.end(), decoded))
            message = f"HTML entity {reference} (for {decoded!r})"
            yield self.diagnostic(match.start(), match.end(), message, fix)


_INLINE_TAGS = [
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var",
]
_BLOCK_TAGS = [
    "address", "article", "aside", "audio", "blockquote", "body", "br", "button", "caption",
    "center", "col", "colgroup", "dd", "div", "dl", "dt", "embed", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "img",
    "input", "label", "li", "link", "main", "meta", "nav", "noscript", "object", "ol", "p",
    "picture", "pre", "script", "section", "source", "style", "svg", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul", "video", "wbr",
]
# Attributes must have values: `<b and c>` in a formula is not a tag.
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+)"""
_TAG_NAMES = "|".join(sorted(_INLINE_TAGS + _BLOCK_TAGS, key=len, reverse=True))
_TAG_PATTERN = rf"</?(?:{_TAG_NAMES})(?:{_ATTRIBUTE})*\s*/?>|<!--.*?-->"
# Adjacent tags (`</p><p>`) are one piece of residue with one fix.
_TAGS = re.compile(rf"(?:{_TAG_PATTERN})+", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z0-9]+)|<!--")
_INLINE = frozenset(_INLINE_TAGS)


class HtmlTag(Rule):
    """HTML tags left in the text.

    ## What it finds
    Opening, closing and empty tags of HTML elements (`<br>`, `<p>`,
    `</div>`, `<a href="…">`, `<img src="…" />`) and HTML comments. A tag
    must be a known element with well-formed attributes, so `a <b` in a
    formula, `<3` and `x < y > z` are not tags. Tags next to each other
    (`</p><p>`) are one finding.

    ## Why it matters
    Tags are page structure, not text: they split words and sentences for
    tokenisers, leak into summaries, and show that the scraper's extraction
    failed for the whole document.

    ## Example
    Before: `Blinken met <b>Gantz</b> and Lapid.<br>Talks went on.`
    After: `Blinken met Gantz and Lapid. Talks went on.`

    ## Fix safety
    Safe: the fix removes only the tags and keeps every word. A line of
    nothing but tags is deleted; a block tag (`<br>`, `<p>`, `<div>`)
    between two words becomes a space so they stay apart; inline tags
    (`<b>`, `<a>`, `<span>`) go without a trace.
    """

    code = "M103"
    name = "html-tag"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"(?i)</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|<!--"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for line in doc.lines:
            if "<" not in line.text:
                continue
            found = list(_TAGS.finditer(line.text))
            if not found:
                continue
            if not _TAGS.sub("", line.text).strip():
                start, end = line.start + found[0].start(), line.start + found[-1].end()
                fix = Fix.safe("Delete the line", delete_lines(doc, line.row, line.row))
                yield self.diagnostic(start, end, "HTML tags standing as a line", fix)
                continue
            for match in found:
                start, end = line.start + match.start(), line.start + match.end()
                edit = removal_between_words(text, start, end, _inline_only(match.group()))
                tags = match.group()
                shown = tags if len(tags) <= 40 else tags[:37] + "..."
                fix = Fix.safe("Remove the tags", edit)
                yield self.diagnostic(start, end, f"HTML tag {shown}", fix)


def _inline_only(tags: str) -> bool:
    """Whether every tag in a run is an inline element (so removing it joins nothing)."""
    names = [m.group(1) for m in _TAG_NAME.finditer(tags)]
    return all(name is not None and name.lower() in _INLINE for name in names)


_WIKI = re.compile(
    r"""
      \[\[(?P<target>[^\[\]|\n]+)(?:\|(?P<label>[^\[\]\n]*))?\]\]
    | (?P<quotes>'{5}|'{3})(?P<bold>[^'\n]+?)(?P=quotes)
    | \{\{(?P<template>[^{}\n]*)\}\}
    | ^(?P<level>={2,6})[ \t]*(?P<heading>[^=\n]+?)[ \t]*(?P=level)[ \t]*$
    """,
    re.VERBOSE | re.MULTILINE,
)
_WIKI_NAMESPACE = re.compile(r"(?i)\s*(?:file|image|category|media):")
_CITATION = re.compile(r"(?i)\s*(?:cite\b|citation|reflist|refn?\b|sfn\b)")


class WikiMarkup(Rule):
    """Wiki markup left in the text.

    ## What it finds
    MediaWiki syntax: links `[[Target]]` and `[[Target|text]]`, bold
    `'''text'''`, templates `{{cite news|…}}` and headings `== Reaction ==`.
    Italic `''text''` is left alone: two apostrophes are also how some
    sources type a double quote.

    ## Why it matters
    Wiki-sourced passages pasted into articles, or wiki dumps mixed into a
    news corpus, carry markup that no reader saw; it corrupts sentences and
    marks the text as not news.

    ## Example
    Before: `'''Benny Gantz''' leads [[National Unity (Israel)|National Unity]].{{cite news|url=…}}`
    After: `Benny Gantz leads National Unity.`

    ## Fix safety
    Safe for links (their text stays; file and category links go), bold,
    headings (their text stays) and citation templates (they hold no
    prose). Unsafe for other templates: `{{convert|5|km}}` stands for words
    the fix would delete, so check before accepting.
    """

    code = "M106"
    name = "wiki-markup"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"\[\[|'''|\{\{|(?:^|[\r\n])=="

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in _WIKI.finditer(text):
            start, end = match.span()
            if match["target"] is not None:
                namespaced = _WIKI_NAMESPACE.match(match["target"]) is not None
                kept = "" if namespaced else (match["label"] or match["target"]).strip()
                edit = (Edit(start, end, kept) if kept
                        else removal_between_words(text, start, end, inline=True))
                fix, message = Fix.safe("Keep only the link text", edit), "Wiki link"
            elif match["bold"] is not None:
                fix = Fix.safe("Remove the quote marks", Edit(start, end, match["bold"]))
                message = "Wiki bold"
            elif match["heading"] is not None:
                fix = Fix.safe("Keep only the heading text", Edit(start, end, match["heading"]))
                message = "Wiki heading"
            else:
                citation = _CITATION.match(match["template"]) is not None
                edit = removal_between_words(text, start, end, inline=True)
                fix = (Fix.safe if citation else Fix.unsafe)("Delete the template", edit)
                message = "Wiki citation template" if citation else "Wiki template"
            yield self.diagnostic(start, end, message, fix)


RULES = (LatexWrappedUrl, HtmlEntity, HtmlTag, WikiMarkup)
