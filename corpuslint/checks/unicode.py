"""U: characters in the text that decoding, conversion or a CMS got wrong.

encoding.py judges how the file was stored; this module judges the decoded
text: mojibake, lost characters, controls, invisible characters, Unicode
normalisation and stray no-break spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from corpuslint.engine.badness import badness_re2
from corpuslint.engine.rule import FixAvailability, Rule, compile_linear
from corpuslint.model.changes import changes
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document, Line

# Where ftfy is worth running: its own badness test, in RE2 (engine/badness.py). A line it
# misses is one ftfy would leave alone, whatever codec garbled it.
_BADNESS = compile_linear(badness_re2())
# UTF-8 read byte by byte as cp1252 or latin-1: a lead byte 0xC2-0xF4, then a continuation
# byte 0x80-0xBF (a sign in cp1252, a C1 control in latin-1). U103 leaves such a control to U101.
_CP1252_SIGNS = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0))
_MOJIBAKE = re.compile(rf"[\xc2-\xf4][\x80-\xbf{_CP1252_SIGNS}]")


@cache
def _ftfy() -> tuple[Callable[..., str], Any]:
    """ftfy's fix_text and a config with everything but its encoding repairs turned off.

    Entities, controls, quotes and normalisation each have their own rule here.
    Imported on first use: most runs never meet mojibake, and the import costs
    ~60 ms of a one-file check's start-up.
    """
    import ftfy

    return ftfy.fix_text, ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization=None, explain=False,
    )

_REPLACEMENT = re.compile("\ufffd+")

_CONTROLS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_CONTROL = re.compile(rf"\x1b\[[0-9;?]*[A-Za-z]|{_CONTROLS}+")
# Controls that separate (page, line and record separators): between two
# words they stand for a space, so deleting them would join the words.
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")

ZWSP, ZWNJ, ZWJ, WORD_JOINER = "\u200b", "\u200c", "\u200d", "\u2060"
BOM, SOFT_HYPHEN = "\ufeff", "\u00ad"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(f"[{ZWSP}{ZWNJ}{ZWJ}{WORD_JOINER}{BOM}{SOFT_HYPHEN}{_BIDI}]")
_BIDI_CHARS = re.compile(f"[{_BIDI}]")
# Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# Scripts written without spaces, where a zero-width space marks a word boundary.
_NO_SPACE_SCRIPT = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
_INVISIBLE_NAMES = {
    ZWSP: "zero-width space", ZWNJ: "zero-width non-joiner", ZWJ: "zero-width joiner",
    WORD_JOINER: "word joiner", BOM: "byte order mark inside the text", SOFT_HYPHEN: "soft hyphen",
}

# Canonical equivalents that NFC replaces by a different-looking ideograph:
# Korean and Japanese texts use them on purpose.
_CJK_COMPATIBILITY = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f]")

NBSP = "\u00a0"
# A run of spaces between two non-spaces; it is stray when it holds a no-break
# space and either an ordinary space too (HTML `&nbsp; ` runs) or letters on
# both sides: neither keeps anything together.
_INNER_SPACES = re.compile(f"(?<=\\S)[ {NBSP}]+(?=\\S)")


class Mojibake(Rule):
    """Mojibake: UTF-8 text that was decoded with the wrong codec.

    ## What it finds
    Character sequences such as `â€™`, `Ã©`, `Â£`, `Ð¿Ñ€Ð¸` or `ÄŤeskĂ©`
    that ftfy, a library built to undo exactly this, would repair: each
    stretch it changes is one finding. UTF-8 read as cp1252, latin-1,
    cp1251, cp1250, cp437, MacRoman or iso-8859-2, one layer or two, in any
    language. ftfy runs only on lines its own badness test flags (screened
    in RE2), so Russian, Greek or French text that is merely accented is
    never touched.

    ## Why it matters
    Mojibake turns every apostrophe, dash and accented name into noise:
    search misses "São Paulo", deduplication sees two texts where there is
    one, and a model trained on it learns to emit `â€™`.

    ## Example
    Before: `The Secretaryâ€™s visit to SÃ£o Paulo`
    After: `The Secretary’s visit to São Paulo`

    ## Fix safety
    Safe: the fix is ftfy's result, which only re-decodes sequences that are
    far more likely to be mojibake than real text, and this rule turns off
    every ftfy repair but the encoding ones (quotes, entities, controls and
    normalisation stay as they were).
    """

    code = "U101"
    name = "mojibake"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = badness_re2()

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines:
            if line.text.isascii() or not _BADNESS.search(line.text):
                continue
            fix_text, config = _ftfy()
            fixed = fix_text(line.text, config)
            for start, end, replacement in changes(line.text, fixed):
                edit = Edit(line.start + start, line.start + end, replacement)
                fix = Fix.safe(f"Replace with {replacement!r}", edit)
                message = f"Mojibake {line.text[start:end]!r} (for {replacement!r})"
                yield self.diagnostic(edit.start, edit.end, message, fix)


class ReplacementCharacter(Rule):
    """U+FFFD replacement character: a character lost in decoding.

    ## What it finds
    The replacement character `�` (U+FFFD), which a decoder writes where the
    bytes were not valid in the encoding it assumed. A run of them is one
    finding.

    ## Why it matters
    The original character is gone: a name, a currency sign or a quote mark
    has become a placeholder, and every copy of the corpus carries the loss.
    It usually means the whole source was decoded with the wrong encoding.

    ## Example
    Before: `Shell is to pay �1m to the ex-finance chief.`
    After: `Shell is to pay £1m to the ex-finance chief.` (from the source)

    ## Fix safety
    There is no fix: the lost character can only come from the original
    bytes, so re-fetch or re-decode the source.
    """

    code = "U102"
    name = "replacement-character"
    severity = Severity.ERROR
    prefilter = "\ufffd"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in _REPLACEMENT.finditer(doc.text):
            count = match.end() - match.start()
            what = "a replacement character" if count == 1 else f"{count} replacement characters"
            yield self.diagnostic(match.start(), match.end(), f"Lost character: {what} (U+FFFD)")


class ControlCharacter(Rule):
    """Control characters in the text.

    ## What it finds
    C0 and C1 control characters other than tab, line feed and carriage
    return (NUL-free: files with NUL bytes are skipped as binary), DEL, and
    terminal colour codes such as `ESC[31m`. A C1 control inside a mojibake
    sequence is left to U101, which repairs the whole sequence.

    ## Why it matters
    Controls are invisible in most viewers but break JSON and XML writers,
    terminal output and tokenisers; a form feed or vertical tab from a PDF
    or Word export glues words together for anything that does not treat it
    as a space.

    ## Example
    Before: `Gantz resigned\\x0bfrom the war cabinet on Sunday.`
    After: `Gantz resigned from the war cabinet on Sunday.`

    ## Fix safety
    Safe: controls carry no text. The fix deletes them, except that a
    separator (vertical tab, form feed, the record separators, NEL) between
    two non-space characters becomes a space, so no words are joined.
    """

    code = "U103"
    name = "control-character"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = _CONTROLS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in _CONTROL.finditer(text):
            start, end = match.span()
            if _in_mojibake(text, start, end):
                continue
            found = match.group()
            spaced = _between_words(text, start, end) and any(c in _SEPARATORS for c in found)
            title = "Replace with a space" if spaced else "Delete the control characters"
            fix = Fix.safe(title, Edit(start, end, " ") if spaced else _deletion(text, start, end))
            shown = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(found))
            escape = found.startswith("\x1b[")
            message = "Terminal escape sequence" if escape else f"Control character {shown}"
            yield self.diagnostic(start, end, message, fix)


def _between_words(text: str, start: int, end: int) -> bool:
    inside = start > 0 and end < len(text)
    return inside and not text[start - 1].isspace() and not text[end].isspace()


def _in_mojibake(text: str, start: int, end: int) -> bool:
    """True when [start, end) is a C1 control that is part of a mojibake sequence (U101's)."""
    window_start = max(0, start - 2)
    return any(m.start() < end and m.end() > start
               for m in _MOJIBAKE.finditer(text, window_start, min(len(text), end + 2)))


class InvisibleCharacter(Rule):
    """Invisible formatting characters that carry nothing in this text.

    ## What it finds
    Zero-width spaces, word joiners, soft hyphens, a byte order mark inside
    the text, and bidirectional controls (LRM, RLM, embeddings, overrides,
    isolates). Left alone where they mean something: zero-width joiners and
    non-joiners next to a character outside the Latin range (emoji
    sequences, Arabic, Persian and Indic scripts), zero-width spaces in
    Thai, Lao, Khmer, Myanmar and Tibetan (word boundaries), and
    bidirectional controls on a line with right-to-left script.

    ## Why it matters
    Invisible characters split words for search and deduplication
    ("Gaza" and "Ga\\u200bza" differ), inflate token counts and survive every
    visual review of the corpus.

    ## Example
    Before: `Blinken\\u200b met Gantz and La\\u00adpid on Tuesday.`
    After: `Blinken met Gantz and Lapid on Tuesday.`

    ## Fix safety
    Safe: each character reported is one that cannot change the words or
    their order where it stands (the meaningful uses above are not
    reported), so deleting it changes nothing a reader sees.
    """

    code = "U104"
    name = "invisible-character"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    prefilter = _INVISIBLE.pattern

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for line in doc.lines:
            if not _INVISIBLE.search(line.text):
                continue
            rtl = _RTL.search(line.text) is not None
            for match in _INVISIBLE.finditer(text, line.start, line.end):
                char, at = match.group(), match.start()
                if _meaningful(char, text, at, rtl):
                    continue
                fix = Fix.safe("Delete it", _deletion(text, at, at + 1))
                yield self.diagnostic(at, at + 1, f"Invisible character: {_describe(char)}", fix)


def _meaningful(char: str, text: str, at: int, rtl_line: bool) -> bool:
    """Whether an invisible character does a job where it stands (so it is not reported)."""
    neighbours = text[max(0, at - 1) : at] + text[at + 1 : at + 2]
    if char in (ZWJ, ZWNJ):
        return any(_joins(c) for c in neighbours)
    if char == ZWSP:
        return _NO_SPACE_SCRIPT.search(neighbours) is not None
    if _BIDI_CHARS.match(char):
        return rtl_line
    return False


def _joins(char: str) -> bool:
    """Whether a joiner next to this character can shape it: beyond Latin, but not punctuation."""
    return ord(char) >= 0x250 and not char.isspace() and not 0x2000 <= ord(char) <= 0x206F


def _describe(char: str) -> str:
    name = _INVISIBLE_NAMES.get(char) or unicodedata.name(char, "bidirectional control").lower()
    return f"{name} (U+{ord(char):04X})"


class NotNfc(Rule):
    """Text that is not in Unicode normalisation form C.

    ## What it finds
    Characters stored decomposed (`e` followed by a combining acute accent
    instead of `é`, as macOS file names and some CMS exports have them) and
    other sequences that NFC, the form nearly all text on the web uses,
    writes differently. Each stretch NFC changes is one finding.

    ## Why it matters
    "José" in NFD and "José" in NFC look the same and compare different:
    search, exact deduplication, headline matching and tokenisers all treat
    them as different strings.

    ## Example
    Before: `Jose\\u0301 Mourinho's Chelsea` (decomposed)
    After: `José Mourinho's Chelsea`

    ## Fix safety
    Safe for composed accents and Hangul: NFC is canonically equivalent, so
    nothing a reader sees changes. Unsafe where NFC would replace a CJK
    compatibility ideograph, which Korean and Japanese texts use on purpose.
    """

    code = "U105"
    name = "not-nfc"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"[^\x00-\x7f]"  # ASCII text is always NFC

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if unicodedata.is_normalized("NFC", doc.text):
            return
        for line in doc.lines:
            if unicodedata.is_normalized("NFC", line.text):
                continue
            nfc = unicodedata.normalize("NFC", line.text)
            for start, end, replacement in changes(line.text, nfc):
                edit = Edit(line.start + start, line.start + end, replacement)
                unsafe = _CJK_COMPATIBILITY.search(line.text, start, end) is not None
                fix = (Fix.unsafe if unsafe else Fix.safe)("Normalise to NFC", edit)
                was, now = _code_points(line.text[start:end]), _code_points(replacement)
                message = f"Not NFC: {was} is {now} in NFC"
                yield self.diagnostic(edit.start, edit.end, message, fix)


class StrayNoBreakSpace(Rule):
    """A no-break space where an ordinary space belongs.

    ## What it finds
    A no-break space (U+00A0, what `&nbsp;` decodes to) between two words,
    or mixed with ordinary spaces between two words (`said. \\u00a0The`).
    Left alone where it does its job: next to a digit (`10\\u00a0km`,
    `1\\u00a0000`, `June\\u00a011`), before or after punctuation (French
    `Bonjour\\u00a0!`, `«\\u00a0oui\\u00a0»`) and at the end of a line, which
    is trailing whitespace (M202).

    ## Why it matters
    Between words it is almost always conversion residue from HTML. Code
    that splits on " " or on ASCII space sees one long word, so counts,
    n-grams and exact matching go wrong, while the text looks fine.

    ## Example
    Before: `Blinken\\u00a0met Gantz. \\u00a0Lapid was there.`
    After: `Blinken met Gantz. Lapid was there.`

    ## Fix safety
    Safe: one ordinary space replaces the run; only a hint about where a
    line may not wrap is lost.
    """

    code = "U106"
    name = "stray-no-break-space"
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS
    prefilter = NBSP

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines:
            if NBSP in line.text:
                yield from self._check_line(line)

    def _check_line(self, line: Line) -> Iterator[Diagnostic]:
        text = line.text
        for match in _INNER_SPACES.finditer(text):
            run = match.group()
            if NBSP not in run:
                continue
            between_letters = text[match.start() - 1].isalpha() and text[match.end()].isalpha()
            if " " not in run and not between_letters:
                continue
            start, end = line.start + match.start(), line.start + match.end()
            fix = Fix.safe("Replace with a space", Edit(start, end, " "))
            yield self.diagnostic(start, end, "No-break space between words", fix)


def _code_points(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def _deletion(text: str, start: int, end: int) -> Edit:
    """Delete [start, end), and one of the spaces around it when it stood between two."""
    if start > 0 and end < len(text) and text[start - 1] == " " and text[end] == " ":
        end += 1
    return Edit(start, end)


RULES = (
    Mojibake, ReplacementCharacter, ControlCharacter, InvisibleCharacter, NotNfc, StrayNoBreakSpace,
)
