"""S: the article's structure: what stands in the body that is not the article's prose.

The detections live in corpuslint/parts.py, which extract.py reads too: the
rules here report a caption, a timestamp line or a signature, and the
extractor takes the same finding as a field, so nothing is found twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.article import credits, parts
from corpuslint.article.extract import dateline
from corpuslint.article.parts import headline_key
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document, Line
from corpuslint.model.edits import delete_lines


class DuplicatedHeadline(Rule):
    """The headline is repeated at the top of the article.

    ## What it finds
    One of the first few non-empty lines that comes back, verbatim apart
    from markdown `#` markers, case and surrounding space, among the next few
    non-empty lines: a page's title, heading and social-card title scraped
    one after another.

    ## Why it matters
    A repeated headline doubles the weight of the title in search and
    training data and breaks headline extraction, which takes the first line.

    ## Example
    Before: `Blinken Engages with Israeli Opposition` / blank / the same again / body
    After: `Blinken Engages with Israeli Opposition` / blank / body

    ## Fix safety
    Safe: the repeats are identical to a line that stays, so no words are
    lost; the fix deletes them with one neighbouring blank line.
    """

    code = "S101"
    name = "duplicated-headline"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    HEAD_LINES = 3  # a headline is among the first non-empty lines…
    LOOKAHEAD = 4  # …and its repeats follow within this many non-empty lines
    MAX_CHARS = 300  # a longer line is a paragraph, whatever it repeats

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        top = list(_non_empty(doc.lines, self.HEAD_LINES + self.LOOKAHEAD))
        # Each line's key once (None for a paragraph), not once per candidate it is compared with.
        keys = [headline_key(line.text) if len(line.text) <= self.MAX_CHARS else None for line in top]
        for i, key in enumerate(keys[: self.HEAD_LINES]):
            if key is None or " " not in key:  # a key's words are joined by single spaces
                continue  # "World News" twice is chrome, not a headline; leave it to B rules
            after = slice(i + 1, i + 1 + self.LOOKAHEAD)
            repeats = [line for line, other in zip(top[after], keys[after], strict=True) if other == key]
            if repeats:
                yield from self._report(doc, top[i], repeats)
                return

    def _report(self, doc: Document, headline: Line, repeats: list[Line]) -> Iterator[Diagnostic]:
        """One finding per run of adjacent repeats (blank lines between them allowed)."""
        runs: list[list[Line]] = []
        for line in repeats:
            if runs and all(not gap.text.strip() for gap in doc.lines[runs[-1][-1].row : line.row - 1]):
                runs[-1].append(line)
            else:
                runs.append([line])
        for run in runs:
            first, last = run[0], run[-1]
            times = "twice" if len(run) == 1 else f"{len(run) + 1} times"
            fix = Fix.safe("Delete the repeated headline", delete_lines(doc, first.row, last.row))
            yield self.diagnostic(
                first.start, last.end, f"Headline from line {headline.row} appears {times}", fix
            )


def _non_empty(lines: tuple[Line, ...], limit: int) -> Iterator[Line]:
    count = 0
    for line in lines:
        if line.text.strip():
            yield line
            count += 1
            if count == limit:
                return


_AGENCY_NAMED = re.compile(parts.CAPTION_PARAGRAPH_PREFILTER)


class PhotoCaptionParagraph(Rule):
    """A photo caption with its credit stands as a paragraph of the body.

    ## What it finds
    A paragraph that is one caption sentence followed by a bare photo credit
    with no full stop after it: `… in Jerusalem on Monday. AFP`, `… on
    Tuesday. Reuters/Ammar Awad`, `… in Kyiv. AFP via Getty Images`. Also a
    caption whose credit is in parentheses (`(Photo: Getty Images)`, `(AP
    Photo/Alan Diaz)`, `(Manu Fernandez/AP)`), after a label at the end
    (`Credit: RNLI`, `Photograph: Stefan Rousseau/PA`), after a © sign, or
    led by a label (`Image caption …`); as a line, or run into a
    paragraph's end (then only its last sentence is the caption). A
    sentence that mentions an agency ("…, he told Reuters.") ends with its
    own full stop, and an aside in parentheses names no credit, so both are
    left alone.

    ## Why it matters
    The caption describes a picture the corpus does not hold; as a paragraph
    it reads as the article's lead, skews summaries and headline extraction,
    and the credit is a publisher's name in the middle of the prose.

    ## Example
    Before: `Blinken meeting with Netanyahu in Jerusalem on Monday. AFP` / blank / `US Secretary…`
    After: `US Secretary…` (the caption is kept as a field by `corpuslint show`)

    ## Fix safety
    Unsafe: the fix deletes a whole sentence of prose-like text (the line,
    or a run-in caption's sentence). The credit makes a caption very likely,
    but a caption can carry facts (the place, the day) that the body leaves
    out, and a reviewer should see what goes.
    """

    code = "S102"
    name = "photo-caption-paragraph"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    prefilter = f"{parts.CAPTION_PARAGRAPH_PREFILTER}|{credits.SCREEN}"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        bare = _AGENCY_NAMED.search(doc.text) is not None  # a bare credit names an agency
        credited = credits.ANY_CREDIT.search(doc.text) is not None
        for line in doc.lines:
            caption = parts.caption_paragraph(line) if bare else None
            if caption is not None:
                fix = Fix.unsafe("Delete the caption", delete_lines(doc, line.row, line.row))
                yield self.diagnostic(caption.start, caption.end,
                                      f"Photo caption credited to {caption.credit} in the body", fix)
                continue
            found = credits.credited_caption(line.text) if credited else None
            if found is None:
                continue
            start, end = line.start + found.start, line.start + found.end
            if found.run_in:
                fix = Fix.unsafe("Delete the caption", Edit(start - 1, line.end, ""))
                message = f"Photo caption credited to {found.credit} at the end of a paragraph"
            else:
                fix = Fix.unsafe("Delete the caption", delete_lines(doc, line.row, line.row))
                message = f"Photo caption credited to {found.credit} in the body"
            yield self.diagnostic(start, end, message, fix)


class RunInPhotoCaption(Rule):
    """A photo caption is run into a paragraph, closed by a stray `]`.

    ## What it finds
    A paragraph that opens with a caption and its credit, then a `]` with no
    `[` before it, then the article: `… in Jordan, June 11, 2024 Alaa Al
    Sukhni/Pool via Reuters] Amman, June 11 (RHC)-- U.S. Secretary …`. The
    credit (a photographer and agency with a slash, or an agency name) must
    sit right before the bracket.

    ## Why it matters
    The caption and the bracket hide the article's dateline and first
    sentence: extractors miss the dateline, the lead reads as nonsense, and
    the `]` trips quote and bracket checks.

    ## Example
    Before: `Blinken attends the conference Alaa Al Sukhni/Pool via Reuters] Amman, June 11 (RHC)-- …`
    After: `Amman, June 11 (RHC)-- …`

    ## Fix safety
    Unsafe: the fix deletes the caption up to and including `] `; where the
    caption ends is read from the bracket, but a reviewer should confirm that
    what follows is the article's start.
    """

    code = "S103"
    name = "run-in-photo-caption"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"\]"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines:
            caption = parts.run_in_caption(line)
            if caption is not None:
                fix = Fix.unsafe("Delete the caption before the article",
                                 Edit(caption.start, caption.cut, ""))
                yield self.diagnostic(caption.start, caption.end,
                                      f"Photo caption credited to {caption.credit} runs into the text",
                                      fix)


class TimestampLine(Rule):
    """A page's timestamp line stands in the text.

    ## What it finds
    A line made only of a date and time, labelled or not, in the orders
    sites print: `Updated: June 11, 2024, 6:28 AM`, `Published 11 June
    2024`, `Posted on June 9, 2024 by admin`, `19 Nov 2019 05:44 GMT`,
    `11/20/19 6:38 AM`, `2019-11-13T23:06:00+01:00`, `Friday 11:40AM`, `2
    days ago at 07:47 am`, with a byline or the outlet after it. Without a
    label a date needs a year or a time, and a time a zone, am/pm or a day,
    so a sport preview's "Saturday, 26 February" and a video's "01:52" are
    left alone; a sentence holding a date, or a dateline opening a
    paragraph, is never a whole line of stamp.

    ## Why it matters
    It is page chrome, not prose: it repeats across a site's pages and a
    model learns to end articles with it. The date is metadata, and
    `corpuslint show` reads it as the article's updated or published date.

    ## Example
    Before: `…will conclude his travels on Wednesday in Qatar.` / blank / `Updated: June 11, 2024, 6:28 AM`
    After: `…will conclude his travels on Wednesday in Qatar.`

    ## Fix safety
    Safe: the whole line is a label and a date, nothing of the article;
    extraction reads the original text, so the date is not lost to the
    dataset when the line goes.
    """

    code = "S104"
    name = "timestamp-line"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    prefilter = parts.STAMP_PREFILTER

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for found in parts.timestamp_lines(doc):
            line = found.line
            start = line.start + len(line.text) - len(line.text.lstrip())
            fix = Fix.safe("Delete the timestamp line", delete_lines(doc, line.row, line.row))
            yield self.diagnostic(start, line.start + len(line.text.rstrip()),
                                  f"Timestamp line ({found.kind}) in the text", fix)


class SiteSignature(Rule):
    """The outlet's name stands as the last line of the article.

    ## What it finds
    A short title-case line at the very end, apart from the text above it,
    that names the outlet: its initials are the dateline's agency ("Radio
    Habana Cuba" after "Amman, June 11 (RHC)--"), it spells a host the
    article links to (radiohc.cu), or it holds an outlet word ("News",
    "Radio", "Times"). A name alone is not enough: a BBC match report may
    end with a referee's name.

    ## Why it matters
    A signature repeats on every page of a site: models learn to sign off
    with it, and near-duplicate detection sees the site rather than the
    story. The name is the article's source, which `corpuslint show` keeps.

    ## Example
    Before: `…the group said in a statement.` / blank / `Radio Habana Cuba`
    After: `…the group said in a statement.`

    ## Fix safety
    Safe when the article corroborates the name (dateline agency or linked
    host): it is the outlet's signature. Unsafe when only an outlet word
    says so, since a last line like "Sky News" could be a story's subject.
    """

    code = "S105"
    name = "site-signature"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if parts.signature_line(doc) is None:
            return  # the common case: no candidate line, so no need to find the dateline
        found = dateline(doc)  # its agency corroborates a signature, read as extract.py reads it
        signature = parts.site_signature(doc, found.agency if found else None)
        if signature is None:
            return
        line = signature.line
        edit = delete_lines(doc, line.row, line.row)
        title = "Delete the signature"
        fix = Fix.safe(title, edit) if signature.corroborated else Fix.unsafe(title, edit)
        start = line.start + len(line.text) - len(line.text.lstrip())
        yield self.diagnostic(start, start + len(signature.name),
                              f"Site signature {signature.name!r} at the end of the article", fix)


class ChromeAboveHeadline(Rule):
    """Site chrome stands above the headline.

    ## What it finds
    A block of two or more short lines (at most four words each, none a
    sentence, no digits) at the very top, followed by a blank line and a
    headline-like line: a blog's name and a section, "My Blog" / "World
    News". A text that opens with its headline (one line, then a blank line)
    is never reported.

    ## Why it matters
    Headline extraction takes the first line, so the corpus's headline
    becomes "My Blog"; the chrome repeats across every page of the site.

    ## Example
    Before: `My Blog` / `World News` / blank / `Blinken ramps up pressure on Hamas …`
    After: `Blinken ramps up pressure on Hamas …`

    ## Fix safety
    Safe: only short, sentence-less lines above a headline-like line are
    deleted, with the blank line after them; the headline stays.
    """

    code = "S106"
    name = "chrome-above-headline"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        chrome = parts.top_chrome(doc)
        if chrome:
            first, last = chrome[0], chrome[-1]
            fix = Fix.safe("Delete the chrome", delete_lines(doc, first.row, last.row))
            names = " / ".join(line.text.strip() for line in chrome)
            yield self.diagnostic(first.start, last.end, f"Site chrome above the headline: {names}",
                                  fix)


RULES = (DuplicatedHeadline, PhotoCaptionParagraph, RunInPhotoCaption, TimestampLine, SiteSignature,
         ChromeAboveHeadline)
