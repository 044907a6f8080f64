"""H2xx: Gopher's repetition heuristics, decision for decision as datatrove's GopherRepetitionFilter.

Off by default: `--extend-select H2`. Shares are of the document's characters;
n-grams are of the words datatrove's English tokenizer cuts (article/wordsplit.py).
"""

from __future__ import annotations

from corpuslint.article.textstats import DUPLICATE_NGRAMS, TOP_NGRAMS, RepetitionStats, repetition
from corpuslint.checks.quality_limits import QualityRule, number

_EXAMPLE = """
    ## Why it matters
    Repeated text is navigation, boilerplate or a scraper stuck in a loop;
    Gopher found that models trained on it learn to repeat.

    ## Fix safety
    There is no fix: the document is dropped.
"""


class _RepetitionRule(QualityRule):
    stats = repetition


def _share(part: int, whole: int) -> str:
    return number(part / whole) if whole else "0"


class DuplicateParagraphs(_RepetitionRule):
    __doc__ = """Many paragraphs repeat an earlier one (datatrove: dup_para_frac).

    ## What it finds
    A share of paragraphs (split at blank lines) equal to an earlier paragraph
    above `repetition-dup-para-frac` (0.3).
    """ + _EXAMPLE + """
    ## Example
    Before: `Share this story` / blank / `Text` / blank / `Share this story` ...
    After: the document is dropped.
    """

    code = "H201"
    name = "duplicate-paragraphs"
    keys = ("repetition-dup-para-frac",)

    def verdict(self, s: RepetitionStats) -> str | None:
        limit = self.limits["repetition-dup-para-frac"]
        if s.characters and limit and s.duplicate_paragraphs / s.paragraphs > limit:
            return (f"repeated paragraphs {s.duplicate_paragraphs} of {s.paragraphs} "
                    f"({_share(s.duplicate_paragraphs, s.paragraphs)}); at most {number(limit)}")
        return None


class DuplicateParagraphCharacters(_RepetitionRule):
    __doc__ = """Repeated paragraphs hold much of the text (datatrove: dup_para_char_frac).

    ## What it finds
    Characters in paragraphs equal to an earlier one, as a share of the text,
    above `repetition-dup-para-char-frac` (0.2).
    """ + _EXAMPLE + """
    ## Example
    Before: one long paragraph pasted twice.
    After: the document is dropped.
    """

    code = "H202"
    name = "duplicate-paragraph-characters"
    keys = ("repetition-dup-para-char-frac",)

    def verdict(self, s: RepetitionStats) -> str | None:
        limit = self.limits["repetition-dup-para-char-frac"]
        if s.characters and limit and s.duplicate_paragraph_chars / s.characters > limit:
            return (f"characters in repeated paragraphs {s.duplicate_paragraph_chars} of {s.characters} "
                    f"({_share(s.duplicate_paragraph_chars, s.characters)}); at most {number(limit)}")
        return None


class DuplicateLines(_RepetitionRule):
    __doc__ = """Many lines repeat an earlier one (datatrove: dup_line_frac).

    ## What it finds
    A share of lines equal to an earlier line above `repetition-dup-line-frac` (0.3).
    """ + _EXAMPLE + """
    ## Example
    Before: `Read more` on every other line.
    After: the document is dropped.
    """

    code = "H203"
    name = "duplicate-lines"
    keys = ("repetition-dup-line-frac",)

    def verdict(self, s: RepetitionStats) -> str | None:
        limit = self.limits["repetition-dup-line-frac"]
        if s.characters and limit and s.duplicate_lines / s.lines > limit:
            return (f"repeated lines {s.duplicate_lines} of {s.lines} "
                    f"({_share(s.duplicate_lines, s.lines)}); at most {number(limit)}")
        return None


class DuplicateLineCharacters(_RepetitionRule):
    __doc__ = """Repeated lines hold much of the text (datatrove: dup_line_char_frac).

    ## What it finds
    Characters in lines equal to an earlier line, as a share of the text,
    above `repetition-dup-line-char-frac` (0.2).
    """ + _EXAMPLE + """
    ## Example
    Before: a long disclaimer line repeated under every paragraph.
    After: the document is dropped.
    """

    code = "H204"
    name = "duplicate-line-characters"
    keys = ("repetition-dup-line-char-frac",)

    def verdict(self, s: RepetitionStats) -> str | None:
        limit = self.limits["repetition-dup-line-char-frac"]
        if s.characters and limit and s.duplicate_line_chars / s.characters > limit:
            return (f"characters in repeated lines {s.duplicate_line_chars} of {s.characters} "
                    f"({_share(s.duplicate_line_chars, s.characters)}); at most {number(limit)}")
        return None


class RepeatedTopNgram(_RepetitionRule):
    __doc__ = """One 2-, 3- or 4-gram covers too much of the text (datatrove: top_2_gram ... top_4_gram).

    ## What it finds
    The commonest n-gram's characters times its count, as a share of the text,
    above `repetition-top-2-gram` (0.2), `-top-3-gram` (0.18) or `-top-4-gram` (0.16).
    """ + _EXAMPLE + """
    ## Example
    Before: `click here click here click here ...`
    After: the document is dropped.
    """

    code = "H205"
    name = "repeated-top-ngram"
    keys = tuple(f"repetition-top-{n}-gram" for n in TOP_NGRAMS)

    def verdict(self, s: RepetitionStats) -> str | None:
        for n, chars in s.top_ngram_chars.items():
            limit = self.limits[f"repetition-top-{n}-gram"]
            if s.characters and chars / s.characters > limit:
                return (f"commonest {n}-gram covers {chars} of {s.characters} characters "
                        f"({_share(chars, s.characters)}); at most {number(limit)}")
        return None


class DuplicatedNgrams(_RepetitionRule):
    __doc__ = """Repeated 5- to 10-grams cover too much of the text (datatrove: duplicated_5_n_grams ...).

    ## What it finds
    Characters in n-grams seen earlier in the document, as a share of the text,
    above `repetition-dup-5-gram` (0.15) down to `repetition-dup-10-gram` (0.10).
    """ + _EXAMPLE + """
    ## Example
    Before: the same three sentences pasted four times.
    After: the document is dropped.
    """

    code = "H206"
    name = "duplicated-ngrams"
    keys = tuple(f"repetition-dup-{n}-gram" for n in DUPLICATE_NGRAMS)

    def verdict(self, s: RepetitionStats) -> str | None:
        for n, chars in s.duplicate_ngram_chars.items():
            limit = self.limits[f"repetition-dup-{n}-gram"]
            if s.characters and chars / s.characters > limit:
                return (f"repeated {n}-grams cover {chars} of {s.characters} characters "
                        f"({_share(chars, s.characters)}); at most {number(limit)}")
        return None


class EmptyDocument(_RepetitionRule):
    __doc__ = """The document has no text at all (datatrove: empty).

    ## What it finds
    An empty document, which GopherRepetitionFilter drops before measuring anything.
    """ + _EXAMPLE + """
    ## Example
    Before: a record whose text field is `""`.
    After: the document is dropped.
    """

    code = "H207"
    name = "empty-document"

    def verdict(self, s: RepetitionStats) -> str | None:
        return None if s.characters else "empty document"


RULES = (DuplicateParagraphs, DuplicateParagraphCharacters, DuplicateLines, DuplicateLineCharacters,
         RepeatedTopNgram, DuplicatedNgrams, EmptyDocument)
