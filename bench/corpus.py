"""Build the benchmark corpora from bbc-dev: replicated, randomly edited, with artifacts injected.

Every benchmark in bench/ uses this one builder, so their figures speak of the
same text. Copy 0 of each article is verbatim; every later copy has a few
percent of its words edited (so copies are near-duplicates, not exact ones),
and a fraction of all documents gets one scraping artifact injected, so that
rules have real work to do. The same seed gives the same bytes.

    python bench/corpus.py --size-mb 100 --out bench/out/corpus-100mb
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_source() -> Path:
    for folder in ROOT.parents:
        candidate = folder / "shared" / "corpora" / "bbc-dev"
        if candidate.is_dir():
            return candidate
    return ROOT / "tests" / "data" / "bbc-sample"


def _append(line: str) -> Callable[[str, random.Random], str]:
    return lambda text, rng: text.rstrip("\n") + "\n\n" + line + "\n"


def _repeat_headline(text: str, rng: random.Random) -> str:
    headline, _, rest = text.partition("\n")
    return f"{headline}\n\n{headline}\n{rest}"


def _mojibake(text: str, rng: random.Random) -> str:
    return text.replace("'", "\u2019", 3).replace("\u2019", "\u2019".encode().decode("cp1252"), 3)


def _double_word(text: str, rng: random.Random) -> str:
    return text.replace(" the ", " the the ", 1)


def _blank_run(text: str, rng: random.Random) -> str:
    return text.replace("\n\n", "\n\n\n\n", 1)


# Each injector adds one artifact a default rule should report.
INJECTORS: dict[str, Callable[[str, random.Random], str]] = {
    "latex-url": _append("$\\frac{https://www.example.org/news/2024/06/story-12345$"),
    "exit-mobile": _append("Exit mobile version"),
    "related-posts": _append("Related posts\n\nMarkets slide as oil rises\n\nnewsdesk"),
    "comments": _append("COMMENTS\nComments are moderated and will be posted if on-topic."),
    "repeated-headline": _repeat_headline,
    "mojibake": _mojibake,
    "html-entity": lambda text, rng: text.replace(" and ", " &amp; ", 1),
    "doubled-word": _double_word,
    "blank-run": _blank_run,
    "heading-marker": lambda text, rng: "## " + text,
    "trailing-space": lambda text, rng: text.replace("\n", "  \n", 1),
}


@dataclass(frozen=True)
class Article:
    key: str  # copyNN/category/name
    text: str


def _edit_words(text: str, rng: random.Random, rate: float) -> str:
    """Replace, drop or swap about `rate` of the body's words; the headline stays.

    The edits make near-duplicates, not artifacts: a replacement never repeats a
    neighbour (that would be a doubled word, W103's artifact, in most documents),
    and only plain words are touched, so quotes and brackets stay paired.
    """
    headline, sep, body = text.partition("\n")
    words = body.split(" ")
    for i in range(len(words) - 1):
        if rng.random() < rate and words[i].isalpha() and words[i + 1].isalpha():
            action = rng.randrange(3)
            if action == 0:
                choice = rng.choice(words)
                if choice not in (words[i - 1] if i else "", words[i + 1]):
                    words[i] = choice
            elif action == 1:
                words[i] = ""
            else:
                words[i], words[i + 1] = words[i + 1], words[i]
    return headline + sep + " ".join(w for w in words if w)


def articles(source: Path, size_mb: float, *, seed: int = 2026, edit_rate: float = 0.03,
             artifact_rate: float = 0.1) -> Iterator[Article]:
    """Copies of every article of `source` until about `size_mb` megabytes have been produced."""
    originals = [(p.relative_to(source).as_posix(), p.read_text(encoding="utf-8"))
                 for p in sorted(source.glob("*/*.txt"))]
    if not originals:
        raise SystemExit(f"no */*.txt articles under {source}")
    rng = random.Random(seed)
    injectors = list(INJECTORS.values())
    budget, copy = size_mb * 1_000_000, 0
    while budget > 0:
        for name, text in originals:
            if copy:
                text = _edit_words(text, rng, edit_rate)
            if rng.random() < artifact_rate:
                text = rng.choice(injectors)(text, rng)
            budget -= len(text.encode("utf-8"))
            yield Article(f"copy{copy:03d}/{name}", text)
            if budget <= 0:
                return
        copy += 1


def write(out: Path, items: Iterator[Article], *, files: bool = True) -> tuple[int, int]:
    """Write the articles as one JSONL file out/corpus.jsonl and, with `files`, under out/files/."""
    folder = out / "files"
    count = size = 0
    out.mkdir(parents=True, exist_ok=True)
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as jsonl:
        for article in items:
            if files:
                path = folder / article.key
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(article.text, encoding="utf-8")
            jsonl.write(json.dumps({"id": article.key, "text": article.text}, ensure_ascii=False) + "\n")
            count += 1
            size += len(article.text.encode("utf-8"))
    return count, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=100)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpus-100mb")
    parser.add_argument("--source", type=Path, default=default_source())
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jsonl-only", action="store_true", help="write only out/corpus.jsonl")
    args = parser.parse_args(argv)
    if (args.out / "corpus.jsonl").exists():
        print(f"{args.out} exists; delete it to rebuild", file=sys.stderr)
        return 0
    count, size = write(args.out, articles(args.source, args.size_mb, seed=args.seed),
                        files=not args.jsonl_only)
    print(f"{count} documents, {size / 1e6:.1f} MB under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
