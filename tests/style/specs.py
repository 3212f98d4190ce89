"""A bare template description around some blocks, for the style tests."""

from __future__ import annotations

from collections.abc import Sequence

from docgen.style.emit import Block
from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.style.spec import TemplateSpec


def bare_spec(
    blocks: Sequence[Block], landscape: bool = False, style: HouseStyle = DEFAULT_STYLE
) -> TemplateSpec:
    """A ``minutes`` template holding only ``blocks``: no fields, fixtures or output name."""
    return TemplateSpec(
        genre="t",
        name="t",
        kind="minutes",
        title="t",
        description="",
        output="",
        blocks=blocks,
        fields=(),
        landscape=landscape,
        style=style,
    )
