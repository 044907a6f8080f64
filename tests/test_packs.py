"""Rule packs: validation names the file, the entry and the field; patterns run in linear time;
user packs from `[tool.corpuslint] packs` work end to end through the console script."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest
import re2
import yaml

from corpuslint.engine.registry import Registry
from corpuslint.model.document import Document
from corpuslint.packs import (
    Existence,
    LineEntry,
    PackError,
    Substitution,
    builtin_pack_dir,
    load_pack,
)

CASES = Path(__file__).parent / "cases"

DOC = {
    "What it finds": "House promos.",
    "Why it matters": "They repeat.",
    "Example": "Before: 'Promo' After: ''",
    "Fix safety": "Safe: whole lines only.",
}
RULE = {"name": "house-promo", "summary": "A house promo line.", "doc": DOC}
ENTRY = {"id": "promo", "code": "X101", "name": "house-promo", "kind": "line",
         "tokens": ["Listen to the podcast"]}


def _pack(tmp_path: Path, entry: dict | None = None, rule: dict | None = None) -> Path:
    data = {"rules": {"X101": rule if rule is not None else RULE},
            "entries": [entry if entry is not None else ENTRY]}
    path = tmp_path / "house.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _entry(**changes: object) -> dict:
    entry = {**ENTRY, **changes}
    return {k: v for k, v in entry.items() if v is not None}


def _rule(**changes: object) -> dict:
    rule = {**RULE, **changes}
    return {k: v for k, v in rule.items() if v is not None}


ENTRY_ERRORS = [
    ("unknown-kind", _entry(kind="occurrence"), "field 'kind': unknown kind 'occurrence'"),
    ("bad-regex", _entry(tokens=None, pattern="Listen (to"), "field 'pattern': RE2 cannot compile"),
    ("escapes-its-group", _entry(tokens=None, pattern="a)|(b"),
     "field 'pattern': RE2 cannot compile"),
    ("matches-empty", _entry(tokens=None, pattern="(?:promo)?"),
     "field 'pattern': '(?:promo)?' matches the empty string"),
    ("missing-code", _entry(code=None), "missing field 'code'"),
    ("missing-name", _entry(name=None), "missing field 'name'"),
    ("missing-kind", _entry(kind=None), "missing field 'kind'"),
    ("missing-header", _entry(kind="block", tokens=None), "missing field 'header'"),
    ("neither-tokens-nor-pattern", _entry(tokens=None),
     "give exactly one of the fields 'tokens' and 'pattern'"),
    ("both-tokens-and-pattern", _entry(pattern="promo"),
     "give exactly one of the fields 'tokens' and 'pattern'"),
    ("tokens-not-a-list", _entry(tokens="Listen"), "field 'tokens' must be a non-empty list"),
    ("unknown-field", _entry(level="error"), "unknown field 'level'"),
    ("field-of-another-kind", _entry(swap={"a": "b"}), "unknown field 'swap'"),
    ("ignorecase-not-bool", _entry(ignorecase="no"), "field 'ignorecase' must be true or false"),
    ("message-empty", _entry(message=""), "field 'message' must be a non-empty string"),
    ("undefined-code", _entry(code="X999"), "field 'code': X999 is defined neither"),
    ("wrong-name", _entry(name="other-name"), "field 'name': X101 is named 'house-promo'"),
    ("pattern-not-a-string", _entry(tokens=None, pattern=12),
     "field 'pattern' must be a non-empty string"),
    ("max-lines-bool", _entry(kind="block", tokens=None, header="Promos", max_lines=True),
     "field 'max_lines' must be a positive whole number"),
    ("to-end-not-bool", _entry(kind="block", tokens=None, header="Promos", to_end="yes"),
     "field 'to_end' must be true or false"),
    ("bad-member", _entry(kind="block", tokens=None, header="Promos", member="[a-"),
     "field 'member': RE2 cannot compile"),
    ("swap-not-a-mapping", _entry(kind="substitution", tokens=None, swap=["a"]),
     "field 'swap' must map patterns to replacements"),
    ("swap-replacement-not-a-string", _entry(kind="substitution", tokens=None, swap={"a": 1}),
     "field 'swap': the replacement of 'a' must be a string"),
    ("bad-swap-regex", _entry(kind="substitution", tokens=None, swap={"break (though": "x"}),
     "field 'swap': RE2 cannot compile"),
    ("bad-applicability", _entry(kind="substitution", tokens=None, swap={"a": "b"},
                                 applicability="always"),
     "field 'applicability' must be safe, unsafe or display-only"),
]


@pytest.mark.parametrize(("entry", "expected"), [c[1:] for c in ENTRY_ERRORS],
                         ids=[c[0] for c in ENTRY_ERRORS])
def test_entry_errors_name_file_entry_and_field(tmp_path: Path, entry: dict, expected: str) -> None:
    path = _pack(tmp_path, entry=entry)
    with pytest.raises(PackError) as raised:
        load_pack(path)
    message = str(raised.value)
    label = f"{path}: entry 1 ({entry['id']}): " if "id" in entry else f"{path}: entry 1: "
    assert message.startswith(label), message
    assert expected in message, message


RULE_ERRORS = [
    ("missing-summary", _rule(summary=None), "missing field 'summary'"),
    ("missing-doc", _rule(doc=None), "missing field 'doc'"),
    ("doc-lacks-a-part", _rule(doc={k: v for k, v in DOC.items() if k != "Example"}),
     "doc lacks the part 'Example'"),
    ("unknown-doc-part", _rule(doc={**DOC, "See also": "x"}), ".doc: unknown field 'See also'"),
    ("empty-doc-part", _rule(doc={**DOC, "Example": " "}),
     "field 'doc.Example' must be a non-empty string"),
    ("unknown-rule-field", _rule(level="error"), "unknown field 'level'"),
    ("bad-severity", _rule(severity="fatal"), "field 'severity'"),
    ("bad-fix", _rule(fix="maybe"), "field 'fix' must be one of: always, sometimes, never"),
    ("enabled-not-bool", _rule(enabled="off"), "field 'enabled' must be true or false"),
    ("name-not-kebab", _rule(name="House_Promo"), "name 'House_Promo' is not kebab-case"),
]


@pytest.mark.parametrize(("rule", "expected"), [c[1:] for c in RULE_ERRORS],
                         ids=[c[0] for c in RULE_ERRORS])
def test_rule_header_errors_name_file_code_and_field(tmp_path: Path, rule: dict,
                                                     expected: str) -> None:
    path = _pack(tmp_path, rule=rule)
    with pytest.raises(PackError) as raised:
        load_pack(path)
    assert str(raised.value).startswith(f"{path}: rules.X101"), str(raised.value)
    assert expected in str(raised.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("rules: {}\nentries: []\n", "field 'entries' must be a non-empty list"),
    ("- a list\n", "a pack is a mapping with the keys 'rules' and 'entries'"),
    ("rules: [X101]\nentries: [{}]\n", "field 'rules' must map each code to its metadata"),
    ("rules: {}\nentries: [{}]\nextends: other.yaml\n", "unknown field 'extends'"),
    ("rules: {\n", "not valid YAML"),
    ("rules: {}\nentries: [oops]\n", "entry 1: must be a mapping"),
], ids=["no-entries", "not-a-mapping", "rules-not-a-mapping", "unknown-top-level", "bad-yaml",
        "entry-not-a-mapping"])
def test_pack_shape_errors_name_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_pack(path)
    assert str(raised.value).startswith(f"{path}: "), str(raised.value)
    assert expected in str(raised.value)


def test_redefining_a_known_code_is_refused(tmp_path: Path) -> None:
    known = Registry.load().infos
    path = tmp_path / "again.yaml"
    path.write_text(yaml.safe_dump({"rules": {"B102": {**RULE, "name": "subscribe-prompt"}},
                                    "entries": [_entry(code="B102", name="subscribe-prompt")]}))
    with pytest.raises(PackError, match=r"rules\.B102: B102 is already defined by .*promos\.yaml"):
        load_pack(path, known)


def test_backreference_is_refused_with_re2s_reason(tmp_path: Path) -> None:
    path = _pack(tmp_path, entry=_entry(kind="existence", tokens=None, pattern=r"\b(\w+) \1\b"))
    with pytest.raises(PackError) as raised:
        load_pack(path)
    assert str(raised.value) == (
        f"{path}: entry 1 (promo): field 'pattern': RE2 cannot compile '\\\\b(\\\\w+) \\\\1\\\\b': "
        "invalid escape sequence: \\1"
    )


def test_catastrophic_pattern_finishes_because_re2_is_linear(tmp_path: Path) -> None:
    """`(a+)+$` backtracks exponentially in Python's re; RE2 answers in one pass."""
    path = _pack(tmp_path, entry=_entry(kind="existence", tokens=None, pattern="(a+)+$"))
    [entry] = load_pack(path)
    hostile = Document("a" * 100_000 + "!", "hostile.txt")
    assert list(entry.check(hostile)) == []
    matching = Document("a" * 100_000, "matching.txt")
    assert [(d.start, d.end) for d in entry.check(matching)] == [(0, 100_000)]


def test_a_phrase_list_is_one_regex_that_finds_every_phrase(tmp_path: Path) -> None:
    phrases = [f"promo number {i}" for i in range(500)]
    path = _pack(tmp_path, entry=_entry(kind="existence", tokens=phrases))
    [entry] = load_pack(path)
    assert isinstance(entry, Existence)
    text = "See promo number 7 and PROMO  NUMBER 123, then promo number 499."
    found = [text[d.start:d.end] for d in entry.check(Document(text, "x.txt"))]
    # Longest phrase first: "promo number 123" wins over "promo number 12" and "promo number 1".
    assert found == ["promo number 7", "PROMO  NUMBER 123", "promo number 499"]


def test_substitution_swaps_in_one_pass_in_text_order(tmp_path: Path) -> None:
    swap = {"break though": "break through", "loose (?:the|a) match": "lose the match",
            "(wreck)les+": "reckless"}
    path = _pack(tmp_path, entry=_entry(kind="substitution", tokens=None, swap=swap))
    [entry] = load_pack(path)
    assert isinstance(entry, Substitution)
    text = "Wreckless driving. They may loose the match but break though the defence."
    found = [(text[d.start:d.end], d.fix.edits[0].content)
             for d in entry.check(Document(text, "x")) if d.fix]
    assert found == [("Wreckless", "Reckless"), ("loose the match", "lose the match"),
                     ("break though", "break through")]


def test_line_entry_reports_only_whole_lines(tmp_path: Path) -> None:
    [entry] = load_pack(_pack(tmp_path))
    assert isinstance(entry, LineEntry)
    text = ("Listen to the podcast\n\nListen to the podcast on Monday, she said.\n\n"
            "  Listen  to the podcast \n")
    rows = [Document(text, "x").location(d.start).row for d in entry.check(Document(text, "x"))]
    assert rows == [1, 5]


def _prefilter_hits(entry: LineEntry, text: str) -> bool:
    return re2.search(entry.prefilter, text) is not None


@pytest.mark.parametrize("text", [
    "Listen to the podcast",  # the whole text
    "Headline\n\n  Listen to the podcast \t\nBody.\n",
    "Headline\r\n\r\nListen to the podcast\r\nBody.\r\n",  # CRLF
    "Headline\rListen to the podcast\rBody.",  # lone CR
    "Headline\n\nLISTEN TO THE PODCAST",  # at the end, in capitals
])
def test_line_prefilter_passes_every_line_the_entry_reports(tmp_path: Path, text: str) -> None:
    [entry] = load_pack(_pack(tmp_path))
    assert isinstance(entry, LineEntry) and list(entry.check(Document(text, "x")))
    assert _prefilter_hits(entry, text)


def test_line_prefilter_skips_the_phrase_inside_a_sentence(tmp_path: Path) -> None:
    [entry] = load_pack(_pack(tmp_path))
    assert isinstance(entry, LineEntry)
    text = "Headline\n\nListen to the podcast on Monday, she said.\n"
    assert not list(entry.check(Document(text, "x")))
    assert not _prefilter_hits(entry, text)  # the engine's screen skips the entry


@pytest.mark.parametrize("pattern", ["^Promo$", r"\APromo", r"Promo\z", "(?:Promo|Ad$)"])
def test_line_prefilter_of_a_pattern_with_anchors_is_the_plain_pattern(
        tmp_path: Path, pattern: str) -> None:
    """Inside the whole text an anchor no longer stands at the line's edges: no line anchoring."""
    [entry] = load_pack(_pack(tmp_path, _entry(tokens=None, pattern=pattern)))
    assert entry.prefilter == f"(?i:{pattern})"


@pytest.mark.parametrize("pattern", ["[^$]Promo", r"\$5 off", "[]^]Promo"])
def test_line_prefilter_anchors_a_pattern_whose_carets_are_literal(
        tmp_path: Path, pattern: str) -> None:
    [entry] = load_pack(_pack(tmp_path, _entry(tokens=None, pattern=pattern)))
    assert entry.prefilter != f"(?i:{pattern})"
    assert entry.prefilter.startswith("(?m)")


def test_explicit_prefilter_replaces_the_patterns_and_must_compile(tmp_path: Path) -> None:
    [entry] = load_pack(_pack(tmp_path, _entry(prefilter="podcast")))
    assert entry.prefilter == "(?i:podcast)"
    with pytest.raises(PackError, match="entry 1 \\(promo\\): field 'prefilter': RE2 cannot"):
        load_pack(_pack(tmp_path, _entry(prefilter="podcast (")))


def _builtin_entries_with_their_own_prefilter() -> list[tuple[LineEntry, str]]:
    own = {spec["id"]: spec["code"]
           for path in sorted(builtin_pack_dir().glob("*.yaml"))
           for spec in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
           if "prefilter" in spec}
    registry = Registry.load()
    checks = registry.checks_for(registry.select(("ALL",), (), ()))
    return [(check, code) for check in checks if isinstance(check, LineEntry)
            for entry_id, code in own.items() if check.label.endswith(f"({entry_id})")]


def test_builtin_explicit_prefilters_pass_every_case_their_entry_reports() -> None:
    """An explicit prefilter is only a screen: it must match wherever its entry finds something."""
    pairs = _builtin_entries_with_their_own_prefilter()
    assert pairs, "no built-in entry declares a prefilter"
    for entry, code in pairs:
        cases = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
        texts = [case["text"] for key in ("report", "pass") for case in cases.get(key, [])]
        reported = 0
        for text in texts:
            for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r"),
                            text.replace("|", "\t|\t"), text.strip()):
                if list(entry.check(Document(variant, "x"))):
                    reported += 1
                    assert _prefilter_hits(entry, variant), (entry.label, variant)
        assert reported, f"{entry.label}: no case of {code} is reported by this entry"


def test_every_builtin_pack_loads_and_every_code_is_documented() -> None:
    registry = Registry.load()
    codes = {c for c in registry.infos if c.startswith("B")}
    assert {f"B1{n:02d}" for n in range(1, 11)} <= codes
    for code in codes:
        assert registry.infos[code].doc.missing() == [], code


# --- user packs, end to end through the console script ---------------------------------

USER_PACK = """\
rules:
  X101:
    name: podcast-promo
    summary: A promo for the site's own podcast.
    doc:
      What it finds: Lines that advertise the newsroom's podcast.
      Why it matters: They repeat under every article.
      Example: |-
        Before: "Listen to The Briefing podcast"
        After:  ""
      Fix safety: Safe, whole lines only.
entries:
  - id: podcast
    code: X101
    name: podcast-promo
    kind: line
    tokens: [Listen to The Briefing podcast, Download The Briefing]
  - id: house-newsletter
    code: B102
    name: subscribe-prompt
    kind: line
    message: "House newsletter prompt: %s"
    pattern: 'the briefing,? every morning'
"""

ARTICLE = """\
Bank holds interest rate at 4.75%

The Bank of England has left interest rates unchanged.

Listen to The Briefing podcast

The Briefing, every morning

Economists had expected the decision.
"""


def _project(tmp_path: Path, pack: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpuslint]\npacks = ["rules/house.yaml"]\n', encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "rates.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _run(exe: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_user_pack_adds_a_code_and_extends_a_builtin_one(tmp_path: Path,
                                                         corpuslint_exe: str) -> None:
    project = _project(tmp_path, USER_PACK)
    result = _run(corpuslint_exe, project, "check", "--ignore", "S207", "--output-format", "json", "corpus")
    assert result.returncode == 1, result.stderr
    found = [(f["code"], f["location"]["row"], f["message"]) for f in json.loads(result.stdout)]
    assert found == [("X101", 5, "Boilerplate line: Listen to The Briefing podcast"),
                     ("B102", 7, "House newsletter prompt: The Briefing, every morning")]

    rule = _run(corpuslint_exe, project, "rule", "X101")
    assert rule.returncode == 0, rule.stderr
    assert rule.stdout.startswith("X101 podcast-promo\n\nA promo for the site's own podcast.")
    assert "## Fix safety\nSafe, whole lines only." in rule.stdout


def test_user_pack_loads_through_the_registry(tmp_path: Path) -> None:
    project = _project(tmp_path, USER_PACK)
    registry = Registry.load([project / "rules" / "house.yaml"])
    assert registry.infos["X101"].name == "podcast-promo"
    assert registry.infos["X101"].origin == str(project / "rules" / "house.yaml")
    b102 = [c for c in registry.checks if c.info.code == "B102"]
    assert len(b102) == 4  # three built-in entries and the user's


@pytest.mark.parametrize("command", [["check", "corpus"], ["rules"], ["rule", "B102"]])
def test_invalid_user_pack_is_a_usage_error(tmp_path: Path, corpuslint_exe: str,
                                            command: list[str]) -> None:
    broken = USER_PACK.replace("kind: line\n    tokens", "kind: lines\n    tokens")
    project = _project(tmp_path, broken)
    result = _run(corpuslint_exe, project, *command)
    assert result.returncode == 2
    pack = project / "rules" / "house.yaml"
    assert result.stderr == textwrap.dedent(f"""\
        corpuslint: error: {pack}: entry 1 (podcast): field 'kind': unknown kind 'lines' \
(expected one of: existence, substitution, line, block)
        """)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_each_boilerplate_case_is_reported_once_by_the_whole_family() -> None:
    """Every B1 code's must-report cases, linted with all of B1: one finding, of that code only.

    B2 (page chrome) is left out: its cases are whole pages, where one classifier reports
    runs of several shapes at once, and B1 rules may fire on the same chrome.
    """
    from conftest import CASES

    from corpuslint.config import Settings
    from corpuslint.engine.linter import Linter

    linter = Linter(Settings(select=("B1",)))
    checked = 0
    for path in sorted(CASES.glob("B1*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["report"]:
            found = [(d.code, case["text"][d.start:d.end])
                     for d in linter.lint(Document(case["text"], "case.txt"))]
            assert found == [(path.stem, case["flagged"])] * case.get("count", 1), case["name"]
            checked += 1
    assert checked >= 30
