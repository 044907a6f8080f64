"""A generated set of junk documents, each built to trip one of the datatrove heuristics.

Every reason GopherQualityFilter, GopherRepetitionFilter, C4QualityFilter and
FineWebQualityFilter give is tripped by several documents here (repeated
lines, symbol runs, bullets, ellipses, lorem ipsum, code braces, no stop
words, short and menu-like pages), written out from a seeded generator so the
set is the same on every run.
"""

from __future__ import annotations

import random

_WORDS = ("minister council budget river police school market rain team city plan report court "
          "hospital village engine garden museum station harbour").split()
_SENTENCE = "The {0} said that the {1} will have to wait for the {2} and the {3} of the {4}."


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(_SENTENCE.format(*rng.sample(_WORDS, 5)) for _ in range(sentences))


def _lines(rng: random.Random, n: int) -> list[str]:
    return [_SENTENCE.format(*rng.sample(_WORDS, 5)) for _ in range(n)]


def junk_documents(seed: int = 17) -> list[tuple[str, str]]:
    """(label, text) pairs: at least two documents for each reason, 66 in all."""
    rng = random.Random(seed)
    docs: list[tuple[str, str]] = []
    for i in range(2):
        prose = _prose(rng, 8 + i)
        docs += [
            ("short", "Subscribe to read the full story." if i else "Home News Sport"),
            ("long", " ".join(rng.choice(_WORDS) + " the" for _ in range(50_001 + i))),
            ("short-words", " ".join(rng.choice("a b c 1 2 3 I x y".split()) for _ in range(80 + i)) + " the of"),
            ("long-words", " ".join(rng.choice(("internationalisation", "counterrevolutionaries", "the"))
                                    for _ in range(60 + i))),
            ("hashes", " ".join(f"#{rng.choice(_WORDS)}" for _ in range(60 + i)) + " " + prose),
            ("dup-para-chars", "\n\n".join([prose, "Short one.", "Another short one.", prose])),
            ("dup-line-chars", "\n".join([prose, "Short one.", "Another short one.", prose])),
            ("list-ratio", "\n".join(f"{a}{b}{a} {b}{a}{b}." for a in _WORDS[:8 + i] for b in _WORDS[8:14])),
            ("overlong-word", prose + "\n" + "x" * 1200 + " is long.\n" + prose),
            ("ellipses", " ".join(f"{w}..." for w in _WORDS * 3) + " the and of"),
            ("bullets", "\n".join(f"- {line}" for line in _lines(rng, 12 + i))),
            ("bullet-dots", "\n".join(f"• {line}" for line in _lines(rng, 10 + i))),
            ("end-ellipsis", "\n".join(f"{line[:-1]}..." if j % 2 else line
                                       for j, line in enumerate(_lines(rng, 12 + i)))),
            ("numbers", " ".join(str(rng.randint(1, 9999)) for _ in range(200)) + " " + prose),
            ("no-stop-words", " ".join(rng.choice(_WORDS).capitalize() for _ in range(90 + i)) + "."),
            ("duplicate-paragraphs", "\n\n".join([prose, "Share this story on social media."] * (3 + i))),
            ("duplicate-lines", "\n".join(_lines(rng, 3) * (4 + i))),
            ("top-ngram", " ".join(["click here"] * (60 + i)) + " " + prose),
            ("repeated-ngrams", " ".join([prose[:300]] * (3 + i))),
            ("lorem-ipsum", prose + "\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n" + prose),
            ("braces", prose + "\nfunction init() { var x = 1; return x; }.\n" + prose),
            ("few-sentences", "Home\nNews\nSport\nThe council said the plan will go ahead.\nWeather"),
            ("menu", "\n".join(rng.sample(_WORDS, 15 - i))),
            ("no-punctuation", "\n".join(line.rstrip(".") for line in _lines(rng, 10 + i))),
            ("short-lines", "\n".join(["Share.", "Tweet.", "Email."] * 4 + _lines(rng, 3))),
            ("advert-lines", "\n".join(_lines(rng, 20) + ["Advertisement.", "Advertisement."])),
            ("javascript-and-policy", "\n".join([*_lines(rng, 3), "Please enable JavaScript to view this.",
                                                 "This site uses cookies to improve it."])),
            ("empty", "" if i else "\n\n \n"),
            ("ok-article", "Storm closes harbour\n\n" + "\n\n".join(_lines(rng, 12))),
        ]
    docs += [(f"mixed-{j}", "\n".join(rng.choice(["- " + _SENTENCE.format(*rng.sample(_WORDS, 5)),
                                                  "Read more...", "#tag #news", "{ x }", "Home"])
                                      for _ in range(rng.randint(3, 30)))) for j in range(8)]
    return docs
