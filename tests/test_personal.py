"""The P rules on generated personal data: recall, look-alikes, BBC articles and datatrove's PIIFormatter."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import BBC_DEV, SEEDS
from personal_spans import LOOK_ALIKES, spans

from corpuslint.config import ConfigError, Settings, settings_from_table
from corpuslint.engine.linter import Linter
from corpuslint.model.diagnostic import Applicability
from corpuslint.model.document import Document
from corpuslint.model.edits import apply_edits

LINTER = Linter(Settings(select=("P",)))
# Real phone numbers in bbc-dev: the line a police appeal gives (public, but a phone number to these rules).
BBC_DEV_PHONES = {("entertainment/police-praise-courageous-ozzy.txt", "0845 8 505 505"),
                  ("entertainment/police-praise-courageous-ozzy.txt", "0800 555 111")}


def _found(sentence: str, code: str, value: str) -> bool:
    start = sentence.index(value)
    return any((d.code, d.start, d.end) == (code, start, start + len(value)) for d in LINTER.lint(Document(sentence)))


def test_recall_on_generated_spans_is_at_least_99_percent_for_every_kind() -> None:
    generated = spans()
    assert len(generated) >= 500
    missed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sentence, span in generated:
        total[span.kind] += 1
        if not _found(sentence, span.code, span.value):
            missed[span.kind] += 1
    assert set(total) == {"email", "phone", "ip", "card", "id"}
    for kind in total:
        assert 1 - missed[kind] / total[kind] >= 0.99, (kind, missed[kind], total[kind])


def test_look_alikes_are_not_reported() -> None:
    assert {text: [d.code for d in LINTER.lint(Document(text))] for text in LOOK_ALIKES} == dict.fromkeys(
        LOOK_ALIKES, [])


def test_redaction_replaces_each_span_with_its_placeholder() -> None:
    text = "Write to jane.doe@example.co.uk or call 020 7946 0018 from 203.0.113.45."
    edits = [e for d in LINTER.lint(Document(text)) for e in d.fix.edits
             if d.fix and d.fix.applicability is Applicability.UNSAFE]
    assert apply_edits(text, edits) == "Write to <EMAIL> or call <PHONE> from <IP_ADDRESS>."


def test_placeholders_are_configurable_and_checked() -> None:
    settings = settings_from_table({"select": ["P101"], "placeholders": {"EMAIL": "[email]"}}, SEEDS)
    [finding] = Linter(settings).lint(Document("Mail a@b.com now."))
    assert finding.fix is not None and finding.fix.edits[0].content == "[email]"
    with pytest.raises(ConfigError, match="unknown setting placeholders.MAIL"):
        settings_from_table({"placeholders": {"MAIL": "x"}}, SEEDS)


def test_seeds_have_no_personal_data() -> None:
    assert [(p.name, d.code) for p in sorted(SEEDS.glob("*.txt"))
            for d in LINTER.lint(Document(p.read_text(encoding="utf-8")))] == []


@pytest.mark.skipif(not BBC_DEV.is_dir(), reason="../shared is not beside this checkout")
def test_bbc_dev_findings_are_the_real_phone_numbers_only() -> None:
    found = set()
    for path in sorted(BBC_DEV.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found |= {(str(path.relative_to(BBC_DEV)), text[d.start : d.end]) for d in LINTER.lint(Document(text))}
    assert found == BBC_DEV_PHONES


def test_corpuslint_finds_what_datatrove_pii_formatter_finds_and_more() -> None:
    """datatrove's PIIFormatter covers e-mails and (public) IPv4 addresses: compare on those spans."""
    pii = pytest.importorskip("datatrove.pipeline.formatters.pii")
    formatter = pii.PIIFormatter()
    ours = theirs = 0
    subset = [(s, span) for s, span in spans() if span.kind in ("email", "ip")]
    for sentence, span in subset:
        ours += _found(sentence, span.code, span.value)
        theirs += span.value not in formatter.format(sentence)
    assert ours == len(subset)
    assert theirs < ours  # datatrove has no IPv6
