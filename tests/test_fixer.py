"""The fixer in memory: passes, overlaps, fixed points, applicability, newlines, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import SEEDS
from fixer_support import combined, swap_rule

import corpuslint
from corpuslint.config import Settings, settings_from_table
from corpuslint.engine.linter import Linter
from corpuslint.fix.fixer import MAX_PASSES, FixPolicy, fix_document
from corpuslint.fix.safewrite import WriteError, encode
from corpuslint.model.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.sources.files import decode

SEED_002 = SEEDS / "002_71ed27c29c43aa56.txt"
URL = "https://www.radiohc.cu/en/noticias/357113"


def _linter(**table: object) -> Linter:
    return Linter(
        settings_from_table({"select": ["M101", "B101", "S101", "U002"], **table}, Path.cwd())
    )


def _fix(text: str, **table: object) -> str:
    linter = _linter(**table)
    return fix_document(Document(text), linter.lint, FixPolicy(codes=linter.fixable)).doc.text


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    # Seed 002 ends "…\n\nLink from www.aljazeera.com\n\nExit mobile version": both
    # deletions take the blank line between them, so the second waits a pass.
    linter = _linter()
    doc = Document(SEED_002.read_text(encoding="utf-8"))
    result = fix_document(doc, linter.lint, FixPolicy())
    assert result.passes == 2
    assert sorted(d.code for _, d in result.applied) == ["B101", "B101", "S101"]
    assert result.remaining == ()
    assert result.doc.text.endswith(
        "Blinken reiterated the Israeli prime minister\u2019s stance on the matter."
    )
    assert "Exit mobile version" not in result.doc.text and "Link from" not in result.doc.text


def test_each_applied_diagnostic_points_into_the_text_of_its_pass() -> None:
    linter = _linter()
    result = fix_document(Document(SEED_002.read_text(encoding="utf-8")), linter.lint)
    for pass_doc, diagnostic in result.applied:
        assert pass_doc.text[diagnostic.start : diagnostic.end] in (
            "Exit mobile version",
            "Link from www.aljazeera.com",
            "Blinken Engages with Israeli Opposition Figures in Effort to Secure Gaza Ceasefire",
        )


def test_rules_that_undo_each_other_are_named_and_the_text_is_kept() -> None:
    lint = combined(swap_rule("X901", "colour", "color"), swap_rule("X902", "color", "colour"))
    doc = Document("The colour of money.\n")
    result = fix_document(doc, lint)
    assert result.unsettled == ("X901", "X902")
    assert result.doc is doc and result.applied == ()
    assert [d.code for d in result.remaining] == ["X901"]


def test_a_fix_that_keeps_growing_stops_after_max_passes() -> None:
    lint = swap_rule("X903", "yes", "yes yes")
    result = fix_document(Document("Say yes.\n"), lint)
    assert result.unsettled == ("X903",)
    assert result.passes == MAX_PASSES
    assert result.doc.text == "Say yes.\n"


def test_a_fix_that_changes_nothing_does_not_loop() -> None:
    result = fix_document(Document("Same text.\n"), swap_rule("X904", "Same", "Same"))
    assert result.unsettled == ("X904",)
    assert result.passes == 1


def test_safe_by_default_unsafe_when_asked_display_only_never() -> None:
    lint = combined(
        swap_rule("X911", "alpha", "A"),
        swap_rule("X912", "beta", "B", Applicability.UNSAFE),
        swap_rule("X913", "gamma", "G", Applicability.DISPLAY_ONLY),
    )
    doc = Document("alpha beta gamma")
    assert fix_document(doc, lint).doc.text == "A beta gamma"
    assert fix_document(doc, lint, FixPolicy(unsafe=True)).doc.text == "A B gamma"


@pytest.mark.parametrize(
    ("table", "expected_codes"),
    [
        ({}, {"M101", "B101"}),
        ({"unfixable": ["B101"]}, {"M101"}),
        ({"fixable": ["M"]}, {"M101"}),
        ({"fixable": ["ALL"], "unfixable": ["B"]}, {"M101"}),
        (
            {"fixable": ["M", "B101"], "unfixable": ["B"]},
            {"M101", "B101"},
        ),  # the more specific wins
    ],
)
def test_fixable_and_unfixable_select_as_select_and_ignore_do(
    table: dict[str, list[str]], expected_codes: set[str]
) -> None:
    text = f"Hamas welcomed it.\n\n$\\url{{{URL}}}$\n\nExit mobile version\n"
    linter = _linter(**table)
    result = fix_document(Document(text), linter.lint, FixPolicy(codes=linter.fixable))
    assert {d.code for _, d in result.applied} == expected_codes


def test_replacement_newlines_follow_a_crlf_document() -> None:
    lint = swap_rule("X921", "[break]", "one\ntwo\r\nthree")
    result = fix_document(Document("Start\r\n[break]\r\nEnd\r\n"), lint)
    assert result.doc.text == "Start\r\none\r\ntwo\r\nthree\r\nEnd\r\n"


def test_crlf_seed_fixes_as_the_lf_seed_does() -> None:
    text = SEED_002.read_text(encoding="utf-8")
    fixed_lf = _fix(text)
    fixed_crlf = _fix(text.replace("\n", "\r\n"))
    assert "\n" not in fixed_crlf.replace("\r\n", "")
    assert fixed_crlf == fixed_lf.replace("\n", "\r\n")


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_the_final_newline_stays_as_it_was(ending: str) -> None:
    body = "Hamas welcomed the resolution."
    newline = ending or "\n"
    text = f"{body}{newline}{newline}Exit mobile version{ending}"
    assert _fix(text) == f"{body}{ending}"
    # A fix that deletes the last line with its break must not take the final newline.
    lint = swap_rule("X931", f"{newline}Tail{ending}", "")
    assert (
        fix_document(Document(f"{body}{newline}Tail{ending}"), lint).doc.text == f"{body}{ending}"
    )


def test_not_utf8_stays_cp1252_unless_its_fix_is_applied() -> None:
    data = f"Caf\xe9 owners met.\n\n$\\url{{{URL}}}$\n".encode("cp1252")
    doc = decode(data, "cafe.txt")
    assert isinstance(doc, Document) and doc.encoding == "cp1252"
    linter = _linter()
    safe = fix_document(doc, linter.lint, FixPolicy())
    assert safe.doc.encoding == "cp1252"
    assert [d.code for d in safe.remaining] == ["U002"]
    assert encode(safe.doc.text, safe.doc.encoding) == f"Caf\xe9 owners met.\n\n{URL}\n".encode(
        "cp1252"
    )
    unsafe = fix_document(doc, linter.lint, FixPolicy(unsafe=True))
    assert unsafe.doc.encoding == "utf-8" and unsafe.remaining == ()
    assert encode(unsafe.doc.text, unsafe.doc.encoding) == f"Café owners met.\n\n{URL}\n".encode()


def test_decode_error_follows_the_text_after_edits() -> None:
    data = b"$\\url{https://a.example.org/x}$ caf\xe9"
    doc = decode(data, "a.txt")
    assert isinstance(doc, Document)
    result = fix_document(doc, _linter().lint, FixPolicy())
    (u002,) = result.remaining
    assert result.doc.text[u002.start] == "é"


@pytest.mark.parametrize(
    "data",
    [
        b"Plain text, CRLF\r\nand LF\n",
        codecs.BOM_UTF8 + "Headline\n\nBody “quoted”.".encode(),
        b"Caf\xe9 \x81\x8d\x8f\x90\x9d \x93quoted\x94\r\n",
        codecs.BOM_UTF8 + b"not utf-8 after a BOM: \xe9",
    ],
)
def test_encoding_a_decoded_document_gives_back_its_bytes(data: bytes) -> None:
    doc = decode(data, "x.txt")
    assert isinstance(doc, Document)
    assert encode(doc.text, doc.encoding, doc.bom) == data


def test_text_cp1252_cannot_store_is_a_clear_error() -> None:
    with pytest.raises(WriteError, match="cp1252 cannot store"):
        encode("Arrow \u2192 here", "cp1252")


def test_fix_text_returns_the_text_and_the_applied_diagnostics() -> None:
    fixed = corpuslint.fix_text(SEED_002.read_text(encoding="utf-8"), select=["B101", "S101"])
    text, applied = fixed
    assert text == fixed.text and "Exit mobile version" not in text
    assert all(isinstance(d, Diagnostic) for d in applied)
    assert sorted(d.code for d in applied) == ["B101", "B101", "S101"]
    assert corpuslint.fix_text("Clean text.\n") == ("Clean text.\n", [])


def test_fix_text_applies_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    from fixer_support import substitution_pack

    pack = substitution_pack(tmp_path, {"X941": {"break though": "break through"}}, "unsafe")
    settings = Settings(packs=(pack,), select=("X941",))  # W102 knows this one too
    text = "Biden sought to break though that impasse."
    assert corpuslint.fix_text(text, settings=settings).text == text
    fixed = corpuslint.fix_text(text, settings=settings, unsafe=True)
    assert fixed.text == "Biden sought to break through that impasse."
    assert [d.code for d in fixed.applied] == ["X941"]


def test_two_fixes_at_one_offset_are_taken_one_per_pass() -> None:
    def insert(code: str, content: str):
        def lint(doc: Document) -> list[Diagnostic]:
            if content in doc.text:
                return []
            fix = Fix.safe("Insert", Edit(0, 0, content))
            return [Diagnostic(code, "insert", "missing", 0, 0, Severity.INFO, fix)]

        return lint

    # Insertions at one offset clash (their order would be arbitrary): one per pass.
    result = fix_document(Document("text"), combined(insert("X951", "A"), insert("X952", "B")))
    assert result.passes == 2
    assert result.doc.text == "BAtext"
