"""W: wording slips that survive into published text: a missing "be", a confusable, a doubled word.

Each rule is tuned for precision over recall: a wording rule that flags
correct English ("had had", "will need", "could shed") teaches users to
ignore it. Words that are both a base form and a participle never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from corpuslint.engine.regex_screens import doubled_words, has_ascii_folds, screened_finditer
from corpuslint.engine.rule import FixAvailability, Rule, compile_linear
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

if TYPE_CHECKING:
    from corpuslint.config import Settings


def _words(text: str) -> frozenset[str]:
    """A word list written as one white-space separated string, the way it reads best."""
    return frozenset(text.split())


class _ScreenedRule(Rule):
    """A rule whose check runs its Python regex only where a C-speed screen (corpuslint.engine.regex_screens)
    says it could match; `fast-path = false` turns the screen off, to prove it changes nothing."""

    def __init__(self, *, fast_path: bool = True) -> None:
        super().__init__()
        self.fast_path = fast_path

    def configure(self, settings: Settings) -> _ScreenedRule:
        return type(self)(fast_path=settings.fast_path)


_MODALS = ("will", "would", "can", "could", "should", "may", "might", "must", "shall")

# Past participles that are not also a base form or a present tense ("cut",
# "put", "set", "hit", "cost", "read", "come", "become", "run", "found" are left out).
IRREGULAR_PARTICIPLES = _words("""
    arisen awoken beaten begun bitten blown born borne broken brought built bought caught chosen
    dealt done drawn driven eaten fallen felt fought forbidden forgiven forgotten forsaken
    frozen given grown heard held hidden kept known laid lent lost made meant mistaken overseen
    overtaken overthrown paid ridden risen rewritten said seen sent shaken shown sold sought
    spent spoken stolen stricken sung sworn taken taught thought thrown told torn undertaken
    withdrawn withheld woken won worn written
""")
# Words in -ed that are base forms ("will need", "will exceed", "could shed").
_BASE_IN_ED = re.compile(r"(?:eed|^.{1,3}ed)$")
_PARTICIPLES_IN_EED = _words("agreed disagreed freed guaranteed decreed refereed")
_BASES_IN_ED = _words("embed imbed shred")
# "the political will needed", "a can opened", "his military might crushed": modals as nouns.
# A possessive ("Jackson's will left") marks the noun too.
_NOUN_MARKERS = _words("""
    a an the his her their its our my your this that free political good ill public popular
    collective last living beer tin military economic naval
""")

_WORD = r"[a-z]+(?:-[a-z]+)*"
_MODAL_THEN_WORD = re.compile(rf"\b(?P<modal>{'|'.join(_MODALS)})[ \t]+(?P<word>{_WORD})\b")
_WORD_BEFORE = re.compile(r"([A-Za-z'\u2019]+)[ \t]*$")


def is_participle(word: str) -> bool:
    """True for a past participle that cannot be read as a base form."""
    if word in IRREGULAR_PARTICIPLES:
        return True
    last = word.rsplit("-", 1)[-1]
    if not last.endswith("ed"):
        return False
    if last in _BASES_IN_ED:
        return False
    return last in _PARTICIPLES_IN_EED or not _BASE_IN_ED.search(last)


def _marks_a_noun(word: str) -> bool:
    word = word.lower().replace("\u2019", "'")
    return word in _NOUN_MARKERS or word.endswith(("'s", "s'"))


class ModalWithoutBe(Rule):
    """A modal verb followed straight by a past participle: "be" is missing.

    ## What it finds
    `will`, `would`, `can`, `could`, `should`, `may`, `might`, `must` or
    `shall` followed by a past participle, as in "will co-hosted". Words that
    are also base forms never count: "will need", "could shed", "will cut",
    "can lead", "would exceed", "can found". Nor does a modal used as a noun
    ("the political will needed", "Jackson's will left", "military might
    crushed"), which the word before it gives away.

    ## Why it matters
    The slip is in the published text, and a model trained on it learns the
    broken grammar; in a corpus meant as clean prose it is worth a look.

    ## Example
    Before: `The conference will co-hosted by Egypt and the UN.`
    After: `The conference will be co-hosted by Egypt and the UN.`

    ## Fix safety
    Unsafe: "be" is the likeliest repair, but some sentences wanted "have"
    ("would triggered" may be "would have triggered") or a base form
    ("would trigger").
    """

    code = "W101"
    name = "modal-without-be"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    # A modal then a word is_participle could accept: a listed participle, or a last part in -ed.
    prefilter = (rf"\b(?:{'|'.join(_MODALS)})[ \t]+(?:[a-z]+-)*"
                 rf"(?:{'|'.join(sorted(IRREGULAR_PARTICIPLES))}|[a-z]*ed)\b")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in _MODAL_THEN_WORD.finditer(text):
            if not is_participle(match["word"]):
                continue
            before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if before and _marks_a_noun(before.group(1)):
                continue
            at = match.start("word")
            fix = Fix.unsafe('Insert "be"', Edit(at, at, "be "))
            message = f'"{match["modal"]} {match["word"]}": "be" missing before the participle?'
            yield self.diagnostic(match.start(), match.end(), message, fix)


class Confusable(NamedTuple):
    """A wrong phrase (a regex) and the repair: `wrong` becomes `right` inside the match.

    `context` is a lookahead the phrase must be followed by; it is kept apart so
    that RE2, which has no lookahead, can find where the phrases start.
    """

    pattern: str
    wrong: str
    right: str
    context: str = ""


# Verbs that take "through" and rarely end a clause, so "though" after them is a slip.
_THROUGH_VERBS = _words("""
    break breaks breaking broke sift sifting sifted wade wading waded plough ploughing ploughed
    trawl trawling trawled leaf leafing leafed rifle rifling rifled
""")
_DETERMINER = r"(?=[ \t]+(?:the|that|this|these|those|a|an|their|its|his|her|our|my|your|years|decades)\b)"
_PARTICIPLE_NEXT = rf"(?=[ \t]+(?:been|had|{'|'.join(sorted(IRREGULAR_PARTICIPLES))}|[a-z]+ed)\b)"

_COMPARATIVES = _words("""
    more less fewer better worse rather other higher lower greater larger smaller bigger longer
    shorter faster slower older younger cheaper stronger weaker harder easier further farther
    sooner richer poorer hotter colder warmer
""")

# Only pairs where the wrong form is never right in news prose, given the context the pattern asks.
CONFUSABLES = (
    Confusable(
        rf"\b(?:{'|'.join(sorted(_THROUGH_VERBS))}) though\b",
        "though",
        "through",
        _DETERMINER,
    ),
    Confusable(
        r"\b(?:to|will|would|could|can|may|might|not|cannot|never) loose\b",
        "loose",
        "lose",
        r"(?=[ \t]+(?:weight|money|ground|touch|sight|faith|interest|control|out|their|his|her|its"
        r"|our|my|your|the|them|it|jobs)\b)",
    ),
    Confusable(r"\b(?:could|would|should|must|might|may) of\b", "of", "have", _PARTICIPLE_NEXT),
    Confusable(r"\bper say\b", "say", "se"),
    Confusable(r"\bfor all intensive purposes\b", "intensive purposes", "intents and purposes"),
    Confusable(r"\bbaited breath\b", "baited", "bated"),
    Confusable(r"\bfree reign\b", "reign", "rein"),
    Confusable(r"\b(?:tow|towed|towing|tows) the (?:party )?line\b", "tow", "toe"),
    Confusable(r"\bsneak peak", "peak", "peek"),
    Confusable(r"\bpeaked (?:his|her|my|their|our|your|the public's) interest\b", "peaked", "piqued"),
    Confusable(r"\bdeep seeded\b", "deep seeded", "deep-seated"),
    Confusable(r"\b(?:wreck|wrecked|wrecking|wrecks) havoc\b", "wreck", "wreak"),
    Confusable(r"\bone in the same\b", "in", "and"),
    Confusable(r"\bcase and point\b", "and", "in"),
    Confusable(r"\bmute point\b", "mute", "moot"),
    Confusable(r"\bstatue of limitations\b", "statue", "statute"),
    Confusable(r"\bslight of hand\b", "slight", "sleight"),
    Confusable(r"\bnip (?:it|this|that) in the butt\b", "butt", "bud"),
    Confusable(r"\balot\b", "alot", "a lot"),
    # "its" where "it's" belongs: before what a possessive cannot take ("its a", "its not").
    Confusable(r"\bits\b", "its", "it's", r"(?=[ \t]+(?-i:a|an|the|not|been|going|got|gonna)\b)"),
    Confusable(r"\bit['’]s own\b", "it's own", "its own"),
    Confusable(r"\b(?:lost|lose|loses|losing|find|finds|found|finding|made|make|makes|making|knows?"
               r"|knew) it['’]s way\b", "it's way", "its way"),
    Confusable(r"\b(?:and|of|with|by|from|for|to|on|at) it['’]s\b", "it's", "its",
               r"(?=[ \t]+(?:own|members|fans|staff|shareholders|customers|employees|workers|leaders?"
               r"|citizens|residents|players|partners|allies|owners|users|supporters|website)\b)"),
    Confusable(r"\bwhose\b", "whose", "who's",
               r"(?=[ \t]+(?:going|been|gonna|coming|leaving|responsible|behind|to blame)\b)"),
    Confusable(r"\bwho['’]s\b", "who's", "whose",
               r"(?=[ \t]+(?:car|son|daughter|wife|husband|mother|father|family|house|body|name|job"
               r"|parents|children|brother|sister|child|partner|friend|death|own|mum|dad)\b)"),
    Confusable(r"\b(?:will|would|could|may|might|can|not|cannot|never|to) loose\b", "loose", "lose",
               r"(?=[ \t]+(?:patience|votes?|seats?|power|support|everything|heart|hope|count|track"
               r"|the|a|their|his|her|its|our|my|your)\b)"),
    Confusable(r"\b(?:a|the) lose\b", "lose", "loose",
               r"(?=[ \t]+(?:tile|thread|end|fitting|change|cannon|screw|connection|dog|horse|animal"
               r"|leaf|ball|slate|wire|brick)\b)"),
    Confusable(r"\blose ends\b", "lose", "loose"),
    Confusable(rf"\b(?:{'|'.join(sorted(_COMPARATIVES))}) then\b", "then", "than",
               r"(?=[ \t]+(?:\d|a|an|the|expected|anticipated|usual|ever|before|previously|planned"
               r"|forecast|last|any|anyone|anything|in|at|that|this|those|these|he|she|they|we|it"
               r"|his|her|their|our|its|one|two|three|four|five|half|double|twice|average)\b)"),
    Confusable(r"\b(?:and|since|back) than\b", "than", "then"),
)
# One pass for the whole list: each entry is a named alternative, so `lastgroup` says which matched.
_CONFUSABLE = re.compile(
    "|".join(f"(?P<c{i}>{c.pattern}{c.context})" for i, c in enumerate(CONFUSABLES)), re.IGNORECASE
)
# Where a confusion can start: the phrases without their context, scanned by RE2 in one pass
# (Python's `re` tries all of them at every position and costs milliseconds a document).
# Each context is a lookahead, which RE2 lacks; as a plain group it is matched (consumed)
# instead, which finds the same start positions.
_CONFUSABLE_STARTS = compile_linear(
    "|".join(c.pattern + c.context.replace("(?=", "(?:", 1) for c in CONFUSABLES), ignore_case=True)


def _repair(matched: str, confusable: Confusable) -> str:
    """Replace the wrong word in the matched text, keeping a capital at its start."""
    at = matched.lower().rfind(confusable.wrong)
    right = confusable.right
    if matched[at : at + 1].isupper():
        right = right[0].upper() + right[1:]
    return matched[:at] + right + matched[at + len(confusable.wrong) :]


class ConfusedWords(_ScreenedRule):
    """A word confused with a near-homophone, where the context rules out the other reading.

    ## What it finds
    A fixed list of confusions, each matched only in a context where the
    written form cannot be right: "break though the/that …" (through), "to
    loose weight" (lose), "could of been" (could have; not "would of
    course"), "per say" (per se), "for all intensive purposes", "baited
    breath", "free reign", "tow the line", "sneak peak", "peaked his
    interest", "deep seeded", "wreck havoc", "one in the same", "case and
    point", "mute point", "statue of limitations", "slight of hand", "nip it
    in the butt", "alot"; and, only where the next word decides, "its a/not/
    been" (it's), "it's own" (its), "whose going" (who's), "who's car"
    (whose), "a lose tile" (loose), "better then expected" (than), "and than
    left" (then). Pairs the context cannot decide (affect/effect,
    their/there) are left to a grammar checker.

    ## Why it matters
    The slip is in the published text; a corpus meant as clean prose teaches
    a model the wrong spelling, and search misses the phrase.

    ## Example
    Before: `President Biden sought to break though that impasse in a May 31 speech.`
    After: `President Biden sought to break through that impasse in a May 31 speech.`

    ## Fix safety
    Unsafe: the context makes the repair near certain, but the article may
    quote a misspelling on purpose, so the change is worth a glance.
    """

    code = "W102"
    name = "confused-words"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    # Each confusion's fixed words, so that clean text (where "though" and "of" abound) skips it.
    prefilter = (
        r"(?i)\w though (?:the|that|this|these|those|a|an|their|its|his|her|our|my|your|years|decades)\b"
        r"|loose \w|(?:could|would|should|must|might|may) of\b|per say|intensive purposes"
        r"|baited breath|free reign|\btow\w* the|sneak peak|peaked \w|deep seeded|havoc"
        r"|one in the same|case and point|mute point|statue of|slight of|in the butt|\balot\b"
        r"|\bits[ \t]+(?:a|an|the|not|been|going|got|gonna)\b|it['’]s|\bwhose[ \t]|who['’]s"
        r"|\b(?:a|the) lose |lose ends|(?:and|since|back) than\b"
        rf"|(?:{'|'.join(sorted(_COMPARATIVES))}) then\b"
    )

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if self.fast_path and not has_ascii_folds(text):  # RE2 does not fold "ı" or "ſ"
            matches = screened_finditer(_CONFUSABLE, _CONFUSABLE_STARTS, text)
        else:
            matches = _CONFUSABLE.finditer(text)
        for match in matches:
            confusable = CONFUSABLES[int(match.lastgroup[1:])]  # type: ignore[index]
            matched = match.group()
            repaired = _repair(matched, confusable)
            fix = Fix.unsafe(f'Replace with "{repaired}"', Edit(match.start(), match.end(), repaired))
            yield self.diagnostic(match.start(), match.end(), f'"{matched}" for "{repaired}"', fix)


_DOUBLED = re.compile(r"\b([a-z]+)[ \t]+(\1)\b", re.IGNORECASE)
# Repeats that are correct English: "had had", "that that", "what it is is", "gave her her
# medal", "told you you would", "moved on on Monday", "brought in in 2004", "very very".
LEGITIMATE_REPEATS = _words("""
    had that is was do did her you it in on up out off by over down about around through for
    very really so no yes ha bye far long many more now there well go oh la na boo ho hip
    blah wait tut knock yeah yum tick ding dong chop bang
""")
# Repeats that are never English: deleting one is always right.
SAFE_TO_DELETE = _words("""
    the a an and or but than been would could should must shall his their its our this these those
""")


class DoubledWord(_ScreenedRule):
    """The same word twice in a row ("the the").

    ## What it finds
    A word repeated with only spaces between, when the repeat is lower case
    (so names like "Duran Duran" and "Bora Bora" pass). Repeats that are good
    English are never reported: "had had", "that that", "what it is is",
    "gave her her medal", "told you you would", "moved on on Monday",
    "waiting for for years", "very very", "bye bye".

    ## Why it matters
    A doubled word is an editing slip or a join of two text fragments; it
    reads as a mistake and skews n-gram counts.

    ## Example
    Before: `The fund is one of the the largest in Europe.`
    After: `The fund is one of the largest in Europe.`

    ## Fix safety
    The fix deletes the second word. Safe for articles, conjunctions, modals
    other than "will" and "can", and possessives ("the the", "and and",
    "could could", "their their"), which never double in English. Unsafe for
    the rest, which can double in a sentence we do not parse: a stranded
    preposition ("the man he spoke to to get the job"), a relative clause
    ("the problems we have have grown") or a noun then a verb ("the will
    will be read").
    """

    code = "W103"
    name = "doubled-word"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if self.fast_path:  # every word the regex could find doubled; none that is a slip, no finding
            candidates = doubled_words(doc.text)
            if candidates is not None and candidates <= LEGITIMATE_REPEATS:
                return
        for match in _DOUBLED.finditer(doc.text):
            first, second = match.group(1), match.group(2)
            word = second.lower()
            if not second.islower() or word in LEGITIMATE_REPEATS:
                continue
            delete = Edit(match.end(1), match.end())
            make = Fix.safe if word in SAFE_TO_DELETE else Fix.unsafe
            fix = make(f'Delete the second "{second}"', delete)
            yield self.diagnostic(match.start(), match.end(), f'"{first} {second}": word repeated', fix)


RULES = (ModalWithoutBe, ConfusedWords, DoubledWord)
