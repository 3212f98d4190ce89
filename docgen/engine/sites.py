"""Where each expression lands in the XML, precomputed at compile time.

A value written at a tag must close and reopen the right elements to put a line
break, a new paragraph or a rich-text run in that spot. All of those strings
are known once the template is compiled, so a render only concatenates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from docgen.exceptions import Location

Level = Literal["text", "run", "para", "attr", "plain"]


@dataclass(frozen=True)
class Site:
    """One expression tag: its level, its surroundings and its place for messages.

    ``r_close``/``r_open`` leave and re-enter the current run at the insertion
    point; ``p_close``/``p_open`` leave and re-enter the paragraph (with its
    properties and any hyperlink or revision wrappers). ``rpr``/``ppr`` are the
    run and paragraph properties used when a plain value needs a run or
    paragraph of its own.
    """

    index: int
    level: Level
    expression: str
    location: Location
    part: str
    r_close: str = ""
    r_open: str = ""
    p_close: str = ""
    p_open: str = ""
    rpr: str = ""
    ppr: str = ""

    def describe(self) -> str:
        """The place of this tag, for error messages."""
        return self.location.describe()
