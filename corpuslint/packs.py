"""Declarative rule packs: YAML files of entries of a few kinds, in the spirit of Vale.

A pack has two keys. `rules` maps each code the pack defines to its metadata
and four-part doc. `entries` is a list; each entry declares the `code` and
`name` of the rule it reports under (several entries may share a code, and a
pack may add entries to a code another pack defines), an optional `id`, a
`kind` and that kind's fields:

- `existence`: `tokens` (a phrase list) or `pattern`: report each match.
- `substitution`: `swap` (pattern -> replacement): report and replace.
- `line`: `tokens` or `pattern` matched against a whole line: delete the line.
- `block`: a `header` line and the short lines after it (`member` pattern,
  `max_lines`, `max_line_chars`, `to_end`): one finding and one fix for the block.

Any entry may give a `prefilter`: a pattern that matches every text the entry
reports on, built from literals the engine's screen can index, for an entry
whose own pattern has none (a piped menu is letters and "|"s: its prefilter
asks for a spaced separator). Without one, the prefilter is the pattern itself,
demanding a whole line for `line` entries and `block` headers.

Every pattern is compiled with RE2 (linear time on any text); a pack whose
pattern RE2 cannot compile is rejected, as is any unknown kind or field, a
missing field or a value of the wrong type, with a message naming the file, the
entry and the field. Each entry matches its whole phrase list or swap table in
one pass (one RE2 alternation), never a Python loop over the phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import yaml

from corpuslint.model.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document, Line
from corpuslint.model.edits import delete_lines, is_blank

if TYPE_CHECKING:
    from corpuslint.config import Settings
from corpuslint.engine.rule import (
    DOC_SECTIONS,
    FixAvailability,
    LinearPattern,
    RuleDoc,
    RuleInfo,
    compile_linear,
)

# libyaml's safe loader when PyYAML was built with it: the same documents, ~5x faster to load.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackError(ValueError):
    """An invalid pack: the message names the file, the entry and the field."""


def builtin_pack_dir() -> Path:
    """Where the built-in packs are: inside the installed wheel, or rules/ in a checkout."""
    inside = Path(__file__).parent / "rules"
    return inside if inside.is_dir() else Path(__file__).parent.parent / "rules"


def load_pack(path: Path, known: Mapping[str, RuleInfo] | None = None) -> list[PackEntry]:
    """Read and validate one pack; `known` holds codes defined elsewhere that entries may extend."""
    where = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as error:
        raise PackError(f"{where}: cannot read the pack: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise PackError(f"{where}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}: a pack is a mapping with the keys 'rules' and 'entries'")
    _reject_unknown(data, {"rules", "entries"}, where)

    infos = dict(known or {})
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise PackError(f"{where}: field 'rules' must map each code to its metadata")
    for code, spec in rules.items():
        label = f"{where}: rules.{code}"
        if str(code) in infos:
            raise PackError(f"{label}: {code} is already defined by {infos[str(code)].origin}; "
                            "to add entries to it, leave it out of 'rules'")
        infos[str(code)] = _rule_info(str(code), spec, label)

    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{where}: field 'entries' must be a non-empty list")
    return [_entry(i, spec, infos, where) for i, spec in enumerate(entries)]


def _rule_info(code: str, spec: Any, where: str) -> RuleInfo:
    if not isinstance(spec, dict):
        raise PackError(f"{where}: must be a mapping")
    fields = {"name", "summary", "severity", "enabled", "fix", "doc"}
    _reject_unknown(spec, fields, where)
    for required in ("name", "summary", "doc"):
        if required not in spec:
            raise PackError(f"{where}: missing field {required!r}")
    doc_spec = spec["doc"]
    if not isinstance(doc_spec, dict):
        raise PackError(f"{where}: field 'doc' must map {', '.join(DOC_SECTIONS)} to text")
    _reject_unknown(doc_spec, set(DOC_SECTIONS), f"{where}.doc")
    for section, text in doc_spec.items():
        _string(text, f"doc.{section}", where)
    doc = RuleDoc({section: str(doc_spec.get(section, "")) for section in DOC_SECTIONS})
    try:
        severity = Severity.parse(str(spec.get("severity", "warning")))
    except ValueError as error:
        raise PackError(f"{where}: field 'severity': {error}") from None
    try:
        fix = FixAvailability(str(spec.get("fix", "always")))
    except ValueError:
        choices = ", ".join(f.value for f in FixAvailability)
        raise PackError(f"{where}: field 'fix' must be one of: {choices}") from None
    info = RuleInfo(
        code=code,
        name=_string(spec["name"], "name", where),
        summary=_string(spec["summary"], "summary", where),
        doc=doc,
        severity=severity,
        enabled_by_default=_boolean(spec, "enabled", True, where),
        fix=fix,
        origin=where.split(":")[0],
    )
    problems = info.validate()
    if problems:
        raise PackError(f"{where}: {'; '.join(problems)}")
    return info


def _entry(index: int, spec: Any, infos: Mapping[str, RuleInfo], where: str) -> PackEntry:
    label = f"{where}: entry {index + 1}"
    if not isinstance(spec, dict):
        raise PackError(f"{label}: must be a mapping")
    if "id" in spec:
        label = f"{label} ({spec['id']})"
    for required in ("code", "name", "kind"):
        if required not in spec:
            raise PackError(f"{label}: missing field {required!r}")
    code, name, kind = str(spec["code"]), str(spec["name"]), str(spec["kind"])
    info = infos.get(code)
    if info is None:
        raise PackError(f"{label}: field 'code': {code} is defined neither under 'rules' of this "
                        "pack nor by a built-in rule or an earlier pack")
    if info.name != name:
        raise PackError(f"{label}: field 'name': {code} is named {info.name!r}, not {name!r}")
    kinds = {cls.kind: cls for cls in (Existence, Substitution, LineEntry, Block)}
    if kind not in kinds:
        raise PackError(f"{label}: field 'kind': unknown kind {kind!r} (expected one of: "
                        f"{', '.join(kinds)})")
    entry_class = kinds[kind]
    _reject_unknown(spec, PackEntry.common_fields | entry_class.fields, label)
    entry = entry_class.build(info, spec, label)
    if "prefilter" not in spec:
        return entry
    # The author's own screen, for a pattern whose required literals RE2 cannot see (it
    # must match wherever the entry reports: tests/test_packs.py runs the built-in ones
    # over their rule's cases).
    ignore_case = _boolean(spec, "ignorecase", True, label)
    explicit = _string(spec["prefilter"], "prefilter", label)
    _compile(explicit, "prefilter", label, ignore_case)
    return replace(entry, prefilter=_prefilter(explicit, ignore_case))


def _reject_unknown(spec: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(map(str, spec)) - allowed)
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise PackError(f"{where}: unknown field {unknown[0]!r} (allowed: {allowed_list})")


def _string(value: Any, field_name: str, label: str) -> str:
    """A non-empty string; YAML would otherwise turn `yes` or `12` into other types silently."""
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{label}: field {field_name!r} must be a non-empty string")
    return value


def _boolean(spec: Mapping[str, Any], field_name: str, default: bool, label: str) -> bool:
    value = spec.get(field_name, default)
    if not isinstance(value, bool):
        raise PackError(f"{label}: field {field_name!r} must be true or false")
    return value


def _phrases_pattern(tokens: Any, label: str) -> str:
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) and t.strip()
                                                             for t in tokens):
        raise PackError(f"{label}: field 'tokens' must be a non-empty list of phrases")
    # One alternation: RE2 matches all phrases in a single pass over the text.
    longest_first = sorted(tokens, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in longest_first)


def _compile(pattern: str, field_name: str, label: str, ignore_case: bool,
             template: str = "{}", *, may_match_empty: bool = False) -> LinearPattern:
    """Compile `template` around `pattern`, after checking the pattern on its own.

    Checking it alone first means an unbalanced `a)|(b` is reported as the
    user's mistake rather than silently escaping the template's group, and a
    pattern that matches the empty string (which would report every line) is
    refused unless the field allows it.
    """
    try:
        alone = compile_linear(pattern, ignore_case=ignore_case)
    except ValueError as error:
        raise PackError(
            f"{label}: field {field_name!r}: RE2 cannot compile {pattern!r}: {error}") from None
    if not may_match_empty and alone.fullmatch(""):
        raise PackError(f"{label}: field {field_name!r}: {pattern!r} matches the empty string")
    return compile_linear(template.format(pattern), ignore_case=ignore_case)


@dataclass(frozen=True)
class PackEntry:
    """Fields every kind shares; a subclass adds its own and implements `check`."""

    common_fields: ClassVar[set[str]] = {"code", "name", "kind", "id", "message", "ignorecase",
                                         "prefilter"}
    fields: ClassVar[set[str]] = set()
    kind: ClassVar[str]

    info: RuleInfo
    label: str
    message: str
    prefilter: str | None

    def diagnostic(self, start: int, end: int, matched: str, fix: Fix | None) -> Diagnostic:
        shown = " ".join(matched.split())
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = self.message.replace("%s", shown)
        info = self.info
        return Diagnostic(info.code, info.name, message, start, end, info.severity, fix)

    @staticmethod
    def _common(spec: Mapping[str, Any], default_message: str, label: str) -> tuple[str, bool]:
        message = _string(spec.get("message", default_message), "message", label)
        return message, _boolean(spec, "ignorecase", True, label)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def configure(self, settings: Settings) -> PackEntry:
        """A pack entry takes no settings: everything it needs is in its YAML."""
        return self


@dataclass(frozen=True)
class Existence(PackEntry):
    """Report every match of a phrase list or pattern; no fix."""

    kind: ClassVar[str] = "existence"
    fields: ClassVar[set[str]] = {"tokens", "pattern"}
    regex: Any = field(default=None)

    @classmethod
    def build(cls, info: RuleInfo, spec: Mapping[str, Any], label: str) -> Existence:
        message, ignore_case = cls._common(spec, "%s", label)
        pattern, field_name = _one_pattern(spec, label)
        regex = _compile(pattern, field_name, label, ignore_case)
        return cls(info, label, message, _prefilter(pattern, ignore_case), regex)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in self.regex.finditer(doc.text):
            if match.end() > match.start():
                yield self.diagnostic(match.start(), match.end(), match.group(), None)


@dataclass(frozen=True)
class Substitution(PackEntry):
    """Report a pattern and replace it: `swap` maps patterns to their replacements."""

    kind: ClassVar[str] = "substitution"
    fields: ClassVar[set[str]] = {"swap", "applicability"}
    regex: Any = None
    # Replacement by the name of the group its pattern is wrapped in.
    replacements: Mapping[str, str] = field(default_factory=dict)
    applicability: Applicability = Applicability.UNSAFE

    @classmethod
    def build(cls, info: RuleInfo, spec: Mapping[str, Any], label: str) -> Substitution:
        message, ignore_case = cls._common(spec, "%s", label)
        swap = spec.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise PackError(f"{label}: field 'swap' must map patterns to replacements")
        try:
            applicability = Applicability(str(spec.get("applicability", "unsafe")))
        except ValueError:
            raise PackError(
                f"{label}: field 'applicability' must be safe, unsafe or display-only") from None
        replacements: dict[str, str] = {}
        for i, (key, value) in enumerate(swap.items()):
            _compile(_string(key, "swap", label), "swap", label, ignore_case)
            if not isinstance(value, str):
                raise PackError(
                    f"{label}: field 'swap': the replacement of {key!r} must be a string")
            replacements[f"_swap{i}"] = value
        # One alternation of named groups: one pass over the text finds every swap,
        # and the group that matched names the replacement (the first listed wins a tie).
        alternation = "|".join(f"(?P<_swap{i}>{key})" for i, key in enumerate(swap))
        regex = _compile(alternation, "swap", label, ignore_case, r"\b(?:{})\b")
        prefilter = _prefilter("|".join(f"(?:{key})" for key in swap), ignore_case)
        return cls(info, label, message, prefilter, regex, replacements, applicability)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in self.regex.finditer(doc.text):
            found = match.group()
            group = next(name for name in self.replacements if match.group(name) is not None)
            new = _match_case(found, self.replacements[group])
            fix = Fix(f"Replace with {new!r}", (Edit(match.start(), match.end(), new),),
                      self.applicability)
            yield self.diagnostic(match.start(), match.end(), f"{found!r} -> {new!r}", fix)


@dataclass(frozen=True)
class LineEntry(PackEntry):
    """A whole line that matches (surrounding space ignored) is boilerplate: delete it."""

    kind: ClassVar[str] = "line"
    fields: ClassVar[set[str]] = {"tokens", "pattern"}
    regex: Any = field(default=None)

    @classmethod
    def build(cls, info: RuleInfo, spec: Mapping[str, Any], label: str) -> LineEntry:
        message, ignore_case = cls._common(spec, "Boilerplate line: %s", label)
        pattern, field_name = _one_pattern(spec, label)
        regex = _compile(pattern, field_name, label, ignore_case, r"\s*(?:{})\s*")
        return cls(info, label, message, _line_prefilter(pattern, ignore_case), regex)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines:
            if line.text and self.regex.fullmatch(line.text):
                fix = Fix.safe("Delete the line", delete_lines(doc, line.row, line.row))
                yield self.diagnostic(line.start, line.end, line.text, fix)


@dataclass(frozen=True)
class Block(PackEntry):
    """A header line and the short lines that belong to it: one finding, one fix.

    The lines after the header belong to the block while they are blank, or
    match `member` (when given), or are short (`max_line_chars`), for at most
    `max_lines` non-blank lines. With `to_end`, the block counts only when it
    runs to the end of the document: a trailing "Related posts" list, never a
    paragraph in the middle of an article that happens to start the same way.
    """

    kind: ClassVar[str] = "block"
    fields: ClassVar[set[str]] = {"header", "member", "max_lines", "max_line_chars", "to_end"}
    header: Any = None
    member: Any = None
    max_lines: int = 15
    max_line_chars: int = 120
    to_end: bool = True

    @classmethod
    def build(cls, info: RuleInfo, spec: Mapping[str, Any], label: str) -> Block:
        message, ignore_case = cls._common(spec, "Boilerplate block: %s", label)
        if "header" not in spec:
            raise PackError(f"{label}: missing field 'header'")
        header_pattern = _string(spec["header"], "header", label)
        header = _compile(header_pattern, "header", label, ignore_case, r"\s*(?:{})\s*")
        member = None
        if "member" in spec:
            member = _compile(_string(spec["member"], "member", label), "member", label,
                              ignore_case, r"\s*(?:{})\s*")
        limits = {}
        for key in ("max_lines", "max_line_chars"):
            if key in spec:
                value = spec[key]
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise PackError(f"{label}: field {key!r} must be a positive whole number")
                limits[key] = value
        return cls(info, label, message, _line_prefilter(header_pattern, ignore_case), header, member,
                   to_end=_boolean(spec, "to_end", True, label), **limits)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lines = doc.lines
        for line in lines:
            if line.text and self.header.fullmatch(line.text):
                last = self._last_member(lines, line.row)
                if last is None:
                    continue
                fix = Fix.safe("Delete the block", delete_lines(doc, line.row, last.row))
                yield self.diagnostic(line.start, last.end, line.text, fix)
                return

    def _last_member(self, lines: tuple[Line, ...], header_row: int) -> Line | None:
        last, count = lines[header_row - 1], 0
        for line in lines[header_row:]:
            if is_blank(line.text):
                continue
            belongs = (self.member.fullmatch(line.text) if self.member
                       else len(line.text.strip()) <= self.max_line_chars)
            if not belongs or count == self.max_lines:
                return None if self.to_end else last
            last, count = line, count + 1
        return last


def _one_pattern(spec: Mapping[str, Any], label: str) -> tuple[str, str]:
    """The entry's pattern, and the field it came from (for error messages)."""
    if ("tokens" in spec) == ("pattern" in spec):
        raise PackError(f"{label}: give exactly one of the fields 'tokens' and 'pattern'")
    if "tokens" in spec:
        return _phrases_pattern(spec["tokens"], label), "tokens"
    return _string(spec["pattern"], "pattern", label), "pattern"


def _prefilter(pattern: str, ignore_case: bool) -> str:
    return f"(?i:{pattern})" if ignore_case else pattern


# What a whole line matched by `\s*(?:P)\s*` looks like inside the text: a line break (or
# the text's start) and spaces before it, spaces and a line break (or the end) after. As a
# prefilter this fails on clean news, where the words of a line entry ("ad", "share",
# "home") appear inside sentences, so the engine's screen skips the entry there instead of
# letting its check loop over every line. Inside a line RE2's \s can only be a tab, a form
# feed or a space: the line's breaks (\r\n, \r, \n) are outside it.
_LINE_PREFILTER = r"(?m)(?:^|\r)[\t\f ]*(?:{})[\t\f ]*(?:$|\r)"


def _line_prefilter(pattern: str, ignore_case: bool) -> str:
    """The prefilter of an entry that matches whole lines (a line entry, a block's header).

    A pattern with its own anchors (^, $, \\A, \\z) keeps the plain prefilter: inside
    the whole text they would no longer stand at the line's edges.
    """
    plain = _prefilter(pattern, ignore_case)
    return plain if _has_anchor(pattern) else _LINE_PREFILTER.format(plain)


def _has_anchor(pattern: str) -> bool:
    """True when the pattern holds ^, $, \\A or \\z outside a character class.

    It may say True for a pattern without one (then the plain prefilter is
    used, which is only slower), never False for a pattern with one.
    """
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        i += 1
        if char == "\\":
            if not in_class and pattern[i : i + 1] in ("A", "z"):
                return True
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern[i : i + 1] == "^"
            i += pattern[i : i + 1] == "]"  # a class's first ] is a literal
        elif char in "^$":
            return True
    return False


def _match_case(found: str, replacement: str) -> str:
    """Keep a capital first letter when the replaced text had one."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
