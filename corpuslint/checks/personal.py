"""P1xx: personal data (e-mail addresses, phone numbers, IP addresses, card numbers, national ids).

Off by default: `--extend-select P`. Each finding carries an unsafe fix that
replaces the span with a typed placeholder (`<EMAIL>`, `<PHONE>`, ...; set
them in `[tool.corpuslint.placeholders]`), so `--fix --unsafe-fixes` and
`export` scrub a corpus. Patterns are strict on purpose: a number that is a
year, a price, a score, a date or a version is not a phone number, an IP
address or a card, and a checksum decides where a format has one.
Street addresses are not detected: no pattern held zero false positives on
the BBC development corpus.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from corpuslint.config import Settings
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

PLACEHOLDERS: dict[str, str] = {
    "EMAIL": "<EMAIL>", "PHONE": "<PHONE>", "IP_ADDRESS": "<IP_ADDRESS>",
    "CARD_NUMBER": "<CARD_NUMBER>", "NATIONAL_ID": "<NATIONAL_ID>",
}


class _PersonalRule(Rule):
    """A span of personal data found by `pattern` and kept when `valid` agrees."""

    severity = Severity.WARNING
    enabled_by_default = False
    fix_availability = FixAvailability.ALWAYS
    kind: ClassVar[str]
    label: ClassVar[str]
    pattern: ClassVar[re.Pattern[str]]

    def __init__(self, placeholders: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.placeholder = (placeholders or {}).get(self.kind, PLACEHOLDERS[self.kind])

    def configure(self, settings: Settings) -> _PersonalRule:
        return type(self)(settings.placeholders)

    def valid(self, match: re.Match[str]) -> bool:
        return True

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in self.pattern.finditer(doc.text):
            if self.valid(match):
                start, end = match.span("value") if "value" in self.pattern.groupindex else match.span()
                fix = Fix.unsafe(f"Replace with {self.placeholder}", Edit(start, end, self.placeholder))
                yield self.diagnostic(start, end, f"{self.label}: personal data", fix)


_FIX = """
    ## Fix safety
    Unsafe: the fix replaces the span with a placeholder (`{0}` by default),
    which removes the data but also, for a public contact line, information
    someone may want; suppress those for {1} with `per-file-ignores` or a
    `.corpuslint-ignore` file.
"""


class EmailAddress(_PersonalRule):
    __doc__ = """An e-mail address.

    ## What it finds
    `name@domain.tld`, with the characters RFC 5322 allows in the name.

    ## Why it matters
    An address identifies a person and invites spam once a model can recite it.

    ## Example
    Before: `Contact jane.doe@example.co.uk for details.`
    After: `Contact <EMAIL> for details.`
    """ + _FIX.format("<EMAIL>", "P101")

    code = "P101"
    name = "email-address"
    kind = "EMAIL"
    label = "E-mail address"
    prefilter = "@"
    pattern = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                         r"\.[A-Za-z]{2,24}\b")


class PhoneNumber(_PersonalRule):
    __doc__ = """A phone number, in international or national format.

    ## What it finds
    `+44 20 7946 0018`, `+1 (555) 010-4477`, `020 7946 0018`, `07700 900123`,
    `(212) 555-0199`, `212-555-0199`: a country code or a trunk 0, or a US
    area code, and groups of digits adding up to a whole number. Years,
    prices, scores and dates do not have these shapes.

    ## Why it matters
    A phone number reaches a person directly.

    ## Example
    Before: `Call him on 07700 900123 after six.`
    After: `Call him on <PHONE> after six.`
    """ + _FIX.format("<PHONE>", "P102")

    code = "P102"
    name = "phone-number"
    kind = "PHONE"
    label = "Phone number"
    prefilter = r"[0-9]{2}"
    pattern = re.compile(
        r"(?<![\w+£$€.,/-])(?P<value>"
        r"\+[1-9]\d{0,2}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,8}){1,4}"  # +44 20 7946 0018
        r"|\(0\d{2,4}\) ?\d{3,4}[ -]?\d{3,4}"  # (020) 7946 0018
        r"|0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}|0\d{4} ?\d{6}|07\d{9}"  # 020 7946 0018, 07700 900123
        r"|0\d{3,4}(?:[ -]\d{1,4}){2,3}"  # 0845 8 505 505
        r"|\(\d{3}\) ?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}"  # US
        r")(?![\w/-]|[.,]\d)")

    def valid(self, match: re.Match[str]) -> bool:
        value = match.group("value")
        digits = sum(c.isdigit() for c in value)
        if value.startswith(("0", "(0")):
            return 10 <= digits <= 11  # a national number with its trunk 0
        return 9 <= digits <= 15


class IpAddress(_PersonalRule):
    __doc__ = """An IPv4 or IPv6 address.

    ## What it finds
    Four dotted numbers of 0-255, or an IPv6 address that Python's
    `ipaddress` accepts; not a version number (`version 10.2.3.4`, `v10.0.0.1`,
    four one-digit parts like `3.0.1.2`, or a fifth dotted part).

    ## Why it matters
    An address can locate a home connection or a device.

    ## Example
    Before: `The attack came from 203.0.113.45, police said.`
    After: `The attack came from <IP_ADDRESS>, police said.`
    """ + _FIX.format("<IP_ADDRESS>", "P103")

    code = "P103"
    name = "ip-address"
    kind = "IP_ADDRESS"
    label = "IP address"
    prefilter = r"[0-9]\.[0-9]|[0-9A-Fa-f]:"
    _OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    pattern = re.compile(
        rf"(?<![\w.:])(?P<value>{_OCTET}(?:\.{_OCTET}){{3}}"
        r"|(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::?[0-9A-Fa-f]{1,4}){1,7})"
        r"|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4})(?![\w:]|\.\d)")
    _VERSION = re.compile(r"(?:\b[vV]|version|release|build)\s*$", re.IGNORECASE)

    def valid(self, match: re.Match[str]) -> bool:
        value = match.group("value")
        if self._VERSION.search(match.string, max(0, match.start() - 12), match.start()):
            return False
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return False
        if address.version == 4 and all(len(part) == 1 for part in value.split(".")):
            return False  # 1.2.3.4, 3.0.1.2: four one-digit parts read as a version
        return address.version == 4 or (value.count(":") >= 2 and any(c.isalpha() for c in value)) or "::" in value


def luhn(digits: str) -> bool:
    """The Luhn checksum every payment card number passes."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


class CardNumber(_PersonalRule):
    __doc__ = """A payment card number that passes the Luhn check.

    ## What it finds
    13 to 19 digits, bare or in groups split by spaces or hyphens, starting
    as Visa, Mastercard, American Express, Discover, JCB or Diners numbers
    start, with a valid Luhn check digit.

    ## Why it matters
    A card number in a corpus is a leaked secret.

    ## Example
    Before: `Card 4111 1111 1111 1111 was used.`
    After: `Card <CARD_NUMBER> was used.`
    """ + _FIX.format("<CARD_NUMBER>", "P104")

    code = "P104"
    name = "card-number"
    kind = "CARD_NUMBER"
    label = "Payment card number"
    prefilter = r"[0-9]{4}"
    pattern = re.compile(r"(?<![\w.,-])(?P<value>\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}|\d{4}[ -]\d{6}[ -]\d{5})"
                         r"(?![\w-]|[.,]\d)")
    _ISSUER = re.compile(r"4|5[1-5]|2[2-7]|3[47]|6(?:011|5)|35|3[068]")

    def valid(self, match: re.Match[str]) -> bool:
        digits = re.sub(r"\D", "", match.group("value"))
        return 13 <= len(digits) <= 19 and bool(self._ISSUER.match(digits)) and luhn(digits)


class NationalIdentifier(_PersonalRule):
    __doc__ = """A national identifier of fixed shape: a US social security or a UK national insurance number.

    ## What it finds
    `123-45-6789` outside the numbers the SSA never issues (area 000, 666,
    900-999; group 00; serial 0000), and `QQ 12 34 56 C` with the letters the
    UK allows.

    ## Why it matters
    These numbers open bank accounts and tax records: identity theft's raw material.

    ## Example
    Before: `His social security number, 123-45-6789, was leaked.`
    After: `His social security number, <NATIONAL_ID>, was leaked.`
    """ + _FIX.format("<NATIONAL_ID>", "P105")

    code = "P105"
    name = "national-identifier"
    kind = "NATIONAL_ID"
    label = "National identifier"
    prefilter = r"[0-9]{2}"
    pattern = re.compile(
        r"(?<![\w-])(?P<value>(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}"
        r"|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![\w-])")


RULES = (EmailAddress, PhoneNumber, IpAddress, CardNumber, NationalIdentifier)
