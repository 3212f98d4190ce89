"""What every loader returns, and the errors loaders raise."""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.data.positions import Path, PositionMap
from docgen.exceptions import DataError, Location, Problem


@dataclass
class TableInfo:
    """A table read from a sheet or CSV file: the header text of each column found.

    ``blanks`` holds the place of each empty cell by ``(record index, header)``, so
    a required value left empty is reported at its own cell, not at the row's first.
    """

    headers: list[str]
    header_location: Location
    blanks: dict[tuple[int, str], Location] = field(default_factory=dict)


@dataclass
class RawDocument:
    """Plain data as read from one file, with the positions of its values.

    ``data`` is what the file holds (normally a mapping); ``fmt`` is ``yaml``,
    ``json``, ``toml``, ``xlsx`` or ``csv``; ``tables`` describes lists that came
    from a sheet or CSV file (key: the path of the list); ``problems`` holds
    problems found while reading that did not stop it (e.g. a duplicate key).
    """

    data: object
    positions: PositionMap
    fmt: str
    tables: dict[Path, TableInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def unreadable(file: str, problem: Problem) -> DataError:
    """The error for a file that could not be read at all."""
    return DataError(
        f"无法读取数据文件 {file}",
        f"cannot read data file {file}",
        [problem],
    )


def syntax_problem(
    file: str, line: int | None, column: int | None, detail_zh: str, detail_en: str | None = None
) -> DataError:
    """The error for a file with a syntax error at ``line``:``column``."""
    problem = Problem(
        "syntax_error",
        f"文件格式有误：{detail_zh}",
        f"syntax error: {detail_en if detail_en is not None else detail_zh}",
        Location(file=file, line=line, column=column),
    )
    return unreadable(file, problem)


__all__ = ["RawDocument", "TableInfo", "syntax_problem", "unreadable"]
