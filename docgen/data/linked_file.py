"""A file that data names beside itself (``统计表文件``, ``评议数据文件``): the two checks
before it is read.

Data from strangers (the web service) must not make docgen open files it names: the
file is then not read and a warning says so and what to do instead. Otherwise the name
must stay inside the data's folder (relative, no ``..``) and be a file there; else an
error names it and where it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.exceptions import Location, Problem


@dataclass(frozen=True)
class LinkedFile:
    """How the messages name one kind of linked file.

    ``code`` prefixes the problem codes (``{code}_not_read``, ``{code}_missing``);
    ``label_zh``/``label_en`` name the field (统计表文件 / tally file); ``instead_zh``/
    ``instead_en`` say what to do when it is not read; ``content_zh`` is what to put
    where it belongs, ``home_zh``/``home_en`` the file it must be beside.
    """

    code: str
    label_zh: str
    label_en: str
    instead_zh: str
    instead_en: str
    content_zh: str
    home_zh: str
    home_en: str

    def refused(self, name: str, where: Location, allowed: bool) -> Problem | None:
        """The warning that ``name`` is not read (``allowed`` false), else ``None``."""
        if allowed:
            return None
        return Problem(
            f"{self.code}_not_read",
            f"{self.label_zh}“{name}”未读取（此处不读取数据中指定的文件）；{self.instead_zh}",
            f"{self.label_en} {name!r} was not read here; {self.instead_en}",
            where,
            severity="warning",
        )

    def missing(self, name: str, folder: Path, where: Location) -> Problem | None:
        """The error that ``name`` is outside ``folder`` or not a file there, else ``None``."""
        inside = not Path(name).is_absolute() and ".." not in Path(name).parts
        if inside and (folder / name).is_file():
            return None
        return Problem(
            f"{self.code}_missing",
            f"找不到{self.label_zh}“{name}”；请把{self.content_zh}放在{self.home_zh}所在文件夹"
            "（或其子文件夹）中",
            f"{self.label_en} {name!r} not found beside the {self.home_en}",
            where,
        )


__all__ = ["LinkedFile"]
