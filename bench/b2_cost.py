"""What turning on the B2 page-chrome rules costs per document, against the default pass.

    python bench/b2_cost.py                       # the bench corpus (bbc-dev, as bench/run.py builds it)
    python bench/b2_cost.py --corpus ../shared/corpora/aeb-pages --repeat 5

Documents are read into memory first; each round times the default rules
(`Linter.lint`: screen, checks, suppressions) and then the same with
`extend-select = ["B2"]`, over the same documents in one process, and the
fastest round of each is kept (the machine is shared: the minimum is the
least disturbed). The B2 share is the difference over the default's time.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document
from corpuslint.sources.files import read_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-dev"


def _seconds(linter: Linter, docs: list[Document]) -> float:
    start = time.perf_counter()
    for doc in docs:
        linter.lint(doc)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    if not paths:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 2
    docs = [d for d in (read_document(p, "-") for p in paths) if isinstance(d, Document)]
    settings = Settings()
    settings = replace(settings, corpus=replace(settings.corpus, enabled=False))
    default = Linter(settings)
    with_b2 = Linter(replace(settings, extend_select=("B2",)))
    _seconds(default, docs[:200])  # warm up: imports, the screen's switch to Hyperscan
    _seconds(with_b2, docs[:200])
    base = min(_seconds(default, docs) for _ in range(args.repeat))
    b2 = min(_seconds(with_b2, docs) for _ in range(args.repeat))
    n = len(docs)
    print(f"{n:,} documents from {args.corpus}: default {1e6 * base / n:.0f} µs a document, "
          f"with B2 {1e6 * b2 / n:.0f} µs; B2 adds {100 * (b2 - base) / base:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
