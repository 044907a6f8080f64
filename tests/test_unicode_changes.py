"""`changes` turns a rewrite (ftfy's, NFC's) into edits; applied, they must give the rewrite."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from corpuslint.model.changes import changes
from corpuslint.model.diagnostic import Edit
from corpuslint.model.edits import apply_edits

TEXT = st.text(alphabet=st.sampled_from("ab £éÃâ€™\u0301\n"), max_size=30)


@given(TEXT, TEXT)
def test_edits_rebuild_the_rewrite(before: str, after: str) -> None:
    found = changes(before, after)
    assert apply_edits(before, [Edit(s, e, r) for s, e, r in found]) == after
    assert all(a[1] < b[0] for a, b in pairwise(found))  # apart, in order


def test_glued_signs_are_reported_with_the_change() -> None:
    found = changes("cost Â£5m in SÃ£o Paulo", "cost £5m in São Paulo")
    assert found == [(5, 7, "£"), (14, 16, "ã")]
