"""What turning on the B2 page-chrome rules costs per document, against the default pass.

    python bench/b2_cost.py            # bench/run.py's corpus if built, else bbc-dev (which it replicates)
    python bench/b2_cost.py --corpus DIR --repeat 7

Documents are read into memory first. B2's cost is what it adds: the screen's
extra time with the three prefilters in it, plus the B2 checks on the
documents the screen lets through. Each part is timed in its own tight loop,
rounds alternating with the default pass, and the fastest round of each is
kept (the machine is shared: the minimum is the least disturbed); a whole
`lint` with and without B2 differs by less than the noise of one run. Both
screens are measured: Hyperscan (a long run, as on bench/run.py's 51,677
documents) and RE2 (a run under HYPERSCAN_AFTER documents).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.engine.screen import HYPERSCAN_AFTER
from corpuslint.model.document import Document
from corpuslint.sources.files import read_document

BENCH = Path(__file__).resolve().parent / "out" / "corpus-100mb" / "files"
B2 = ("B201", "B202", "B203")


def _default_corpus() -> Path:
    """bench/run.py's corpus when built; else bbc-dev itself, which that corpus replicates."""
    if BENCH.is_dir():
        return BENCH
    found = (p / "shared" for p in BENCH.parents if (p / "shared" / "corpora").is_dir())
    shared = next(found, Path("shared"))
    return shared / "corpora" / "bbc-dev"


def _lint(linter: Linter, docs: list[Document]) -> float:
    start = time.perf_counter()
    for doc in docs:
        linter.lint(doc)
    return time.perf_counter() - start


def _screen(linter: Linter, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        linter.prefilters.candidates(text)
    return time.perf_counter() - start


def _b2_checks(linter: Linter, docs: list[Document]) -> float:
    """The B2 checks on the documents the screen passes them, each document fresh (no shared analysis)."""
    passed = [d for d in docs if any(c.info.code in B2 for c in linter.prefilters.candidates(d.text))]
    checks = [c for c in linter.prefilters._filtered if c.info.code in B2]
    start = time.perf_counter()
    for doc in passed:
        fresh = Document(doc.text, doc.path)
        for check in checks:
            for _ in check.check(fresh):
                pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = args.corpus or _default_corpus()
    paths = sorted(str(p) for p in corpus.rglob("*.txt"))
    if not paths:
        print(f"no .txt files under {corpus}", file=sys.stderr)
        return 2
    docs = [d for d in (read_document(p, "-") for p in paths) if isinstance(d, Document)]
    texts = [d.text for d in docs]
    settings = Settings()
    settings = replace(settings, corpus=replace(settings.corpus, enabled=False))
    rows = []
    for screen in ("RE2", "Hyperscan"):
        default = Linter(settings)
        with_b2 = Linter(replace(settings, extend_select=("B2",)))
        for linter in (default, with_b2):
            if screen == "Hyperscan":
                linter.prefilters.expect(HYPERSCAN_AFTER)
            else:
                linter.prefilters._hyperscan_after = 0  # never switch: a short run's screen throughout
        rounds = [(_lint(default, docs), _screen(default, texts), _screen(with_b2, texts),
                   _b2_checks(with_b2, docs)) for _ in range(args.repeat)]
        whole, plain, screened, checks = (min(r[i] for r in rounds) for i in range(4))
        extra = screened - plain + checks
        rows.append((screen, whole, screened - plain, checks, extra))
    n = len(docs)
    print(f"{n:,} documents from {corpus}, fastest of {args.repeat} rounds, µs a document:")
    print(f"{'screen':<10} {'default pass':>12} {'B2 screen':>10} {'B2 checks':>10} {'B2 share':>9}")
    for screen, whole, screen_extra, checks, extra in rows:
        print(f"{screen:<10} {1e6 * whole / n:>12.0f} {1e6 * screen_extra / n:>10.1f} "
              f"{1e6 * checks / n:>10.1f} {100 * extra / whole:>8.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
