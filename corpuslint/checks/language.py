"""L: text in a language other than the corpus's configured one (`language`, default "en").

Both rules ask a langid.Judge, which settles plain cases by counting common
words and runs langdetect only on the rest (see corpuslint/langid.py for the
steps and thresholds). They share one Judge per setting and one judgement of
each document (Document.derived), so the whole-document test runs once. The
engine hands them the run's settings through Rule.configure, which returns a
rule built for the `language` setting.
"""

from __future__ import annotations

from collections.abc import Iterator

from corpuslint.article.langid import PARAGRAPH_MIN_CHARS, Verdict, judge
from corpuslint.article.languages import NAMES, describe
from corpuslint.config import Settings
from corpuslint.engine.rule import Rule
from corpuslint.model.diagnostic import Diagnostic, Severity
from corpuslint.model.document import Document, Line


class _LanguageRule(Rule):
    """Shared set-up of the L rules: the configured language and its judge."""

    def __init__(self, language: str = "en", *, fast_path: bool = True) -> None:
        super().__init__()
        self.judge = judge(language, fast_path)

    def configure(self, settings: Settings) -> _LanguageRule:
        return type(self)(settings.language, fast_path=self.judge.fast_path and settings.fast_path)


class ForeignLanguageDocument(_LanguageRule):
    """The document is in another language than the corpus's configured one.

    ## What it finds
    An article long enough to judge (200 characters or more) that is
    confidently in a language other than the `language` setting (default
    "en"): langdetect gives the other language at least 90% probability and
    that language's common words back it up. The finding points at the first
    line.

    ## Why it matters
    A corpus built for one language that quietly holds articles in others
    skews language-specific statistics, training data and evaluation sets;
    scrapers pick such pages up from multilingual sites and language switches.

    ## Example
    Before: in an English corpus, `El Gobierno aprueba un plan de ayudas…`
    After: the article is moved to the Spanish corpus, or dropped.

    ## Fix safety
    There is no fix: whether to drop, move or translate the article is a
    decision about the corpus, not an edit to the text.
    """

    code = "L101"
    name = "foreign-language-document"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        verdict = doc.derived(self.judge.of_document)
        if verdict is None:
            return
        first = next(line for line in doc.lines if line.text.strip())
        yield self.diagnostic(
            *_content_span(first),
            f"Document is in {_described(verdict)}, "
            f"not the configured {describe(self.judge.language)}",
        )


class ForeignLanguageParagraph(_LanguageRule):
    """A paragraph is in another language than the rest of the document.

    ## What it finds
    In a document in the configured `language`, a paragraph (a line) of 100
    characters or more that is confidently in another language: langdetect
    gives that language at least 90% probability and its common words back
    it up. Names, line-ups and short quotes are not judged.

    ## Why it matters
    Untranslated paragraphs are what a scraper leaves when a site mixes
    editions, or a quote or summary is kept in the original language; they
    are noise in a monolingual corpus and confuse per-document language tags.

    ## Example
    Before: an English report with the paragraph `El ministro de Agricultura,
    Luis Planas, explicó en rueda de prensa que las ayudas llegarán…`
    After: the paragraph is translated or deleted.

    ## Fix safety
    There is no fix: a foreign paragraph may be a quotation the article
    needs, so deleting it is a human's call.
    """

    code = "L102"
    name = "foreign-language-paragraph"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.derived(self.judge.of_document) is not None:
            return  # the whole document is foreign: L101's finding, not one per paragraph
        for row, text in enumerate(_line_texts(doc)):
            if len(text) < PARAGRAPH_MIN_CHARS:
                continue  # too short to judge: skipped before the call, as most lines are
            verdict = self.judge.paragraph(text)
            if verdict is None:
                continue
            yield self.diagnostic(
                *_content_span(doc.lines[row]),
                f"Paragraph is in {_described(verdict)}, not the document's "
                f"{describe(self.judge.language)}",
            )


def _described(verdict: Verdict) -> str:
    """`Spanish (es, probability 0.99)`."""
    return f"{NAMES.get(verdict.language, verdict.language)} ({verdict.language}, " \
        f"probability {verdict.probability:.2f})"


def _line_texts(doc: Document) -> list[str]:
    """The text of each of `doc.lines`, in order, without building the line index.

    Document.lines makes a Line (offsets and all) of every line, which costs
    more than judging a clean document; the offsets are only needed for a
    finding. Without a carriage return the lines are exactly the pieces
    between line feeds (one more, empty, after a final line feed: too short
    to judge).
    """
    if "\r" in doc.text:
        return [line.text for line in doc.lines]
    return doc.text.split("\n")


def _content_span(line: Line) -> tuple[int, int]:
    """The line's offsets without its leading and trailing whitespace."""
    text = line.text
    return line.start + len(text) - len(text.lstrip()), line.start + len(text.rstrip())


RULES = (ForeignLanguageDocument, ForeignLanguageParagraph)
