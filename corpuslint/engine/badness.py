"""ftfy's own test for mojibake, as an RE2 pattern that screens a document in one linear scan.

ftfy repairs a text's encoding only when its badness regex (`ftfy.badness.
BADNESS_RE`) matches: character sequences that are far likelier mojibake than
real text, in every codec ftfy knows (cp1252, latin-1, cp1251, cp1250, cp437,
MacRoman, iso-8859-2, Greek and Baltic ones, double layers), while text
merely full of accents does not match. So a line that regex misses is a line
ftfy leaves alone, and U101 need look at no other.

Python runs that regex at ~900 µs a news article (it tries each alternative
at every position); RE2 runs the same pattern in ~18 µs. The pattern is read
from the installed ftfy, so it follows ftfy's releases, and turned into RE2's
syntax looser where the two differ, never tighter: `\\s` and `\\w` spelled out
as Python's Unicode classes (a superset for `\\w`), and the `^` anchor
dropped. tests/test_fast_path.py holds the screen to ftfy's own answer.

The pattern is read from ftfy's file alone: importing the `ftfy` package costs
~80 ms of start-up, which a run without mojibake need not pay.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from functools import cache
from pathlib import Path

# Python's `\s` for str patterns; RE2's is [\t\n\f\r ].
_PY_SPACE = (r"[\t\n\x{0b}\f\r \x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}"
             r"\x{2029}\x{202f}\x{205f}\x{3000}]")
_PY_WORD = r"[\p{L}\p{N}\p{M}_]"


@cache
def badness_source() -> str:
    """BADNESS_RE's pattern text, read from ftfy's badness.py without running ftfy's package.

    The file builds the pattern as a str.format over its MOJIBAKE_CATEGORIES
    table; both are literals, so the pattern comes out of the syntax tree
    without compiling it (Python's compile of it costs ~20 ms of start-up).
    """
    spec = importlib.util.find_spec("ftfy")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("ftfy is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "badness.py"
    values: dict[str, ast.expr] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = node.value
    categories = ast.literal_eval(values["MOJIBAKE_CATEGORIES"])
    call = values["BADNESS_RE"]
    assert isinstance(call, ast.Call) and isinstance(call.args[0], ast.Call)
    template = call.args[0].func
    assert isinstance(template, ast.Attribute) and isinstance(template.value, ast.Constant)
    return str(template.value.value).format(**categories)


@cache
def badness_regex() -> re.Pattern[str]:
    """ftfy.badness.BADNESS_RE itself (compiled here, on the first line worth testing)."""
    return re.compile(badness_source(), re.VERBOSE)


def _compact(verbose: str) -> str:
    """A verbose pattern without its layout: spaces and `#` comments outside classes dropped."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(verbose):
        char = verbose[i]
        if char == "\\":
            out.append(verbose[i : i + 2])
            i += 2
            continue
        if not in_class and char == "#":
            i = verbose.find("\n", i)
            i = len(verbose) if i == -1 else i
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] != "[":
            in_class = False
        if in_class or not char.isspace():
            out.append(char)
        i += 1
    return "".join(out)


def badness_re2() -> str:
    """BADNESS_RE in RE2's syntax, matching wherever the original matches (and a little more)."""
    pattern = _compact(badness_source())
    pattern = pattern.replace(r"\s", _PY_SPACE).replace(r"\w", _PY_WORD)
    return _ANCHOR.sub("", pattern)


# A `^` that anchors (not one that negates a class): a screen may match anywhere.
_ANCHOR = re.compile(r"(?<![\[\\])\^")
