"""Selection by code, prefix and ALL, resolved as ruff does; every rule's metadata and doc."""

from __future__ import annotations

import pytest

from corpuslint.engine.registry import Registry, UnknownSelector
from corpuslint.engine.rule import CODE_PATTERN, NAME_PATTERN, compile_linear


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_every_rule_has_code_name_and_four_part_doc(registry: Registry) -> None:
    for code, info in registry.infos.items():
        assert CODE_PATTERN.fullmatch(code)
        assert NAME_PATTERN.fullmatch(info.name), info.name
        assert info.doc.missing() == [], f"{code} lacks {info.doc.missing()}"
        assert info.summary


def test_names_are_unique(registry: Registry) -> None:
    names = [info.name for info in registry.infos.values()]
    assert len(names) == len(set(names))


def test_prefilters_compile_with_a_linear_engine(registry: Registry) -> None:
    for check in registry.checks:
        if check.prefilter is not None:
            compile_linear(check.prefilter)


def test_default_selection_is_the_rules_on_by_default(registry: Registry) -> None:
    expected = {c for c, i in registry.infos.items() if i.enabled_by_default}
    assert registry.select() == expected


def test_select_prefix_and_ignore_code(registry: Registry) -> None:
    assert registry.select(["M1", "B"], ignore=["B101"]) == registry.resolve("M1") | (
        registry.resolve("B") - {"B101"})


def test_more_specific_selector_wins(registry: Registry) -> None:
    # An ignored family with one code brought back, and the reverse.
    assert registry.select(["ALL"], ignore=["M"], extend_select=["M101"]) >= {"M101"}
    assert "M101" not in registry.select(["M101"], ignore=["M101"])
    assert "M101" not in registry.select(["M"], ignore=["M101"])


def test_all_selects_every_rule_including_those_off_by_default(registry: Registry) -> None:
    assert registry.select(["ALL"]) == set(registry.infos)


@pytest.mark.parametrize("selector", ["Z", "M9", "B1011", "m101", ""])
def test_unknown_selector_names_it(registry: Registry, selector: str) -> None:
    with pytest.raises(UnknownSelector, match=repr(selector)):
        registry.select([selector])
