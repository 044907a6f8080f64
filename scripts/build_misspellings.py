"""Build corpuslint/checks/data/misspellings.tsv (W104's table) from the typos dictionary.

    pip install typos pyspellchecker   # typos-cli (crate-ci/typos, MIT OR Apache-2.0)
    lists=$(python -c "import spellchecker, os; print(os.path.dirname(spellchecker.__file__))")/resources
    python scripts/build_misspellings.py ../shared/corpora/bbc-dev $lists/en.json.gz \
        $lists/{de,fr,es,it,pt,nl}.json.gz

typos keeps its dictionary of common misspellings compiled into its binary,
so this script asks the binary: it writes probe words (each word of an English
vocabulary, a clean news corpus's and the common words of a word-frequency
list, with one usual slip: a letter dropped, doubled, undoubled or swapped
with the next, a vowel changed or added, "ie" for "ei", an ending spelt as
it sounds; or two of the doubling slips, as in "reccomend")
and keeps every probe typos calls a misspelling, with its corrections. The
corrections found are probed the same way once more (they are English words
the corpus may lack). A probe that the clean corpus uses twice or more, or
that the English frequency list counts as common, is a real word and is left
out; so is one shorter than four letters, or a short word common in another
language's list (German "eine"), since news quotes foreign words, and so is a misspelling of a name (a
correction the corpus capitalises inside sentences at least twice and four
times as often as it writes it in lower case: "Cheslea"). The table is a subset of typos' dictionary (MIT OR Apache-2.0,
which fits corpuslint's MIT licence); the corpus only chooses which entries.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "corpuslint" / "checks" / "data" / "misspellings.tsv"
VOWELS = "aeiou"
# Endings written the way they sound: "basicly", "vehical", "independant", "responsable".
SUFFIX_SLIPS = (("ically", "icly"), ("le", "al"), ("le", "el"), ("ence", "ance"), ("ance", "ence"),
                ("ent", "ant"), ("ant", "ent"), ("ible", "able"), ("able", "ible"), ("ful", "full"))
LONG = 7  # words this long are probed with two slips of different kinds
SOURCE = 500  # a frequency-list word this common is probed
COMMON = 1000  # and one this common is a real word, never a misspelling
# A short word common in another language ("eine", "sont") is a foreign word in a quote; a long one
# ("agression", "dilema") in English text is the English word misspelt.
FOREIGN_MAX = 5
CASED_WORD = re.compile(r"[A-Za-z]+")
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")


def slips(word: str) -> set[str]:
    out: set[str] = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])  # dropped
        out.add(word[:i] + word[i] + word[i:])  # doubled
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped
        if word[i] in VOWELS:
            out.update(word[:i] + v + word[i + 1 :] for v in VOWELS)  # vowel changed
            out.update(word[:i] + v + word[i:] for v in VOWELS)  # vowel added before a vowel
    out.add(word.replace("ie", "ei"))
    for right, wrong in SUFFIX_SLIPS:
        if word.endswith(right):
            out.add(word[: -len(right)] + wrong)
    for once in _doubling_set(word):
        out.update(_doubling_set(once))
        if len(word) >= LONG:  # a doubling slip and a vowel slip together: "ocassion", "seperatly"
            out.update(once[:i] + v + once[i + 1 :] for i in range(len(once)) if once[i] in VOWELS
                       for v in VOWELS)
    out.add(word.replace("ei", "ie"))
    out.discard(word)
    return out


def _ask_typos(probes: list[str]) -> dict[str, list[str]]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(probes) + "\n")
    result = subprocess.run(["typos", "--format", "json", handle.name],
                            capture_output=True, text=True, check=False)
    found: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        item = json.loads(line)
        if item.get("type") == "typo" and item["corrections"]:
            wrong, rights = item["typo"].lower(), [r.lower() for r in item["corrections"]]
            if wrong.isalpha() and all(r.isalpha() for r in rights):
                found[wrong] = rights
    return found


def _doubling_set(word: str) -> set[str]:
    """The word with one letter doubled or one double letter undoubled."""
    out = {word[:i] + word[i] + word[i:] for i in range(len(word))}
    out.update(word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1])
    return out


def _frequencies(path: str) -> dict[str, int]:
    """A word list: pyspellchecker's json.gz of word -> count, or a text file of words."""
    if path.endswith(".json.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return {w: int(n) for w, n in json.load(handle).items()}
    return {w.strip().lower(): COMMON for w in Path(path).read_text(encoding="utf-8").split()}


def main(corpus: str, english: str, *foreign: str) -> int:
    counts: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    mid_capital: collections.Counter[str] = collections.Counter()  # capitalised inside a sentence
    for path in Path(corpus).rglob("*.txt"):
        text = path.read_text(encoding="utf-8", errors="replace")
        words = CASED_WORD.findall(text)
        counts.update(w.lower() for w in words)
        lower.update(w for w in words if w.islower())
        mid_capital.update(w.lower() for w in MID_SENTENCE_CAPITAL.findall(text))
    frequency = _frequencies(english)
    foreign_words = {w for path in foreign for w, n in _frequencies(path).items() if n >= COMMON}
    table: dict[str, list[str]] = {}
    vocabulary = {w for w in counts if len(w) >= 4}
    vocabulary |= {w for w, n in frequency.items() if n >= SOURCE and len(w) >= 4 and w.isalpha()}
    for _ in range(2):
        probes = sorted({p for w in vocabulary for p in slips(w) if counts[p] < 2 and frequency.get(p, 0) < COMMON and len(p) >= 3}
                        - table.keys())
        found = _ask_typos(probes)
        table.update(found)
        vocabulary = {r for rights in found.values() for r in rights if len(r) >= 4} - vocabulary
    names = {w for w, n in mid_capital.items() if n >= 2 and lower[w] * 4 < n}
    kept = {w: rs for w, rs in table.items()
            if len(w) >= 4 and not (len(w) <= FOREIGN_MAX and w in foreign_words)
            and not any(r in names for r in rs)}
    header = ("# W104's misspellings: a subset of the typos dictionary (crate-ci/typos, "
              "MIT OR Apache-2.0),\n# chosen by scripts/build_misspellings.py. "
              "misspelling<TAB>corrections (comma-separated)\n")
    OUT.write_text(header + "".join(f"{w}\t{','.join(rs)}\n" for w, rs in sorted(kept.items())),
                   encoding="utf-8")
    print(f"{len(kept)} misspellings -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
