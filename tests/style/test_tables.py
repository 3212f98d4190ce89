"""Table widths fill the type area exactly."""

from __future__ import annotations

import pytest

from docgen.style.tables import _spread


@pytest.mark.parametrize("weights", [[1, 1, 1], [5, 6, 14, 23, 7, 9, 16, 7, 5], [3.5, 4, 2.5, 4]])
def test_spread_sums_to_total(weights: list[float]) -> None:
    """Integer widths keep their proportions and add up to the whole width."""
    widths = _spread(weights, 8844)
    assert sum(widths) == 8844
    assert all(w > 0 for w in widths)
    assert widths[0] == int(8844 * weights[0] / sum(weights))


def test_rows_are_kept_whole_and_the_header_repeats() -> None:
    """Body rows carry cantSplit; the header also tblHeader; rows_may_split lets rows break."""
    from docgen.style.tables import _row

    assert "<w:cantSplit/>" in _row(["<w:tc/>"])
    header = _row(["<w:tc/>"], header=True)
    assert "<w:cantSplit/>" in header
    assert "<w:tblHeader/>" in header
    assert "<w:trPr>" not in _row(["<w:tc/>"], whole=False)
    assert "<w:tblHeader/>" in _row(["<w:tc/>"], header=True, whole=False)
