"""U: how the file was stored: unreadable files, bytes that are not UTF-8 or not text, sizes."""

from __future__ import annotations

from collections.abc import Iterator

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Applicability, Diagnostic, Fix, Severity
from corpuslint.model.document import Document


class IoError(Rule):
    """The file could not be read.

    ## What it finds
    A file named or found for linting that the operating system refused to
    read (permission denied, an I/O error). The engine reports it: no rule
    can look inside a file that cannot be opened.

    ## Why it matters
    A corpus that silently drops unreadable files is smaller than its owners
    think; the finding makes the loss visible and fails the run.

    ## Example
    Before: `chmod 000 article.txt` then `corpuslint check article.txt`
    After: `article.txt:1:1: U001 Cannot read the file: Permission denied`

    ## Fix safety
    There is no fix: the permissions or the disk need a human.
    """

    code = "U001"
    name = "io-error"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())  # reported by the engine, which sees the OS error


class MalformedRecord(Rule):
    """A record of a JSONL or Parquet corpus that is not an article.

    ## What it finds
    A line of a JSONL file that is not valid JSON or not a JSON object, a
    record without the text field (`--text-field`, default `text`) or whose
    text is not a string, an ignore field that is not a list of codes, and a
    data file with no usable text column. The engine reports it by record
    number, at the record's line, and goes on with the next record.

    ## Why it matters
    A pipeline that skips bad records silently loses articles; one that
    stops at the first loses the rest of the shard.

    ## Example
    Before: line 7 of `corpus.jsonl` is `{"id": "a7", "body": "..."}`
    After: `corpus.jsonl:7:1: U003 Malformed record 7: no 'text' field`

    ## Fix safety
    There is no fix: only the producer of the corpus knows what the record held.
    """

    code = "U003"
    name = "malformed-record"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())  # reported by the engine, which reads the records


class NotUtf8(Rule):
    """The file is not valid UTF-8 and was read as cp1252.

    ## What it finds
    A file whose bytes are not valid UTF-8. corpuslint reads it as cp1252
    (Windows-1252, the encoding such files are almost always in) and points
    at the first byte that is not UTF-8.

    ## Why it matters
    Tools downstream read corpora as UTF-8; a cp1252 file turns curly quotes,
    dashes and accented letters into replacement characters or mojibake.

    ## Example
    Before: the bytes `caf\\xe9` (cp1252 "café")
    After: the bytes `caf\\xc3\\xa9` (UTF-8 "café")

    ## Fix safety
    Unsafe: re-encoding assumes the file really is cp1252. A file in another
    single-byte encoding (Latin-2, KOI8-R) would come out wrong, so check the
    reported characters before accepting.
    """

    code = "U002"
    name = "not-utf8"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.decode_error is None:
            return
        at = doc.decode_error
        shown = doc.text[at : at + 1]
        fix = Fix("Rewrite the file as UTF-8", (), Applicability.UNSAFE, encoding="utf-8")
        message = f"Not valid UTF-8 (byte 0x{_cp1252_byte(shown):02x}); read as cp1252 {shown!r}"
        yield self.diagnostic(at, at + 1, message, fix)


def _cp1252_byte(char: str) -> int:
    """The byte a cp1252-decoded character came from (undefined bytes decode to themselves)."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char)


class NotText(Rule):
    """The file or record holds something other than text.

    ## What it finds
    A document where 5 % or more of the characters (at least four) are
    control characters other than tab and line ends, unassigned code points
    or private-use characters: random bytes, an image or archive without a
    NUL byte, a record holding base64-decoded binary. The engine reports it
    once and skips the document, as it skips a binary file.

    ## Why it matters
    Every byte string decodes as cp1252, so without this check random bytes
    get hundreds of findings (control characters, "paragraph in Vietnamese")
    that hide the one that matters: this is not an article.

    ## Example
    Before: `photo.txt` holds 20 kB of JPEG data with no NUL byte
    After: `photo.txt:1:1: U004 Not text: 11% of its characters are control, unassigned or private-use characters; skipped`

    ## Fix safety
    There is no fix: the file should not be in the corpus.
    """

    code = "U004"
    name = "not-text"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())  # reported by the engine, which then skips the document


class DocumentTooLarge(Rule):
    """The document is longer than `max-document-size` and was only partly checked.

    ## What it finds
    A document longer than `max-document-size` characters (default 50MB;
    `--max-document-size`). It is checked only by the cheap rules (U002,
    U102, U103: one scan each) and the corpus pass sees its first 2M
    characters, so checking it costs seconds, not minutes and gigabytes.

    ## Why it matters
    A 100 MB "article" is a dump, a log or a concatenation gone wrong; it
    should be split or dropped, and it must not stall a run over the corpus.

    ## Example
    Before: `dump.txt` holds 80,000,000 characters
    After: `dump.txt:1:1: U005 Document of 80,000,000 characters is over max-document-size (50,000,000): checked only for U002, U102, U103`

    ## Fix safety
    There is no fix: whether to split or drop it needs a human.
    """

    code = "U005"
    name = "document-too-large"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())  # reported by the engine, which knows the size limit


RULES = (IoError, MalformedRecord, NotUtf8, NotText, DocumentTooLarge)
