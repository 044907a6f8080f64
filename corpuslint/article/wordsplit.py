"""Words as datatrove counts them for English: spaCy's blank English tokenizer, without spaCy.

datatrove's Gopher, C4 and FineWeb filters split a document into words with
`spacy.blank("en")` (its `split_into_words`). The thresholds they apply are
fractions of those words (alphabetic words, stop words, n-gram characters), so
corpuslint must cut the same tokens to take the same decisions. Loading spaCy
costs seconds and tokenising with it costs about a millisecond per article,
the whole budget of the four quality families; this module follows spaCy's
algorithm (its `Tokenizer.explain`): split on whitespace, then peel prefixes
and suffixes off each chunk, look the remainder up in a table of special
cases, and cut it at infixes. The prefix, suffix and infix patterns are
spaCy's English ones written for `re` over the scripts news text uses; the
special cases are English contractions and abbreviations. tests/test_quality_
agreement.py checks the decisions this gives against datatrove's own.

The chunk split is memoised: the same chunk ("said.", "(BBC)") recurs
across a corpus and is cut once per process (up to 131,072 distinct chunks).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

_UNITS = ("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz "
          "m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb TB T G M K %").split()
_CURRENCY = "$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₾ ₿".split()
_PUNCT = "… …… , : ; ! ? ¿ ؟ ¡ ( ) [ ] { } < > _ # * & 。 ？ ！ ， 、 ； ： ～ · । ، ۔ ؛ ٪".split()
_QUOTES = "' \" ” “ ` ‘ ´ ’ ‚ , „ » « 「 」 『 』 （ ） 〔 〕 【 】 《 》 〈 〉 ⟦ ⟧".split()
_HYPHENS = "-|–|—|--|---|——|~"

_ALPHA = r"^\W\d_"  # a letter of any script, as a character-class body
# Scripts without case count as both lower and upper case, as in spaCy's classes.
_UNCASED = "\u0600-\u06ff\u05d0-\u05ea\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_LOWER = _UNCASED + "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžα-ωа-яё"
_UPPER = _UNCASED + "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽΑ-ΩА-ЯЁ"
_QUOTE_CLASS = re.escape("".join(_QUOTES))
_PUNCT_CLASS = re.escape("".join(p for p in _PUNCT if len(p) == 1))


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


# A symbol (So) other than the degree sign: spaCy's LIST_ICONS, for the symbols news text holds.
_ICONS = "[°\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff\U0001f000-\U0001faff©®™]"
_PREFIX = re.compile(
    "^(?:" + "|".join([r"§|%|=|—|–|\+(?![0-9])", _alternation(_PUNCT), r"\.\.+|…", _alternation(_QUOTES),
                       _alternation(_CURRENCY), _ICONS]) + ")")
_SUFFIX = re.compile(
    "(?:" + "|".join([
        _alternation(_PUNCT), r"\.\.+|…", _alternation(_QUOTES), _ICONS, "'s|'S|’s|’S|—|–",
        r"(?<=[0-9])\+", r"(?<=°[FfCcKk])\.",
        f"(?<=[0-9])(?:{_alternation(_CURRENCY)})", f"(?<=[0-9])(?:{_alternation(_UNITS)})",
        f"(?<=[0-9{_LOWER}%²\\-+{_PUNCT_CLASS}{_QUOTE_CLASS}(?:])\\.",
        f"(?<=[{_UPPER}][{_UPPER}])\\.",
    ]) + ")$")
_INFIX = re.compile("|".join([
    r"\.\.+|…", _ICONS, r"(?<=[0-9])[+\-*^](?=[0-9-])",
    f"(?<=[{_LOWER}{_QUOTE_CLASS}])\\.(?=[{_UPPER}{_QUOTE_CLASS}])",
    f"(?<=[{_ALPHA}]),(?=[{_ALPHA}])",
    f"(?<=[^\\W_])(?:{_HYPHENS})(?=[{_ALPHA}])",
    f"(?<=[^\\W_])[:<>=/](?=[{_ALPHA}])",
]))
# spaCy keeps a URL whole (its url_match); this is the shape news text holds.
_URL = re.compile(r"[^\s@]+@[^\s@]+\.\w+$|(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.-]+\.(?:com|org|net|co\.uk|gov|edu)(?:/\S*)?$",
                  re.IGNORECASE)

_ABBREVIATIONS = (
    "Adm. Ak. Ala. Apr. Ariz. Ark. Aug. Bros. Calif. Co. Colo. Conn. Corp. D.C. Dec. Del. Dr. E.G. E.g. "
    "Feb. Fla. Ga. Gen. Gov. I.E. I.e. Ia. Id. Ill. Inc. Ind. Jan. Jr. Jul. Jun. Kan. Kans. Ky. La. Ltd. "
    "Mar. Mass. Md. Messrs. Mich. Minn. Miss. Mo. Mont. Mr. Mrs. Ms. Mt. N.C. N.D. N.H. N.J. N.M. N.Y. "
    "Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. Ph.D. Prof. Rep. Rev. S.C. Sen. Sep. Sept. St. Tenn. Va. "
    "Wash. Wis. a.m. co. e.g. i.e. p.m. v.s. vs. ä. ö. ü. and/or C++ o'clock O'clock ma'am Ma'am"
).split() + [f"{c}." for c in "abcdefghijklmnopqrstuvwxyz"]
_NEGATABLE = ("ai are ca could dare did do does had has have is may might must need ought sha should "
              "was were wo would").split()
_CLITICS = {
    "'ve": "could how i might must should there these they those we what when where who why would you",
    "'d": "he how i it she that there these they this those we what when where who why you",
    "'ll": "he how i it she that there these they this those we what when where who why you",
    "'s": "he how it let she that there this what when where who why",
    "'re": "how there these they those we what when where who why you",
    "'m": "i",
}
# Run-together forms spaCy does not split, because they are words ("its", "well", "shed").
_NOT_CONTRACTIONS = frozenset("hell ill its lets shed shell well were whore".split())
# Emoticons and quote pairs spaCy keeps whole even when its affix rules cut them apart.
_EMOTICONS = ("'' ’’ ): (: (; :) :( :-) :-( ;) ;-) :/ :D :P :O :p :o :| :] :[ =) =( 8) 8-) (= :* <3 </3 "
              "-_- ^_^ :'( :') ._. <.< >.< >.> XD").split()


def _special_cases() -> dict[str, tuple[str, ...]]:
    """Chunks spaCy's English tokenizer cuts by table rather than by pattern."""
    table: dict[str, tuple[str, ...]] = {a: (a,) for a in (*_ABBREVIATIONS, *_EMOTICONS)}
    pairs = [(verb, ("n't",)) for verb in _NEGATABLE] + [(verb, ("n't", "'ve")) for verb in _NEGATABLE]
    pairs += [(word, (clitic,)) for clitic, words in _CLITICS.items() for word in words.split()]
    pairs += [(word, (clitic, "'ve")) for clitic in ("'d", "'ll") for word in _CLITICS[clitic].split()]
    for head, tail in pairs:
        for apostrophe in ("'", "’", ""):
            clitics = tuple(c.replace("'", apostrophe) for c in tail)
            for first in {head, head.capitalize()}:
                chunk = first + "".join(clitics)
                if apostrophe or chunk.lower() not in _NOT_CONTRACTIONS:
                    table[chunk] = (first, *clitics)
    for head, tail in (("can", "not"), ("gon", "na"), ("got", "ta")):
        table[head + tail] = (head, tail)
        table[head.capitalize() + tail] = (head.capitalize(), tail)
    for hour in range(1, 13):
        for suffix in ("am", "pm", "a.m.", "p.m."):
            table[f"{hour}{suffix}"] = (str(hour), suffix)
    return table


_SPECIAL = _special_cases()
# Special cases with punctuation in them: spaCy's special matcher rejoins them after the affix rules
# cut them apart ("$5m." is "$", "5", "m.", as "m." is a special case).
_REJOIN = {chunk: tokens for chunk, tokens in _SPECIAL.items() if not chunk.isalnum()}


def _suffix(chunk: str) -> int:
    """Where the suffix spaCy would cut off `chunk` starts, or -1.

    The pattern is an alternation anchored at the end, which `re` tries at
    every position; a chunk ending in a letter can only end in a unit after a
    digit or in 's, which a glance rules out for almost every word.
    """
    if chunk[-1].isalpha() and not chunk.endswith(("'s", "'S", "’s", "’S")) and not any(
            map(str.isdigit, chunk)):
        return -1
    match = _SUFFIX.search(chunk)
    return match.start() if match else -1


_TRAILING = frozenset(",;:!?)\"”’'")  # a suffix by itself after letters; none rejoins with them
_LEADING = frozenset("\"“‘('")


@lru_cache(maxsize=1 << 17)
def split_chunk(chunk: str) -> tuple[str, ...]:
    """The tokens of one whitespace-free chunk, by spaCy's prefix / special / suffix / infix loop."""
    if chunk in _SPECIAL:
        return _SPECIAL[chunk]
    if chunk.isalpha() or chunk.isdigit():
        return (chunk,)  # no affix or infix pattern can cut letters alone, or digits alone
    # The commonest shapes, cut as the loop below would cut them: `said,` `said.` `"We`.
    head, last = chunk[:-1], chunk[-1]
    if head.isalpha() and head not in _SPECIAL and (
            last in _TRAILING or last == "." and "a" <= head[-1] <= "z"):
        return (head, last)
    first, rest = chunk[0], chunk[1:]
    if first in _LEADING and rest.isalpha() and rest not in _SPECIAL:
        return (first, rest)
    tokens: list[str] = []
    suffixes: list[str] = []
    while chunk and chunk not in _SPECIAL:
        prefix = _PREFIX.match(chunk)
        cut = _suffix(chunk) if prefix is None else -1
        if prefix is None and cut < 0:
            break
        if prefix is not None:
            tokens.append(prefix.group())
            chunk = chunk[prefix.end():]
            if not chunk or chunk in _SPECIAL:
                break
            cut = _suffix(chunk)
        if cut >= 0:
            suffixes.append(chunk[cut:])
            chunk = chunk[:cut]
    if chunk in _SPECIAL:
        tokens.extend(_SPECIAL[chunk])
    elif chunk and _URL.match(chunk):
        tokens.append(chunk)
    elif chunk:
        tokens.extend(_infix_split(chunk))
    tokens.extend(reversed(suffixes))
    return tuple(_rejoin(tokens)) if len(tokens) > 1 else tuple(tokens)


def _rejoin(tokens: list[str]) -> list[str]:
    """Adjacent tokens that together spell a special case with punctuation become its tokens."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for width in (3, 2):
            joined = "".join(tokens[i : i + width])
            if i + width <= len(tokens) and joined in _REJOIN:
                out.extend(_REJOIN[joined])
                i += width
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _infix_split(chunk: str) -> list[str]:
    out, offset = [], 0
    for match in _INFIX.finditer(chunk):
        if offset == 0 and match.start() == 0:
            continue
        if chunk[offset : match.start()]:
            out.append(chunk[offset : match.start()])
        if match.group():
            out.append(match.group())
        offset = match.end()
    if chunk[offset:]:
        out.append(chunk[offset:])
    return out


def split_words(text: str) -> list[str]:
    """datatrove's `split_into_words(text, "en")`: spaCy's tokens, whitespace tokens dropped."""
    # One map over the memoised chunk split: the loop and the cache hits run in C.
    return list(chain.from_iterable(map(split_chunk, text.split())))
