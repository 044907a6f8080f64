"""How much the cheap tests in front of langdetect save, for L101 and L102.

    python bench/language_bench.py [CORPUS] [--repeat N] [--limit N]

CORPUS defaults to shared/corpora/bbc-dev beside the checkout (clean English BBC news). The
documents are read into memory first, so the figures are the rules' own cost
(timed twice: on fresh Documents, so that L102 pays for building the line
index, and on Documents whose index is built, as in a full run where other
rules build it), in CPU seconds of this process. For
each path, fast (cheap tests first) and slow (langdetect on every text long
enough to judge), it prints the throughput of L101+L102 in one process, how
many texts reached langdetect, and the findings. It also counts how often
langdetect alone would have reported another language with at least 90%
probability: what the evidence test keeps out.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from corpuslint.article import langid
from corpuslint.checks.language import ForeignLanguageDocument, ForeignLanguageParagraph
from corpuslint.model.document import Document


def _default_corpus() -> Path:
    """bbc-dev in the nearest shared/ above this checkout (as tests/conftest.py finds it)."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "corpora" / "bbc-dev").is_dir():
            return folder / "shared" / "corpora" / "bbc-dev"
    return Path("bbc-dev")


class Calls:
    """Wraps langid.detect: counts the texts it judged and what it said."""

    def __init__(self, detect: Callable[[str], langid.Verdict | None], language: str) -> None:
        self.detect, self.language = detect, language
        self.documents = self.paragraphs = self.alone = 0
        self.current = ""

    def __call__(self, text: str) -> langid.Verdict | None:
        verdict = self.detect(text)
        if text == self.current.strip():
            self.documents += 1
        else:
            self.paragraphs += 1
        if verdict and verdict.language != self.language and verdict.probability >= 0.9:
            self.alone += 1
        return verdict


def run(texts: list[str], fast_path: bool, repeat: int, language: str) -> None:
    rules = [ForeignLanguageDocument(language, fast_path=fast_path),
             ForeignLanguageParagraph(language, fast_path=fast_path)]
    calls = Calls(langid.detect, language)
    langid.detect = calls  # type: ignore[assignment]
    try:
        findings = []
        for text in texts:  # one pass to count calls and collect findings (and load profiles)
            calls.current = text
            doc = Document(text)
            findings.extend(f"{d.code} {d.message}" for rule in rules for d in rule.check(doc))
    finally:
        langid.detect = calls.detect  # type: ignore[assignment]
    chars = sum(map(len, texts))
    name = "fast path (cheap tests first)" if fast_path else "slow path (langdetect always)"
    print(f"{name}:")
    indexed = [Document(text) for text in texts]
    for doc in indexed:
        doc.lines  # noqa: B018 - built up front, as a full run's other rules do
    for label, documents in (("fresh documents (L102 builds the line index)",
                              lambda: (Document(text) for text in texts)),
                             ("line index already built", lambda: iter(indexed))):
        seconds = _best_cpu_seconds(rules, documents, repeat)
        print(f"  L101+L102, {label}: {chars / seconds / 1e6:.2f} M chars/s, "
              f"{len(texts) / seconds:,.0f} docs/s ({seconds:.3f} CPU s; best of {repeat})")
    print(f"  texts sent to langdetect: {calls.documents} whole documents, "
          f"{calls.paragraphs} paragraphs")
    print(f"  langdetect alone would report another language for {calls.alone} of them")
    print(f"  findings: {len(findings)}")
    for finding in findings[:10]:
        print(f"    {finding}")


def _cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _best_cpu_seconds(
    rules: list[ForeignLanguageDocument | ForeignLanguageParagraph],
    documents: Callable[[], Iterator[Document]],
    repeat: int,
) -> float:
    """CPU time of this process, not wall time: steadier on a shared, busy machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for doc in documents():
            for rule in rules:
                for _diagnostic in rule.check(doc):
                    pass
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_default_corpus())
    parser.add_argument("--repeat", type=int, default=5, help="timed passes of the fast path")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.rglob("*.txt"))[: args.limit or None]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    if not texts:
        parser.error(f"no .txt files under {args.corpus}")
    print(f"{args.corpus}: {len(texts)} documents, language {args.language!r}")
    split = lambda: [text.split() for text in texts]  # noqa: E731
    seconds = min(_cpu_seconds(split) for _ in range(args.repeat))
    print(f"reference, str.split() over the same texts (how fast this machine is now): "
          f"{sum(map(len, texts)) / seconds / 1e6:.1f} M chars/s")
    run(texts, fast_path=True, repeat=args.repeat, language=args.language)
    run(texts, fast_path=False, repeat=1, language=args.language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
