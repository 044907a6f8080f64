"""D: duplication across the corpus: copies, near copies, rewrites, shared lines, spellings.

These are corpus rules (see corpuslint/corpus.py): they read the features of
every document at once. A finding about a pair is reported on the later
document (by path) and names the first, so deleting every reported document
keeps one copy of each article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import numpy as np

from corpuslint.corpus.corpus_pass import Bands, Corpus, CorpusRule, jaccards
from corpuslint.corpus.features import (
    LINES,
    SENTENCES,
    SIGNATURE,
    SPELLINGS,
)
from corpuslint.corpus.minhash import word_hashes
from corpuslint.corpus.sentences import SentenceVectors
from corpuslint.model.diagnostic import Diagnostic, Severity

# D103 looks for rewrite candidates among pairs whose content words overlap this much.
REWRITE_CANDIDATE_JACCARD = 0.2
MIN_REWRITE_SENTENCES = 5
REWRITE_MIN_CONTAINMENT = 0.35


class ExactDuplicate(CorpusRule):
    """The same article body appears more than once in the corpus.

    ## What it finds
    Documents whose body (the text after the headline line) is identical to
    an earlier document's once case, quote style, Unicode forms and spacing
    are normalised. Every copy but the first (by path) is reported, naming
    the first; a new headline on the same body does not hide a copy.

    ## Why it matters
    Duplicates inflate a corpus, leak between training and test splits and
    let one article count twice in any statistic drawn from it.

    ## Example
    Before: `business/uk-interest-rates-held-at-4-75.txt` holds the body of
    `business/bank-holds-interest-rate-at-4-75.txt` under another headline.
    After: one of the two is dropped (or the export marks it).

    ## Fix safety
    No fix: which copy to keep (and whether the headlines matter) is a choice
    for whoever owns the corpus.
    """

    code = "D101"
    name = "exact-duplicate"
    severity = Severity.WARNING
    needs = frozenset()

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        for group in corpus.exact_groups:
            first = corpus.docs[group[0]].name
            for i in group[1:]:
                yield i, self.at_head(corpus.docs[i], f"Same body as {first}")


class NearDuplicate(CorpusRule):
    """An article is a near copy of another in the corpus.

    ## What it finds
    Documents whose bodies share most of their word 5-grams with an earlier
    document: the estimated Jaccard similarity (MinHash, 128 permutations,
    with LSH so the corpus is never compared pair by pair) is at least
    `near-duplicate-threshold` (0.8 by default). Near copies are joined into
    clusters; every member but the first (by path) is reported with the
    cluster's first document and the estimated similarity. Exact copies are
    D101's. A document over 2 million characters is compared by its first
    2 million (a window: memory stays bounded; docs/bad-input.md).

    ## Why it matters
    A story republished with a corrected figure, a new sign-off or a trimmed
    paragraph is still the same story: it skews a corpus as exact copies do,
    and no hash finds it.

    ## Example
    Before: the same report twice, once with "jumped 76%" and once with
    "rose 76%" and a paragraph fewer.
    After: one of the two is kept; the export's `near_duplicate_of` names
    the kept one.

    ## Fix safety
    No fix: which version to keep (the longer, the later, the corrected) is
    a choice for whoever owns the corpus.
    """

    code = "D102"
    name = "near-duplicate"
    severity = Severity.WARNING
    needs = frozenset({SIGNATURE})

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        exact = {i for group in corpus.exact_groups for i in group[1:]}
        for cluster in corpus.clusters:
            first = cluster.members[0]
            size = len(cluster.members)
            for i in cluster.members[1:]:
                if i in exact:
                    continue
                message = (f"Near-duplicate of {corpus.docs[first].name} (estimated Jaccard "
                           f"{corpus.jaccard(first, i):.2f}; cluster of {size} documents)")
                yield i, self.at_head(corpus.docs[i], message)


class RewrittenArticle(CorpusRule):
    """An article is another one rewritten sentence by sentence.

    ## What it finds
    Pairs of documents where most sentences of one have a counterpart in the
    other, in the same order: each sentence is matched to its most similar
    sentence in the other article (cosine of TF-IDF vectors of content
    words, the IDF learned from the corpus), and the longest in-order chain
    of matches is measured. When it covers at least `rewrite-threshold` (75%
    by default) of either article's sentences, the later document (by path)
    is reported. Two reports of the same event, written independently, stay
    well below: they share names and facts but not the order of sentences.
    A document over 2 million characters is read for its first 2 million.
    Candidate pairs come from an LSH over content words, never all pairs;
    copies already reported by D101 or D102 are left out.

    ## Why it matters
    Spun or paraphrased copies ("content farms") pass every hash and n-gram
    test yet carry no new information; in training data they are duplicates
    in disguise, and in an archive they are someone else's article.

    ## Example
    Before: "Blinken held talks with Benny Gantz and Yair Lapid" in one
    article, "Blinken's meetings with Benny Gantz and Yair Lapid were
    followed by…" in another, and so on for each sentence.
    After: the rewrite is dropped, or kept with its source noted.

    ## Fix safety
    No fix: a rewrite may be a legitimate syndicated version; only a person
    can decide.
    """

    code = "D103"
    name = "rewritten-article"
    severity = Severity.WARNING
    needs = frozenset({SENTENCES, SIGNATURE})

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        docs = corpus.docs
        # Copies are D101's and D102's: only one document of each cluster takes part.
        kept = [i for i in range(len(docs)) if corpus.cluster_of.get(i, i) == i
                and len(docs[i].sentence_ends) >= MIN_REWRITE_SENTENCES]
        vectors = SentenceVectors([docs[i] for i in kept])
        signatures, sizes = vectors.term_signatures(), vectors.term_counts()

        def contained(a: int, b: np.ndarray) -> np.ndarray:
            """Whether the smaller article's content words are enough inside the other's.

            |A & B| follows from the MinHash estimate of Jaccard and the two sizes; a rewrite
            keeps the names and rare words of its source (seed 002 keeps 46% of its words in 001).
            """
            jaccard = jaccards(signatures, a, b)
            shared = jaccard * (sizes[a] + sizes[b]) / (1 + jaccard)
            return shared >= REWRITE_MIN_CONTAINMENT * np.minimum(sizes[a], sizes[b])

        bands = Bands(signatures, REWRITE_CANDIDATE_JACCARD)
        reported = np.zeros(len(kept), dtype=bool)
        # Candidate pairs in order (a, then b). A rewrite points to an original: a reported
        # document is neither reported again nor a source, which keeps groups of many copies
        # linear, and its pairs are never looked at (most documents of a large group).
        for a in range(len(kept)):
            if reported[a]:
                continue
            partners = bands.partners(a)
            partners = partners[~reported[partners]]
            partners = partners[contained(a, partners)]
            if not len(partners):
                continue
            source = vectors.dense(a)
            for b in partners.tolist():
                coverage = vectors.coverage(source, vectors.dense(b))
                if coverage >= corpus.settings.rewrite_threshold:
                    reported[b] = True
                    first, later = docs[kept[a]], kept[b]
                    yield later, self.at_head(docs[later], f"Rewrite of {first.name}: "
                                              f"{coverage:.0%} of the sentences follow it in order")


class RepeatedLine(CorpusRule):
    """A line repeats verbatim across many documents of the corpus.

    ## What it finds
    A short line (up to 200 characters) that appears, identical apart from
    surrounding space, in at least `repeated-line-min-documents` documents
    (5 by default) and at least `repeated-line-min-share` of the corpus (1%
    by default): a site name, a "Follow us" line, a newsletter plug under
    every article. It is learned from the corpus, so it finds the chrome of
    sites no fixed list knows. Copies of one article (D101, D102) count once.
    Every occurrence is reported, and the message quotes the line and its count.
    A document adds at most 20,000 short lines, from its first 2 million characters.

    ## Why it matters
    A line printed under thousands of articles is site chrome, not news: it
    becomes the most frequent "sentence" of a corpus and a language model
    learns it by heart.

    ## Example
    Before: `Follow us on Twitter @examplenews` as the last line of 4,000 articles.
    After: the line is added to a user pack as a `line` rule, and `--fix`
    deletes it everywhere.

    ## Fix safety
    No fix: a line that repeats is usually chrome but may be a recurring
    dateline or a standard disclaimer worth keeping; add it to a pack once
    a person has looked.
    """

    code = "D104"
    name = "repeated-line"
    severity = Severity.WARNING
    needs = frozenset({LINES, SIGNATURE})

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        settings = corpus.settings
        needed = max(settings.repeated_line_min_documents,
                     settings.repeated_line_min_share * len(corpus))
        repeated = corpus.line_sources(needed)
        for i, doc in enumerate(corpus.docs):
            for line in doc.lines:
                if line.text in repeated:
                    quoted = line.text if len(line.text) <= 60 else line.text[:57] + "..."
                    message = f'Line "{quoted}" repeats in {repeated[line.text]} documents'
                    yield i, self.diagnostic(line.start, line.end, message)


class InconsistentSpelling(CorpusRule):
    """A name or term is spelled several ways across the corpus.

    ## What it finds
    Spellings that differ only in hyphens, spaces or an Arabic article
    (al-/el-): "ceasefire", "cease-fire"; "El Sisi", "El-Sisi", "al-Sisi".
    Each document using a spelling other than the corpus's most common one
    is reported at its first use, with every variant and the number of
    documents that use it. Case alone does not make a variant. A document
    over 2 million characters is read for its first 2 million.

    ## Why it matters
    Search, counts and entity linking split one name into several; a model
    trained on the corpus learns the inconsistency. A house style picks one.

    ## Example
    Before: "a cease-fire deal" in one article, "a ceasefire deal" in four.
    After: "a ceasefire deal" everywhere, once someone has chosen the spelling.

    ## Fix safety
    No fix: the most common spelling is not always the house style, and a
    hyphen can change a word ("re-sign", "resign").
    """

    code = "D105"
    name = "inconsistent-spelling"
    severity = Severity.INFO
    needs = frozenset({SPELLINGS})

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        uses = _spelling_uses(corpus)
        for key in sorted(uses):
            by_spelling = uses[key]
            if len(by_spelling) < 2:
                continue
            counts = Counter({s: len(docs) for s, docs in by_spelling.items()})
            shown = {s: next(iter(docs.values()))[0] for s, docs in by_spelling.items()}
            ranked = sorted(counts, key=lambda s: (-counts[s], min(by_spelling[s])))
            listing = ", ".join(f'"{shown[s]}" ({counts[s]})' for s in ranked)
            for spelling in ranked[1:]:
                for i, (form, start) in sorted(by_spelling[spelling].items()):
                    message = f'"{form}" is spelled several ways in the corpus: {listing}'
                    yield i, self.diagnostic(start, start + len(form), message)


def _spelling_uses(corpus: Corpus) -> dict[str, dict[str, dict[int, tuple[str, int]]]]:
    """key -> spelling (case-folded) -> document index -> (form as written, first offset)."""
    uses: dict[str, dict[str, dict[int, tuple[str, int]]]] = defaultdict(lambda: defaultdict(dict))
    for i, doc in enumerate(corpus.docs):
        for v in doc.variants:
            uses[v.key][v.form.casefold()].setdefault(i, (v.form, v.start))
    # A closed spelling ("ceasefire") counts only for a key that some document splits.
    keys = list(uses)
    hashes = word_hashes(keys).astype(np.uint32)
    order = np.argsort(hashes)
    # Every document's long words end to end: one lookup for the corpus, not one per document.
    words = np.concatenate([_EMPTY_WORDS] + [doc.words for doc in corpus.docs])
    starts = np.concatenate([_EMPTY_STARTS] + [doc.word_starts for doc in corpus.docs])
    owners = np.repeat(np.arange(len(corpus.docs)), [len(doc.words) for doc in corpus.docs])
    found = np.flatnonzero(np.isin(words, hashes))
    positions = order[np.searchsorted(hashes[order], words[found])]
    for i, position, start in zip(owners[found].tolist(), positions.tolist(),
                                  starts[found].tolist(), strict=True):
        key = keys[position]
        uses[key][key].setdefault(i, (key, start))
    return uses


_EMPTY_WORDS = np.zeros(0, dtype=np.uint32)
_EMPTY_STARTS = np.zeros(0, dtype=np.int64)

RULES = (ExactDuplicate, NearDuplicate, RewrittenArticle, RepeatedLine, InconsistentSpelling)
