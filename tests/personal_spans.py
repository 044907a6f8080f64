"""A generated set of personal-data spans in news-like sentences, and of look-alikes that are not.

Every format the P rules claim is here (international and national phone
numbers, IPv4 and IPv6, Luhn-valid card numbers of each issuer, SSNs, UK
national insurance numbers, e-mail addresses), each placed in a sentence of
the kind a news article holds, from a seeded generator.
"""

from __future__ import annotations

import ipaddress
import random
from typing import NamedTuple

_SENTENCES = (
    "Anyone with information should contact {} or speak to an officer.",
    "The council said residents could reach the team at {} during office hours.",
    "According to court papers, the suspect had used {} for months.",
    "\"We were told to use {},\" one former employee said.",
    "Police later confirmed that {} was linked to the account.",
    "The leaked file listed {} alongside the victim's name.",
)
_NAMES = "jane.doe j.smith press-office news.desk amelia_h tom+alerts k.o'neil".replace("'", "").split()
_DOMAINS = "example.co.uk bbc-mail.com gmail.com council.gov.uk mail.example.org uni.ac.uk".split()


class Span(NamedTuple):
    code: str
    kind: str
    value: str


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        digits = body + check
        total = sum((int(c) * 2 - 9 if int(c) * 2 > 9 else int(c) * 2) if i % 2 else int(c)
                    for i, c in enumerate(reversed(digits)))
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def _card(rng: random.Random) -> tuple[str, str]:
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
                                 ("6011", 16), ("65", 16), ("35", 16), ("36", 14)])
    digits = _luhn_complete(prefix, length, rng)
    if length == 15:
        styles = [digits, f"{digits[:4]} {digits[4:10]} {digits[10:]}"]
    else:
        groups = [digits[i : i + 4] for i in range(0, length, 4)]
        styles = [digits, " ".join(groups), "-".join(groups)]
    return "card", rng.choice(styles)


def _phone(rng: random.Random) -> tuple[str, str]:
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    return "phone", rng.choice([
        f"+44 20 {d(4)} {d(4)}", f"+44 (0){rng.randint(11, 99)} {d(3)} {d(4)}", f"+44 7{d(3)} {d(6)}",
        f"+1 {rng.randint(201, 989)} {d(3)} {d(4)}", f"+1 ({rng.randint(201, 989)}) {d(3)}-{d(4)}",
        f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}", f"+49 30 {d(8)}", f"+61 2 {d(4)} {d(4)}",
        f"020 {d(4)} {d(4)}", f"0161 {d(3)} {d(4)}", f"07{d(3)} {d(6)}", f"01632 {d(6)}",
        f"0845 {d(1)} {d(3)} {d(3)}", f"(020) {d(4)} {d(4)}",
        f"({rng.randint(201, 989)}) {d(3)}-{d(4)}", f"{rng.randint(201, 989)}-{d(3)}-{d(4)}",
        f"{rng.randint(201, 989)}.{d(3)}.{d(4)}",
    ])


def _ip(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.6:
        while True:
            address = ipaddress.IPv4Address(rng.getrandbits(32))
            if address.is_global:
                return "ip", str(address)
    groups = [f"{rng.getrandbits(16):x}" for _ in range(8)]
    full = ":".join(["2001", "db8", *groups[2:]])
    short = f"2a00:{groups[1]}:{groups[2]}::{groups[7]}"
    return "ip", rng.choice([full, short, f"fe80::{groups[3]}:{groups[4]}"])


def _national(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.6:
        return "id", f"{rng.randint(1, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    letters = "ABCEHJKLMNPRSTWXY"
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    prefix = rng.choice([a + b for a in letters for b in letters if a + b not in ("GB", "NK", "KN", "TN", "NT")])
    nino = f"{prefix}{digits}{rng.choice('ABCD')}"
    return "id", nino if rng.random() < 0.5 else f"{nino[:2]} {digits[:2]} {digits[2:4]} {digits[4:]} {nino[-1]}"


def _email(rng: random.Random) -> tuple[str, str]:
    return "email", f"{rng.choice(_NAMES)}{rng.randint(1, 99) if rng.random() < 0.3 else ''}@{rng.choice(_DOMAINS)}"


CODES = {"email": "P101", "phone": "P102", "ip": "P103", "card": "P104", "id": "P105"}


def spans(count: int = 600, seed: int = 17) -> list[tuple[str, Span]]:
    """(sentence, the span it holds): every kind in equal shares."""
    rng = random.Random(seed)
    makers = [_email, _phone, _ip, _card, _national]
    out = []
    for i in range(count):
        kind, value = makers[i % len(makers)](rng)
        out.append((rng.choice(_SENTENCES).format(value), Span(CODES[kind], kind, value)))
    return out


# Numbers news text is full of, that no P rule may report.
LOOK_ALIKES = (
    "The club was founded in 1998 and won the cup in 2004, 2007 and 2011.",
    "Shares rose 3.5% to 1,234.5p, valuing the firm at £1,250,000,000.",
    "Chelsea beat Arsenal 2-1 on 12-03-2005; the return leg ended 3-3.",
    "The meeting is on 2024-05-06 at 10:30:00 in room 1204.",
    "Version 10.2.3.4 of the software fixed the bug; v1.2.3.4 did not.",
    "Firefox 3.0.1.2 and build 5.1.2600.5512 were affected.",
    "The loan of $2,500,000 was repaid over 36 months at 4.25%.",
    "The A1 and M25 were closed between junctions 10 and 12.",
    "Attendance was 45,231, the highest since 1987-88.",
    "Population: 8,908,081 (2018 estimate), up from 7,172,091 in 2001.",
    "The flight, BA 2490, left at 0845 and landed at 1130.",
    "Case number 2019/1234/56 was adjourned until 12 June.",
    "He ran 100m in 9.58 seconds in Berlin in 2009.",
    "The order number was 1234 5678 9012 3456, the firm said.",
    "It cost 12,345,678 roubles, or about 123-456-789 dollars in some accounts.",
)
