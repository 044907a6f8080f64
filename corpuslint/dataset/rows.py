"""The corpus as rows: one per article, its metadata, its cleaned text, its counts and its codes.

Rows are built batch by batch (a few hundred files, or one chunk of a data
file, per batch) in the process pool, so a corpus of any size is never held
whole: `export.py` validates and writes each batch as it arrives. Metadata
comes from `extract()` on the text as read, the same function the S rules use;
`text` is the text with safe fixes applied (and unsafe ones with `unsafe`; as read
with `raw`); `codes`, `n_errors` and `n_warnings` describe the text as read. A data
file's records keep their other fields (the user's own `id`, a URL, a crawl date) as
text columns after these, named by `schema.record_columns`.

Dates: `published`/`updated` are UTC timestamps only when the text gives a
date, a time and a timezone; anything less (a date alone, a local time, a
day without a year) leaves them null and is kept, as the text gave it, in
`published_iso`/`updated_iso`. Nothing is guessed.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeVar

import numpy as np
import polars as pl

from corpuslint.article.extract import Field, extract
from corpuslint.config import CorpusSettings, Settings
from corpuslint.corpus.features import body_signature
from corpuslint.corpus.minhash import NUM_PERM
from corpuslint.dataset.schema import ISO_639_1, polars_schema, record_columns
from corpuslint.engine.executor import process_pool
from corpuslint.engine.linter import Linter
from corpuslint.fix.fixer import FixPolicy, fix_document
from corpuslint.model.diagnostic import Severity
from corpuslint.model.document import Document
from corpuslint.sources.files import Notice, Unreadable, read_document
from corpuslint.sources.records import Chunk, Fields, Malformed, field_names, is_data_file, plan, read

FILES_PER_BATCH = 256
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
SCHEMA = polars_schema()

Item = tuple[str, ...] | Chunk  # a batch's worth of text files, or one chunk of a data file
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Batch:
    """One batch's rows, and what kept other documents out of it.

    `errors` are bad input ("path: reason", an unreadable file or a malformed
    record: the export fails with exit 2); `notices` are files skipped, as `check` skips them.
    """

    frame: pl.DataFrame
    errors: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)  # one a row: the body's MinHash


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def document_id(doc: Document, text_hash: str) -> str:
    """Stable across runs: the source key (path, and record number) and the content.

    Two records holding the same text differ in their key, so their ids differ too.
    """
    key = doc.path if doc.record is None else f"{doc.path}\0{doc.record.number}"
    return hashlib.blake2b(f"{key}\0{text_hash}".encode("utf-8", "surrogatepass"),
                           digest_size=12).hexdigest()


def row(doc: Document, linter: Linter, policy: FixPolicy, *, raw: bool = False,
        language: str = "en", columns: dict[str, str] | None = None) -> dict[str, Any]:
    """One article's row (near_duplicate_of is filled later, across batches: `NearDuplicates`)."""
    if raw:
        found, text = linter.lint(doc), doc.text
    else:
        fixed = fix_document(doc, linter.lint, policy)
        found, text = list(fixed.initial), fixed.doc.text
    article = extract(doc, expected_language=language)
    found_language = article.language.value if article.language else None
    code = iso_639_1(found_language.code) if found_language else None
    published, updated = article.published, article.updated
    record = doc.record
    others = {columns[k]: v for k, v in record.fields if k in columns} if record and columns else {}
    return {
        "corpuslint_id": document_id(doc, content_hash(doc.text)),
        "path": doc.path,
        "record": record.number if record else None,
        "record_id": record.id if record else None,
        "headline": _value(article.headline),
        "standfirst": _value(article.standfirst),
        "byline": _value(article.byline),
        "published": utc(published.value) if published else None,
        "published_iso": _value(published),
        "updated": utc(updated.value) if updated else None,
        "updated_iso": _value(updated),
        "dateline_place": article.dateline.value.place if article.dateline else None,
        "source": _value(article.source),
        "urls": [url.value for url in article.urls],
        "language": code,
        "language_confidence": found_language.confidence if code and found_language else None,
        "text": text,
        "n_chars": len(text),
        "n_words": len(text.split()),
        "n_paragraphs": sum(1 for block in _PARAGRAPH_BREAK.split(text) if block.strip()),
        "content_hash": content_hash(text),
        "near_duplicate_of": None,
        "codes": sorted({d.code for d in found}),
        "n_errors": sum(d.severity is Severity.ERROR for d in found),
        "n_warnings": sum(d.severity is Severity.WARNING for d in found),
        **others,
    }


def frame(rows: list[dict[str, Any]], schema: pl.Schema = SCHEMA) -> pl.DataFrame:
    """Rows as a frame with the schema's dtypes, even when there are none."""
    return pl.DataFrame(rows, schema=schema)


def utc(iso: str) -> datetime | None:
    """A full ISO date-time with a timezone, in UTC; None for anything less (never a guess)."""
    if "T" not in iso or iso.startswith("--"):
        return None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    return parsed.astimezone(timezone.utc)


def iso_639_1(code: str) -> str | None:
    """langdetect's code as ISO 639-1 ("zh-cn" and "zh-tw" are "zh"); None if it has none."""
    base = code.split("-")[0].lower()
    return base if base in ISO_639_1 else None


def _value(found: Field[str] | None) -> str | None:
    return found.value if found is not None else None


class NearDuplicates:
    """Fills `near_duplicate_of`, batch by batch, from a compact LSH index of every row so far.

    The same test as D102 (the MinHash estimate of the bodies' word 5-gram
    Jaccard at `near-duplicate-threshold`), made streaming: each row looks up
    the rows before it that share one of its LSH bands, and the earliest that
    passes the test names its cluster's first member. The index is numpy arrays,
    not Python objects, because it is the one thing an export keeps for every
    row: per row, 16 band keys (8 bytes each), the signature cut to 16 bits a
    value (256 bytes; a chance collision moves an estimate by 1/65,536) and the
    cluster's first row (4 bytes). datasketch's index costs about 7 KB a row,
    which would break the memory bound on a large corpus.
    """

    BANDS, ROWS = 16, 8  # 16 x 8 = 128 permutations; a pair at Jaccard 0.85 is a candidate 99.4% of the time

    def __init__(self, settings: CorpusSettings) -> None:
        self.threshold = settings.near_duplicate_threshold
        self._ids: list[str] = []
        self._signatures = np.zeros((0, NUM_PERM), dtype=np.uint16)
        self._first_row = np.zeros(0, dtype=np.int32)
        # Per band: the sorted distinct keys seen so far, and the first row that had each.
        self._keys = [np.zeros(0, dtype=np.uint64) for _ in range(self.BANDS)]
        self._key_rows = [np.zeros(0, dtype=np.int64) for _ in range(self.BANDS)]

    def fill(self, batch: Batch) -> pl.DataFrame:
        offset = len(self._ids)
        count = len(batch.signatures)
        if count == 0:
            return batch.frame
        signatures = np.stack(batch.signatures)
        keys = self._band_keys(signatures)
        self._signatures = np.concatenate([self._signatures, signatures.astype(np.uint16)])
        candidates = self._candidates(keys, offset)
        first_row = np.concatenate([self._first_row, np.zeros(count, dtype=np.int32)])
        nearest: list[str | None] = []
        ids = list(batch.frame["corpuslint_id"])
        self._ids.extend(ids)
        for i in range(count):
            row = offset + i
            earlier = sorted({int(c) for c in candidates[i] if c < row})
            match = next((c for c in earlier if self._similar(c, row)), None)
            first_row[row] = first_row[match] if match is not None else row
            nearest.append(self._ids[first_row[row]] if match is not None else None)
        self._first_row = first_row
        self._remember(keys, offset)
        return batch.frame.with_columns(pl.Series("near_duplicate_of", nearest, dtype=pl.String))

    def _band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """One 64-bit key a band: its ROWS values mixed (count x BANDS)."""
        bands = signatures.astype(np.uint64).reshape(len(signatures), self.BANDS, self.ROWS)
        keys = np.zeros(bands.shape[:2], dtype=np.uint64)
        for r in range(self.ROWS):  # a loop over the rows of a band, vectorised over every row
            keys = keys * np.uint64(0x100000001B3) ^ bands[:, :, r]
        return keys

    def _candidates(self, keys: np.ndarray, offset: int) -> np.ndarray:
        """For each new row and band, the first earlier row with the same key (or a later one)."""
        count = len(keys)
        found = np.full((count, self.BANDS), np.iinfo(np.int64).max, dtype=np.int64)
        for band in range(self.BANDS):
            known, rows = self._keys[band], self._key_rows[band]
            if len(known):
                at = np.minimum(np.searchsorted(known, keys[:, band]), len(known) - 1)
                hit = known[at] == keys[:, band]
                found[hit, band] = rows[at[hit]]
            # Within the batch: the first row of the batch with the same key.
            _, first, inverse = np.unique(keys[:, band], return_index=True, return_inverse=True)
            found[:, band] = np.minimum(found[:, band], offset + first[inverse])
        return found

    def _remember(self, keys: np.ndarray, offset: int) -> None:
        for band in range(self.BANDS):
            merged = np.concatenate([self._keys[band], keys[:, band]])
            rows = np.concatenate([self._key_rows[band], offset + np.arange(len(keys))])
            # A stable sort keeps, for each key, its earliest row first.
            order = np.argsort(merged, kind="stable")
            merged, rows = merged[order], rows[order]
            first = np.ones(len(merged), dtype=bool)
            first[1:] = merged[1:] != merged[:-1]
            self._keys[band], self._key_rows[band] = merged[first], rows[first]

    def _similar(self, a: int, b: int) -> bool:
        return float(np.mean(self._signatures[a] == self._signatures[b])) >= self.threshold


class Builder:
    """Turns work items into Batches: the per-document half of an export, run in each worker."""

    def __init__(self, settings: Settings, *, raw: bool = False, unsafe: bool = False,
                 others: Sequence[str] = ()) -> None:
        self.linter = Linter(settings)
        self.policy = FixPolicy(unsafe, self.linter.fixable)
        self.raw = raw
        self.language = settings.language
        self.columns = record_columns(others)
        self.schema = polars_schema(list(self.columns.values()))

    def batch(self, item: Item) -> Batch:
        rows: list[dict[str, Any]] = []
        batch = Batch(frame(rows, self.schema))
        for doc in self._documents(item, batch):
            rows.append(row(doc, self.linter, self.policy, raw=self.raw, language=self.language,
                            columns=self.columns))
            batch.signatures.append(body_signature(doc))
        batch.frame = frame(rows, self.schema)
        return batch

    def _documents(self, item: Item, batch: Batch) -> Iterator[Document]:
        if isinstance(item, Chunk):
            if item.error is not None:
                batch.errors.append(f"{item.path}: no records read: {item.error}")
            for found in read(item, self.linter.fields, others=bool(self.columns)):
                if isinstance(found, Malformed):
                    batch.errors.append(f"{found.path}:{found.row}: malformed record "
                                        f"{found.record}: {found.reason}")
                else:
                    yield found
            return
        for path in item:
            doc = read_document(path)
            if isinstance(doc, Notice):
                batch.notices.append(doc)
            elif isinstance(doc, Unreadable):
                batch.errors.append(f"{doc.path}: cannot read the file: {doc.error}")
            else:
                yield doc


def work_items(files: Sequence[str], settings: Settings) -> list[Item]:
    """Text files in groups of FILES_PER_BATCH (in order), data files as their chunks."""
    fields = Fields(settings.text_field, settings.id_field, settings.ignore_field)
    items: list[Item] = []
    group: list[str] = []
    for path in files:
        if is_data_file(path):
            if group:
                items.append(tuple(group))
                group = []
            items.extend(plan(path, fields))
        else:
            group.append(path)
            if len(group) == FILES_PER_BATCH:
                items.append(tuple(group))
                group = []
    if group:
        items.append(tuple(group))
    return items


def other_fields(files: Sequence[str], settings: Settings) -> list[str]:
    """The data files' other record fields, each once, in order of first appearance."""
    fields = Fields(settings.text_field, settings.id_field, settings.ignore_field)
    names: dict[str, None] = {}
    for path in files:
        if is_data_file(path):
            names.update(dict.fromkeys(field_names(path, fields)))
    return list(names)


def batches(files: Sequence[str], settings: Settings, *, raw: bool = False, unsafe: bool = False,
            jobs: int | None = None, others: Sequence[str] = ()) -> Iterator[Batch]:
    """Every batch of the corpus, in order; in a process pool when there is more than one.

    `others` are the record fields kept as columns (`other_fields`)."""
    items = work_items(files, settings)
    if settings.executor == "ray":
        from corpuslint.ray.executor import export_batches

        yield from export_batches(items, settings, raw=raw, unsafe=unsafe, others=others)
        return
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(items) < 2:
        builder = Builder(settings, raw=raw, unsafe=unsafe, others=others)
        yield from (builder.batch(item) for item in items)
        return
    with process_pool(jobs, _start_worker, (settings, raw, unsafe, tuple(others))) as pool:
        yield from bounded(pool, _batch_in_worker, items, window=2 * jobs)


def bounded(pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterable[T],
            *, window: int) -> Iterator[R]:
    """`pool.map` with at most `window` tasks in flight, so finished batches cannot pile up
    in memory while the consumer validates and writes."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


_builder: Builder | None = None


def _start_worker(settings: Settings, raw: bool, unsafe: bool, others: tuple[str, ...]) -> None:
    global _builder  # one Builder (and Linter) per worker process, built once
    _builder = Builder(settings, raw=raw, unsafe=unsafe, others=others)


def _batch_in_worker(item: Item) -> Batch:
    assert _builder is not None
    return _builder.batch(item)
