"""Line statistics of C4's and FineWeb's heuristics, computed once per document.

C4 (datatrove's C4QualityFilter) judges each line: it removes lines without
terminal punctuation, with fewer than three words, with a word over 1,000
characters, or mentioning javascript or a cookie or terms-of-use policy, and
drops the whole document for "lorem ipsum" or a curly bracket on a line it
would keep, or when fewer than five sentences survive. FineWeb
(FineWebQualityFilter) measures the non-blank lines. Sentences are counted as
spaCy's sentencizer counts them over the line's words (datatrove's
`split_into_sentences`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from corpuslint.article.textstats import duplicates, line_words, words
from corpuslint.article.textstats import lines as text_lines
from corpuslint.article.wordsplit import split_words
from corpuslint.model.document import Document

# spaCy's Sentencizer.default_punct_chars: a token that is one of these ends a sentence.
SENTENCE_ENDS = frozenset(
    "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？"
    "𐩖𐩗𑁇𑁈𑂾𑂿𑃀𑃁𑅁𑅂𑅃𑇅𑇆𑇍𑇞𑇟𑈸𑈹𑈻𑈼𑊩𑑋𑑌𑗂𑗃𑗉𑗊𑗋𑗌𑗍𑗎𑗏𑗐𑗑𑗒𑗓𑗔𑗕𑗖𑗗𑙁𑙂𑜼𑜽𑜾𑩂𑩃𑪛𑪜𑱁𑱂𖩮𖩯𖫵𖬷𖬸𖭄𛲟𝪈｡。"
)
FINEWEB_STOP_CHARS = tuple(SENTENCE_ENDS)
C4_END_PUNCTUATION = (".", "?", "!", '"', "'")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
C4_MIN_WORDS_PER_LINE = 3
C4_MAX_WORD_LENGTH = 1000
FINEWEB_SHORT_LINE = 30
_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
_SPACES = re.compile(r"(\s+)")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


class C4Line(NamedTuple):
    """One line's fate under C4: `removed` names why it goes, `drop` why the document goes."""

    removed: str | None
    drop: str | None
    sentences: int
    kept: str = ""  # the line as C4 keeps it: stripped, citations cut out


class C4Stats(NamedTuple):
    lines: tuple[C4Line, ...]  # one per `str.splitlines()` line
    drop: str | None  # the first document-level reason, in line order: "lorem-ipsum" or "curly-bracket"
    drop_line: int  # the 0-based line of that reason, -1 without one
    sentences: int  # in the lines C4 keeps


def c4_line(raw: str, tokens: list[str]) -> C4Line:
    """C4's verdict on one line; `tokens` are its words, reused unless citations are cut out."""
    line = raw.strip()
    line_words = line.split()
    if len(line) > C4_MAX_WORD_LENGTH and max(map(len, line_words)) > C4_MAX_WORD_LENGTH:
        return C4Line("overlong-word", None, 0)
    if "[" in line:
        cited, line = line, _CITATION.sub("", line)
        if line != cited:
            tokens = split_words(line)
    if not line.endswith(C4_END_PUNCTUATION) or line.endswith("..."):
        return C4Line("unterminated", None, 0)
    if len(line_words) < C4_MIN_WORDS_PER_LINE:
        return C4Line("few-words", None, 0)
    lower = line.lower()
    if "lorem ipsum" in lower:
        return C4Line(None, "lorem-ipsum", 0)
    if "javascript" in lower:
        return C4Line("javascript", None, 0)
    if "{" in line:
        return C4Line(None, "curly-bracket", 0)
    if any(p in lower for p in C4_POLICY):
        return C4Line("policy", None, 0)
    if _ODD_SPACE.search(line):
        tokens = _with_space_tokens(line)
    return C4Line(None, None, count_sentences(tokens), line)


def _with_space_tokens(line: str) -> list[str]:
    """The line's tokens as spaCy cuts them, whitespace included: a run of whitespace other
    than one space is a token of its own, and like a word starts a sentence after an end mark."""
    tokens: list[str] = []
    for piece in _SPACES.split(line):
        if piece.isspace():
            if piece != " ":
                tokens.append(piece)
        else:
            tokens.extend(split_words(piece))
    return tokens


def count_sentences(tokens: list[str]) -> int:
    """spaCy's sentencizer: a new sentence starts at the first non-punctuation token after an end mark."""
    if not tokens:
        return 0
    sentences, seen_end = 1, False
    for token in tokens:
        if token in SENTENCE_ENDS:
            seen_end = True
        elif seen_end and not _is_punct(token):
            sentences += 1
            seen_end = False
    return sentences


def _is_punct(token: str) -> bool:
    """spaCy's `is_punct`: every character is Unicode punctuation (category P*)."""
    return all(unicodedata.category(c).startswith("P") for c in token)


def c4(doc: Document) -> C4Stats:
    lines = tuple(map(c4_line, doc.derived(text_lines), doc.derived(line_words)))
    drop_line = next((i for i, line in enumerate(lines) if line.drop), -1)
    if drop_line >= 0:
        return C4Stats(lines, lines[drop_line].drop, drop_line, 0)
    return C4Stats(lines, None, -1, sum(line.sentences for line in lines))


class FineWebStats(NamedTuple):
    lines: int  # non-blank lines
    punctuated_lines: int
    short_lines: int
    duplicate_line_chars: int
    characters: int  # without line feeds
    newlines: int
    words: int


def fineweb(doc: Document) -> FineWebStats:
    """FineWebQualityFilter's measures of the text, as the filter alone sees it."""
    return _fineweb(doc.text, lambda: doc.derived(words))


def fineweb_after_c4(doc: Document) -> FineWebStats:
    """The same measures of the text C4QualityFilter leaves, as FineWeb's own pipeline runs them.

    C4 rewrites the document it keeps (its kept lines, stripped, one per line),
    and FineWeb's pipeline runs FineWebQualityFilter after it. A document C4
    drops for lorem ipsum or a brace is measured as it is (the pipeline drops
    it either way); one with too few sentences is measured on what is left.
    """
    stats: C4Stats = doc.derived(c4)
    if stats.drop is not None:
        return doc.derived(fineweb)
    text = "\n".join(line.kept for line in stats.lines if line.removed is None).strip()
    return _fineweb(text, lambda: split_words(text))


def _fineweb(text: str, text_words: Callable[[], list[str]]) -> FineWebStats:
    lines = [line for line in text.split("\n") if line.strip()]
    return FineWebStats(
        lines=len(lines),
        punctuated_lines=sum(1 for line in lines if line.endswith(FINEWEB_STOP_CHARS)),
        short_lines=sum(1 for line in lines if len(line) <= FINEWEB_SHORT_LINE),
        duplicate_line_chars=duplicates(lines)[1],
        characters=len(text) - text.count("\n"),
        newlines=text.count("\n"),
        words=len(text_words()) if lines else 0,
    )
