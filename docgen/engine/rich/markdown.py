"""Markdown values: ``{{p summary|markdown }}`` writes Markdown as Word content.

The Markdown is read by markdown-it-py (maintained, CommonMark-exact, with the
GitHub tables and ~~strike-through~~ most writers expect) into HTML, which
:class:`~docgen.engine.rich.html.Html` then writes: one converter, one set of
safety rules. HTML written inside the Markdown passes through the same cleaning
as any other HTML value, so Markdown can carry no more than HTML can.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from docgen.engine.rich.html import Html

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Markdown(Html):
    """``source`` (Markdown text or UTF-8 bytes), written as Word content where it is printed."""

    def html(self) -> str:
        """The HTML the Markdown stands for."""
        return str(_parser().render(self.source))


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on first use: most renders hold no Markdown

    # breaks: a single line break in the source is a line break, as people who type
    # Markdown into a form field (not a programmer's editor) expect.
    return MarkdownIt("commonmark", {"html": True, "breaks": True}).enable(
        ["table", "strikethrough"]
    )


def markdown_filter(value: object) -> Markdown:
    """``{{p body|markdown }}``: the Markdown in ``body`` as paragraphs, lists and tables."""
    return value if isinstance(value, Markdown) else Markdown(value)
