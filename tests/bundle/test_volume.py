"""The volume options of a recipe: defaults, the 目录 rule, and the printed page arithmetic."""

from __future__ import annotations

from docgen.bundle import Bundle
from docgen.bundle.recipe import MergedSpec
from docgen.bundle.volume import printed_numbers


def test_merged_volume_defaults() -> None:
    """Duplex on, each step's own numbering, and a 目录 decided by the number of parts."""
    spec = MergedSpec(output="合订本.docx")
    assert (spec.duplex, spec.page_numbers, spec.toc) == (True, "parts", None)


def test_builtin_volumes_number_through_when_they_have_contents() -> None:
    """The bundles of more than three parts number the volume through; 整改 keeps its own."""
    modes = {}
    for name in ("niandu", "zhenggai", "zuzhi-shenghuohui"):
        merged = Bundle.load(name).recipe.merged
        assert merged is not None
        modes[name] = merged.page_numbers
    assert modes == {"niandu": "volume", "zhenggai": "parts", "zuzhi-shenghuohui": "volume"}


def test_printed_numbers_count_blank_pages_and_restarts() -> None:
    """Parts starting on PDF pages 5, 9 (restart), 16 (runs on): 1, 1, 8."""
    assert printed_numbers([5, 9, 16], [True, True, False]) == [1, 1, 8]
    # Numbered through: every page since the first part counts, blank ones too.
    assert printed_numbers([5, 9, 16], [False, False, False]) == [1, 5, 12]
