"""Every rule, built-in and declarative, and which of them a run selects.

Rules come from four places and take one path: the built-in check modules,
the built-in packs in rules/, third-party plug-ins registered under the
`corpuslint.rules` entry-point group (a module with a `RULES` tuple, or a
pack file), and user packs named in config.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from corpuslint import packs
from corpuslint.checks import MODULES
from corpuslint.engine.rule import Check, RuleInfo

ENTRY_POINT_GROUP = "corpuslint.rules"
ALL = "ALL"


class RegistryError(ValueError):
    """Two rules claim one code, or a rule's metadata is malformed."""


class UnknownSelector(ValueError):
    """A selector (code, prefix or ALL) that names no registered rule."""


class Registry:
    """The loaded rules: their checks, and their metadata by code."""

    def __init__(self, checks: Iterable[Check]) -> None:
        self.checks: tuple[Check, ...] = tuple(checks)
        infos: dict[str, RuleInfo] = {}
        for check in self.checks:
            info = check.info
            problems = info.validate()
            if problems:
                raise RegistryError(f"rule {info.code} ({info.origin}): {'; '.join(problems)}")
            known = infos.setdefault(info.code, info)
            if known.name != info.name:
                raise RegistryError(
                    f"code {info.code} is claimed by {known.origin} ({known.name}) "
                    f"and {info.origin} ({info.name})"
                )
        self.infos: dict[str, RuleInfo] = dict(sorted(infos.items()))

    @classmethod
    def load(cls, user_packs: Sequence[Path] = ()) -> Registry:
        """Built-in rules and packs, entry-point plug-ins, then `user_packs`."""
        found: list[Check] = []
        for module_name in MODULES:
            found.extend(rule() for rule in importlib.import_module(module_name).RULES)
        for pack in sorted(packs.builtin_pack_dir().glob("*.yaml")):
            found.extend(packs.load_pack(pack, _infos(found)))
        for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
            found.extend(_load_plugin(entry_point, _infos(found)))
        for pack in user_packs:
            found.extend(packs.load_pack(pack, _infos(found)))
        return cls(found)

    def resolve(self, selector: str) -> frozenset[str]:
        """The codes a selector names: `ALL`, a family letter, a prefix or a full code."""
        if selector == ALL:
            return frozenset(self.infos)
        codes = frozenset(code for code in self.infos if selector and code.startswith(selector))
        if not codes:
            raise UnknownSelector(f"unknown rule selector {selector!r}: no rule code starts with it")
        return codes

    def select(
        self,
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> frozenset[str]:
        """The codes to run, resolved as ruff does: the most specific selector wins.

        `select` replaces the default set (every rule that is on by default);
        `extend_select` adds to it; `ignore` removes. Where a code matches both
        a selecting and an ignoring selector, the longer one decides, and an
        ignore wins a tie, so `--select B --ignore B101` and
        `--ignore B --extend-select B101` both do what they say.
        """
        for selector in (*(select or ()), *extend_select, *ignore):
            self.resolve(selector)
        chosen = set()
        for code, info in self.infos.items():
            enabling = [s for s in (*(select or ()), *extend_select) if _matches(s, code)]
            if select is None and info.enabled_by_default:
                enabling.append("")  # the default set, at the lowest specificity
            disabling = [s for s in ignore if _matches(s, code)]
            if enabling and _specificity(enabling) > _specificity(disabling):
                chosen.add(code)
        return frozenset(chosen)

    def checks_for(self, codes: Iterable[str]) -> tuple[Check, ...]:
        wanted = set(codes)
        return tuple(check for check in self.checks if check.info.code in wanted)


def _matches(selector: str, code: str) -> bool:
    return selector == ALL or code.startswith(selector)


def _specificity(selectors: Sequence[str]) -> int:
    """How specific the most specific selector is; -1 when there is none."""
    return max((0 if s == ALL else len(s) for s in selectors), default=-1)


def _infos(checks: Sequence[Check]) -> dict[str, RuleInfo]:
    """The codes defined so far, which a later pack's entries may extend."""
    return {check.info.code: check.info for check in checks}


def _load_plugin(entry_point: metadata.EntryPoint, known: dict[str, RuleInfo]) -> list[Check]:
    """An entry point names a module with a RULES tuple, or a pack file inside a package."""
    try:
        target = entry_point.load()
    except Exception as error:  # a broken plug-in must say which one it is
        raise RegistryError(f"plug-in {entry_point.name!r} failed to load: {error}") from error
    if hasattr(target, "RULES"):
        return [rule() for rule in target.RULES]
    if isinstance(target, (str, Path)):
        return packs.load_pack(Path(target), known)
    raise RegistryError(
        f"plug-in {entry_point.name!r} ({entry_point.value}) is neither a module with RULES "
        "nor a path to a pack"
    )
