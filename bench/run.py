"""Throughput of corpuslint against its peers, measured in one run on the same corpus.

    python bench/run.py                 # builds bench/out/corpus-100mb if missing, runs everything
    python bench/run.py --only corpuslint-files,polars

Every tool runs as its own process under /usr/bin/time -v, so wall time and
peak RSS are measured the same way for all (RSS is the largest single process:
for corpuslint, the main process or one worker). The library peers (Polars,
Python `re`, ftfy, langdetect, datasketch) re-enter this script with `--peer`;
they time their work after loading the texts, which flatters them slightly
against the command-line tools, which read every file. Slow peers run on a
prefix of the corpus (their rate is what counts); the table says how much.
The machine is shared: read the ratios within one run, not absolute figures
across runs. Results go to the "Throughput against peers" section of
bench/RESULTS.md; other sections are kept.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import quality_bench

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SECTION = "## Throughput against peers"

# Twenty boilerplate lines a scraper leaves, in the syntax Polars, RE2, ripgrep and `re`
# share, with ASCII classes (ripgrep's Unicode \b and \s are ~30x slower).
PATTERNS = [
    r"(?i)exit mobile version",
    r"(?i)related (?:posts|articles|stories)",
    r"(?i)comments are moderated",
    r"(?i)share (?:this|on) (?:article|story|facebook|twitter)",
    r"(?i)follow us on (?:twitter|facebook|instagram)",
    r"(?i)sign up (?:for|to) our newsletter",
    r"(?i)subscribe (?:now|today|to our)",
    r"(?i)click here to",
    r"(?i)read more[: ]",
    r"(?i)all rights reserved",
    r"(?i)copyright [0-9]{4}",
    r"(?i)cookie (?:policy|settings)",
    r"(?i)advertisement",
    r"(?i)image (?:copyright|caption)",
    r"(?i)getty images",
    r"(?i)posted (?:by|on) [A-Za-z]",
    r"(?i)last updated[: ]",
    r"(?i)print this (?:page|article)",
    r"(?i)skip to (?:main )?content",
    r"(?i)you may also like",
]


@dataclass
class Row:
    name: str
    what: str
    wall: float
    mb: float
    docs: int
    rss_mb: float
    note: str = ""
    cpu: float = 0.0  # the peers' CPU seconds for the timed work (0 when not measured)

    @property
    def mb_s(self) -> float:
        return self.mb / self.wall if self.wall else 0.0

    @property
    def docs_s(self) -> float:
        return self.docs / self.wall if self.wall else 0.0


# ---- the library peers, each run in a child process --------------------------------------

def _texts(corpus: Path, limit_mb: float | None, limit_docs: int | None) -> list[str]:
    texts, size = [], 0
    with (corpus / "corpus.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            texts.append(text)
            size += len(text.encode())
            if (limit_mb and size >= limit_mb * 1e6) or (limit_docs and len(texts) >= limit_docs):
                break
    return texts


def _polars(texts: list[str]) -> None:
    import polars as pl

    frame = pl.DataFrame({"text": texts})
    frame.select([pl.col("text").str.contains(p).alias(f"p{i}") for i, p in enumerate(PATTERNS)])


def _python_re(texts: list[str]) -> None:
    compiled = [re.compile(p) for p in PATTERNS]
    for text in texts:
        for pattern in compiled:
            pattern.search(text)


def _ftfy(texts: list[str]) -> None:
    import ftfy

    for text in texts:
        ftfy.fix_text(text)


def _langdetect(texts: list[str]) -> None:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    for text in texts:
        detect(text)


def _datasketch(texts: list[str]) -> None:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    for i, text in enumerate(texts):
        words = text.split()
        shingles = {" ".join(words[j:j + 5]).encode() for j in range(max(1, len(words) - 4))}
        signature = MinHash(num_perm=128)
        signature.update_batch(list(shingles))
        lsh.query(signature)
        lsh.insert(str(i), signature)


PEERS: dict[str, Callable[[list[str]], None]] = {
    "polars": _polars, "re": _python_re, "ftfy": _ftfy, "langdetect": _langdetect,
    "datasketch": _datasketch,
}
# Peers whose set-up (loading a model, building rules) must not be timed: name -> build the work.
PREPARED: dict[str, Callable[[], Callable[[list[str]], None]]] = {
    "quality-datatrove": quality_bench.prepare_datatrove,
    "quality-corpuslint": quality_bench.prepare_corpuslint,
}


def peer_main(name: str, corpus: Path, limit_mb: float | None, limit_docs: int | None) -> None:
    """Load the texts, time the peer's work alone, print what it did as JSON."""
    texts = _texts(corpus, limit_mb, limit_docs)
    work = PREPARED[name]() if name in PREPARED else PEERS[name]
    start, cpu = time.perf_counter(), time.process_time()
    work(texts)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"wall": wall, "cpu": cpu, "docs": len(texts),
                      "mb": sum(len(t.encode()) for t in texts) / 1e6}))


# ---- measuring a process ------------------------------------------------------------------

def measure(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None
            ) -> tuple[float, float, str, int]:
    """Run `command` under /usr/bin/time -v: (wall s, peak RSS MB, stdout, exit code)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        timed = ["/usr/bin/time", "-v", "-o", report.name, *command]
        start = time.perf_counter()
        done = subprocess.run(timed, cwd=cwd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        stats = report.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats)
    return wall, int(rss.group(1)) / 1024 if rss else float("nan"), done.stdout, done.returncode


def corpus_size(files: Path) -> tuple[float, int]:
    sizes = [p.stat().st_size for p in files.rglob("*.txt")]
    return sum(sizes) / 1e6, len(sizes)


def jsonl_supported() -> bool:
    """Whether `corpuslint check x.jsonl` lints records (its findings name the record)."""
    record = {"id": "probe", "text": "Headline\n\nBody text of the probe.\n\nExit mobile version\n"}
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.jsonl"
        probe.write_text(json.dumps(record) + "\n", encoding="utf-8")
        done = subprocess.run(
            [CORPUSLINT, "check", str(probe), "--isolated", "--no-progress", "--exit-zero",
             "--output-format", "json"], capture_output=True, text=True, cwd=folder)
    try:
        return any("record" in f for f in json.loads(done.stdout or "[]"))
    except (ValueError, KeyError, TypeError):
        return False


CORPUSLINT = shutil.which("corpuslint") or "corpuslint"


def runs(corpus: Path, args: argparse.Namespace) -> Iterator[tuple[str, Callable[[], Row | None]]]:
    """(name, measure it) for every tool, corpuslint first."""
    files = corpus / "files"
    total_mb, total_docs = corpus_size(files)
    base = [CORPUSLINT, "check", "--isolated", "--no-cache", "--no-respect-gitignore", "--no-progress",
            "--exit-zero", "--statistics"]

    def cli(name: str, what: str, command: list[str], mb: float = total_mb, docs: int = total_docs,
            note: str = "") -> Callable[[], Row]:
        def run() -> Row:
            wall, rss, _, _ = measure(command)
            return Row(name, what, wall, mb, docs, rss, note)
        return run

    def peer(name: str, what: str, limit_mb: float | None = None, limit_docs: int | None = None
             ) -> Callable[[], Row]:
        def run() -> Row:
            command = [sys.executable, __file__, "--peer", name, "--corpus", str(corpus)]
            command += ["--limit-mb", str(limit_mb)] if limit_mb else []
            command += ["--limit-docs", str(limit_docs)] if limit_docs else []
            _, rss, out, code = measure(command)
            if code:
                raise RuntimeError(f"{name} failed ({code})")
            got = json.loads(out.strip().splitlines()[-1])
            note = "" if got["docs"] >= total_docs else f"first {got['docs']:,} documents"
            return Row(name, what, got["wall"], got["mb"], got["docs"], rss, note, got.get("cpu", 0.0))
        return run

    yield "corpuslint-files", cli("corpuslint", "default per-document rules, files, --no-corpus",
                                  [*base, "--no-corpus", str(files)])
    yield "corpuslint-corpus", cli("corpuslint", "default rules + corpus pass (D), files",
                                   [*base, str(files)])

    def jsonl() -> Row | None:
        if not jsonl_supported():
            return None  # activates once `corpuslint check corpus.jsonl` lints records
        return cli("corpuslint", "default per-document rules, JSONL, --no-corpus",
                   [*base, "--no-corpus", str(corpus / "corpus.jsonl")])()
    yield "corpuslint-jsonl", jsonl

    def startup() -> Row:
        one = sorted((ROOT / "seeds").glob("*.txt"))[0]
        walls = [measure([CORPUSLINT, "check", "--isolated", "--no-cache", "--no-progress", "--exit-zero",
                          str(one)])[:2] for _ in range(5)]
        wall, rss = min(walls)
        return Row("corpuslint", "startup: check one small file (best of 5)", wall,
                   one.stat().st_size / 1e6, 1, rss)
    yield "corpuslint-startup", startup
    yield "polars", peer("polars", "Polars str.contains, 20 boilerplate regexes (all cores)")
    if shutil.which("rg"):
        rg = ["rg", "--count", "--no-messages", "--no-ignore"] + [a for p in PATTERNS for a in ("-e", p)]
        yield "ripgrep", cli("ripgrep", "same 20 patterns, ASCII classes (all cores)", [*rg, str(files)])
    if shutil.which("typos"):
        yield "typos", cli("typos", "Rust spell checker (all cores)",
                           ["typos", "--format", "brief", str(files)])
    yield "re", peer("re", "Python re, loop over the 20 patterns (one core)")
    if shutil.which("codespell"):
        yield "codespell", cli("codespell", "spell checker (one core)", ["codespell", str(files)])
    yield "ftfy", peer("ftfy", "ftfy.fix_text on every document (one core)", limit_mb=args.slow_mb)
    yield "langdetect", peer("langdetect", "langdetect on every document (one core)",
                             limit_docs=args.slow_docs)
    yield "datasketch", peer("datasketch", "MinHash + LSH, 128 perm, word 5-grams (one core)",
                             limit_docs=args.slow_docs * 5)
    yield "quality-datatrove", peer("quality-datatrove", "datatrove's 4 quality filters in turn (one core)",
                                    limit_docs=args.quality_docs)
    yield "quality-corpuslint", peer("quality-corpuslint", "corpuslint --select H in-process (one core)",
                                     limit_docs=args.quality_docs)
    if shutil.which("proselint"):
        subset = sorted(files.rglob("*.txt"))[: args.proselint_docs]
        mb = sum(p.stat().st_size for p in subset) / 1e6
        yield "proselint", cli("proselint", "prose linter (one core)",
                               ["proselint", "check", *map(str, subset)], mb, len(subset),
                               f"first {len(subset):,} files")


# ---- the report ---------------------------------------------------------------------------

def table(rows: list[Row], corpus: Path) -> str:
    reference = rows[0]
    mb, docs = corpus_size(corpus / "files")
    lines = [
        SECTION, "",
        f"`python bench/run.py` on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}: "
        f"{corpus.name}, {docs:,} documents, {mb:.1f} MB (bbc-dev replicated by bench/corpus.py). "
        "Ratios are to the first row (corpuslint's default per-document rules over the files): "
        "above 1 the peer is faster or larger. Peak RSS is the largest single process.",
        "",
        "| tool | what | wall (s) | MB/s | docs/s | peak RSS (MB) | MB/s ratio | RSS ratio | note |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        memory = row.rss_mb / reference.rss_mb if reference.rss_mb else 0
        if row.docs == 1:  # start-up: a latency, not a throughput
            lines.append(f"| {row.name} | {row.what} | {row.wall:.2f} | — | — | {row.rss_mb:.0f} | — | "
                         f"{memory:.2f} | {row.note} |")
            continue
        speed = row.mb_s / reference.mb_s if reference.mb_s else 0
        lines.append(f"| {row.name} | {row.what} | {row.wall:.2f} | {row.mb_s:.2f} | "
                     f"{row.docs_s:,.0f} | {row.rss_mb:.0f} | {speed:.2f} | {memory:.2f} | {row.note} |")
    load = os.getloadavg()
    lines += ["", f"Load average at the end of the run: {load[0]:.1f} (other jobs share the machine).", ""]
    return "\n".join(lines)


def write_section(section: str, results: Path = BENCH / "RESULTS.md", heading: str = SECTION) -> None:
    """Replace the section under `heading` in RESULTS.md (or append it), keeping every other section."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=100)
    parser.add_argument("--corpus", type=Path, help="default: bench/out/corpus-<size>mb")
    parser.add_argument("--only", help="comma-separated run names (see --list)")
    parser.add_argument("--list", action="store_true", help="print the run names")
    parser.add_argument("--slow-mb", type=float, default=10, help="ftfy runs on this many MB")
    parser.add_argument("--slow-docs", type=int, default=2000, help="langdetect docs (datasketch: 5x)")
    parser.add_argument("--proselint-docs", type=int, default=100)
    parser.add_argument("--quality-docs", type=int, default=1000, help="documents for the H-vs-datatrove runs")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md")
    parser.add_argument("--peer", choices=[*PEERS, *PREPARED], help=argparse.SUPPRESS)
    parser.add_argument("--limit-mb", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--limit-docs", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = args.corpus or BENCH / "out" / f"corpus-{args.size_mb:g}mb"
    if args.peer:
        peer_main(args.peer, corpus, args.limit_mb, args.limit_docs)
        return 0
    if not (corpus / "corpus.jsonl").exists():
        subprocess.run([sys.executable, str(BENCH / "corpus.py"), "--size-mb", str(args.size_mb),
                        "--out", str(corpus)], check=True)
    only = set(args.only.split(",")) if args.only else None
    rows = []
    for name, run in runs(corpus, args):
        if args.list:
            print(name)
            continue
        if only and name not in only and name != "corpuslint-files":
            continue
        row = run()
        if row is None:
            print(f"{name}: skipped (not supported yet)", file=sys.stderr)
            continue
        rows.append(row)
        print(f"{name}: {row.wall:.2f} s, {row.mb_s:.2f} MB/s, {row.docs_s:,.0f} docs/s, "
              f"{row.rss_mb:.0f} MB", file=sys.stderr, flush=True)
    if args.list:
        return 0
    quality = {row.name: row for row in rows if row.name.startswith("quality-")}
    rows = [row for row in rows if row.name not in quality]
    section = table(rows, corpus)
    print(section)
    if len(quality) == 2:
        versus = quality_bench.section(quality["quality-datatrove"], quality["quality-corpuslint"], corpus.name,
                                       time.strftime("%Y-%m-%d"))
        print(versus)
        if not args.no_write:
            write_section(versus, heading=quality_bench.SECTION)
    if not args.no_write and len(rows) > 1:  # a run of the quality pair alone leaves the peers' table
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
