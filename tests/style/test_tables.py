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
