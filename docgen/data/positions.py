"""Source positions: where each value of a loaded document came from.

A loader returns plain Python data plus a :class:`PositionMap` keyed by *paths*:
tuples of mapping keys and list indices, such as ``("problems", 3, "deadline")``.
Later stages (pydantic errors, domain rules) name a path, and the map turns it
into a :class:`~docgen.exceptions.Location` — ``file:line:column`` for text
formats, ``file[sheet]!C7`` for workbooks. A path that has no entry of its own
(a missing field, a derived value) falls back to its nearest ancestor, so every
problem still points somewhere useful.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from docgen.exceptions import Location

#: One step into a document: a mapping key or a list index.
PathPart = str | int
#: A place in a document, from its root.
Path = tuple[PathPart, ...]


@dataclass
class PositionMap:
    """Locations of values (and of mapping keys) by path, for one source file.

    ``values`` holds where a value starts; ``keys`` holds where the key naming a
    value starts, which is the better place to point at for an unknown key.
    """

    file: str
    values: dict[Path, Location] = field(default_factory=dict)
    keys: dict[Path, Location] = field(default_factory=dict)

    def at(self, path: Path, *, prefer_key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
        probe = path
        while True:
            found = first.get(probe) or second.get(probe)
            if found is not None:
                return found
            if not probe:
                return Location(file=self.file)
            probe = probe[:-1]

    def rebased(self, moves: Mapping[Path, Path]) -> PositionMap:
        """A copy whose entries are re-keyed by ``moves`` (old path → new path)."""
        out = PositionMap(self.file)
        for old, new in moves.items():
            if old in self.values:
                out.values[new] = self.values[old]
            if old in self.keys:
                out.keys[new] = self.keys[old]
        return out


#: Attributes named after Python keywords, and the English key they stand for.
_KEYWORD_ATTRS = {"for_": "for", "from_": "from"}


def english_key(name: str) -> str:
    """The English key of an attribute: ``for_`` → ``for``; other names unchanged."""
    return _KEYWORD_ATTRS.get(name, name)


def format_path(path: Path) -> str:
    """``("problems", 3, "deadline")`` → ``problems[3].deadline`` (indices from 0)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = english_key(part)
            text += f".{key}" if text else key
    return text


def walk_paths(value: object, base: Path = ()) -> Iterator[Path]:
    """Every path inside ``value`` (mappings and lists), ``base`` included."""
    yield base
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield from walk_paths(child, (*base, str(key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk_paths(child, (*base, index))


__all__ = ["Path", "PathPart", "PositionMap", "english_key", "format_path", "walk_paths"]
