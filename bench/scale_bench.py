"""The corpus pass at scale: local executor against Ray on this machine, on one JSONL corpus.

The corpus is generated (`build`): articles of bbc-dev's words with exact
copies, near copies and repeated lines of site chrome. 1 million documents is
about 2 GB:

    python bench/scale_bench.py --documents 1000000 [--executors local ray] [--results bench/RESULTS.md]

Each run is `corpuslint check corpus.jsonl --select D --statistics` in its own
process; wall time, the main process's peak RSS (/usr/bin/time) and the peak of
the whole process tree's summed RSS (sampled every 0.5 s: the local pool's
workers, or Ray's raylet, object store and workers) are recorded, with the
findings per rule, which must be the same for both executors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import default_source  # bench/ is not a package: found by the path above
from results import replace_section

SECTION = "## Scale-out: local against Ray (bench/scale_bench.py)"


def build(documents: int, out: Path, *, seed: int = 2026) -> Path:
    """`documents` generated articles as out/corpus.jsonl (kept between runs; the same seed, the same bytes).

    bench/corpus.py's copies of bbc-dev would make every article a near copy of
    hundreds of others at this size (each copy of a story is a near duplicate of
    every other), which no corpus has; here each article is its own text of
    bbc-dev's words (Zipf-weighted), in paragraphs of sentences, and copies are
    what a scrape gets: 2% exact copies of an earlier article under a new
    headline, 5% near copies (1% of the words changed), and on 20% of the
    articles one of 50 lines of site chrome.
    """
    import numpy as np

    target = out / "corpus.jsonl"
    if target.exists():
        return target
    out.mkdir(parents=True, exist_ok=True)
    words = sorted({w for p in default_source().glob("*/*.txt")
                    for w in p.read_text(encoding="utf-8").split() if w.isalpha()})
    rng = np.random.default_rng(seed)
    weights = 1 / (np.arange(len(words)) + 10.0)
    rng.shuffle(weights)
    weights /= weights.sum()
    chrome = [f"Follow {words[i]} on every network @{words[i + 1].lower()}news" for i in range(0, 100, 2)]
    kept: list[str] = []  # a window of recent articles to copy from
    with target.open("w", encoding="utf-8") as handle:
        batch = 10_000
        for first in range(0, documents, batch):
            count = min(batch, documents - first)
            ids = rng.choice(len(words), size=(count, WORDS), p=weights)
            sentence_lengths = rng.integers(12, 26, size=(count, WORDS // 12))
            draws = rng.random((count, 4))
            for i in range(count):
                number = first + i
                if kept and draws[i, 0] < 0.02:
                    body = kept[int(draws[i, 1] * len(kept))].split("\n", 1)[1]
                    text = "A copy under a new headline\n" + body
                elif kept and draws[i, 0] < 0.07:
                    source = kept[int(draws[i, 1] * len(kept))].split(" ")
                    for at in rng.integers(0, len(source), size=max(1, len(source) // 100)):
                        source[at] = words[int(rng.integers(len(words)))]
                    text = " ".join(source)
                else:
                    text = _article([words[j] for j in ids[i]], sentence_lengths[i])
                if draws[i, 2] < 0.2:
                    text = text.rstrip("\n") + "\n\n" + chrome[int(draws[i, 3] * len(chrome))] + "\n"
                kept.append(text)
                if len(kept) > 5000:
                    kept = kept[-2500:]
                handle.write(json.dumps({"id": f"doc{number:07d}", "text": text}) + "\n")
    return target


WORDS = 260  # about 2 KB of text an article, as a news article has


def _article(words: list[str], lengths: object) -> str:
    """A headline, a blank line and paragraphs of three sentences."""
    sentences, at = [], 6
    for length in lengths:  # type: ignore[attr-defined]
        if at >= len(words):
            break
        chosen = words[at:at + int(length)]
        at += int(length)
        sentences.append(chosen[0].capitalize() + " " + " ".join(chosen[1:]) + ".")
    paragraphs = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    return " ".join(w.capitalize() for w in words[:6]) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


def timed(command: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, main process peak RSS (MB), process tree peak RSS (MB), and stdout."""
    process = subprocess.Popen(["/usr/bin/time", "-f", "TIME %e %M", *command],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _rss_mb(_descendants(process.pid)))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    seconds, kilobytes = re.search(r"TIME (\S+) (\S+)", stderr).groups()  # type: ignore[union-attr]
    return float(seconds), int(kilobytes) / 1024, peak[0], stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--executors", nargs="+", default=["local", "ray"])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--results", type=Path, default=Path(__file__).parent / "RESULTS.md")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "corpuslint")
    rows = []
    for documents in args.documents:
        corpus = build(documents, args.out / f"scale-{documents}")
        size = corpus.stat().st_size / 1e6
        counts = {}
        for executor in args.executors:
            command = [exe, "check", "--isolated", "--no-cache", "--no-progress", "--exit-zero",
                       "--select", "D", "--statistics", "--output-format", "json",
                       "--executor", executor, str(corpus)]
            seconds, main_mb, tree_mb, stdout = timed(command)
            counts[executor] = {row["code"]: row["count"] for row in json.loads(stdout)}
            rows.append((documents, size, executor, seconds, main_mb, tree_mb, counts[executor]))
            print(f"{documents:>9,} {size:8.0f} MB {executor:<6} {seconds:8.1f} s  main {main_mb:6.0f} MB  "
                  f"tree {tree_mb:6.0f} MB  {counts[executor]}", flush=True)
        if len({json.dumps(c, sort_keys=True) for c in counts.values()}) > 1:
            raise SystemExit(f"the executors disagree: {counts}")
    write_results(args.results, rows)
    return 0


def write_results(path: Path, rows: list[tuple]) -> None:
    """Replace this benchmark's section of RESULTS.md, leaving the others alone."""
    lines = [SECTION, "",
             f"`python bench/scale_bench.py` on {os.cpu_count()} cores (shared with other work): "
             "`check corpus.jsonl --select D`; main = the corpuslint process's peak RSS, tree = "
             "the peak of every process it started, summed.", "",
             "| documents | JSONL | executor | wall (s) | main RSS (MB) | tree RSS (MB) | findings |",
             "|---:|---:|---|---:|---:|---:|---|"]
    lines += [f"| {n:,} | {mb:,.0f} MB | {ex} | {s:.1f} | {m:.0f} | {t:.0f} | "
              f"{', '.join(f'{k} {v:,}' for k, v in sorted(c.items()))} |"
              for n, mb, ex, s, m, t, c in rows]
    replace_section(path, lines)


if __name__ == "__main__":
    sys.exit(main())
