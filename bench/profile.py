"""Where a document's time goes: the engine's screen, then each selected check, in one process.

    python bench/profile.py                      # 3,000 documents of bench/out/corpus-100mb
    python bench/profile.py --docs 5000 --seed 2 --top 15

Documents are drawn at random from the bench corpus's files and read into memory
first, so the figures are CPU time of the rules alone (no I/O, no pool). Each
check is timed over the documents the engine's screen lets through to it, as a
run does; the table gives microseconds per document of the whole sample, so the
rows add up to the per-document cost. A fast path is only worth what this
table shows it saves: read it before and after a change.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.engine.screen import HYPERSCAN_AFTER
from corpuslint.sources.files import read_document

CORPUS = Path(__file__).resolve().parent / "out" / "corpus-100mb" / "files"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of .txt articles")
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=20, help="rows to print, costliest first")
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    if not paths:
        print(f"no .txt files under {args.corpus}; build it with: python bench/corpus.py --size-mb 100",
              file=sys.stderr)
        return 2
    paths = random.Random(args.seed).sample(paths, min(args.docs, len(paths)))
    docs = [read_document(p, "-") for p in paths]
    size = sum(len(d.text.encode()) for d in docs)
    settings = Settings()
    # The per-document pass alone, as `--no-corpus` runs it (the corpus features are timed apart).
    linter = Linter(replace(settings, corpus=replace(settings.corpus, enabled=False)))
    screen = linter.prefilters
    for doc in docs[:HYPERSCAN_AFTER]:  # warm up as a long run does: past the switch to Hyperscan
        screen.candidates(doc.text)

    start = time.perf_counter()
    runs = [screen.candidates(d.text) for d in docs]
    screening = time.perf_counter() - start
    cost: dict[str, float] = {}
    ran: dict[str, int] = {}
    for doc, checks in zip(docs, runs, strict=True):
        for check in checks:
            started = time.perf_counter()
            for _ in check.check(doc):
                pass
            code = check.info.code
            cost[code] = cost.get(code, 0.0) + time.perf_counter() - started
            ran[code] = ran.get(code, 0) + 1
    start = time.perf_counter()
    for path in paths:
        linter.lint_file(path)
    whole = time.perf_counter() - start
    corpus_linter = Linter(settings)
    start = time.perf_counter()
    for path in paths:
        corpus_linter.lint_file(path)
    with_features = time.perf_counter() - start
    total = screening + sum(cost.values())
    n = len(docs)
    print(f"{n:,} documents, {size / n / 1000:.2f} kB each: {1e6 * total / n:.0f} µs a document, "
          f"{size / total / 1e6:.1f} MB/s on one core")
    print(f"{'cost':<12} {'µs/doc':>8} {'ran on':>8}")
    print(f"{'lint_file':<12} {1e6 * whole / n:>8.1f} {n:>8,}  (read, screen, checks, suppress, locate)")
    print(f"{'engine':<12} {1e6 * (whole - total) / n:>8.1f} {n:>8,}  (lint_file less screen and checks)")
    print(f"{'features':<12} {1e6 * (with_features - whole) / n:>8.1f} {n:>8,}  (for the corpus pass)")
    print(f"{'screen':<12} {1e6 * screening / n:>8.1f} {n:>8,}")
    for code, seconds in sorted(cost.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{code:<12} {1e6 * seconds / n:>8.1f} {ran[code]:>8,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
