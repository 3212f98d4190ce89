"""YAML loading with the line and column of every key and value.

The document is composed into nodes by PyYAML's safe loader (on libyaml's parser;
a text it refuses is read again by PyYAML's Python parser, whose messages the
explanations know), then built into Python values here, so each value keeps its
node's start mark. Slips of a Chinese input method are repaired first
(:mod:`~docgen.data.loaders.ime`), and syntax errors are told in Chinese on the
line to fix (:mod:`.yaml_errors`). Building by hand also lets docgen report
duplicate keys (PyYAML keeps the last one silently) and bound the values an
alias-heavy document can expand into.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from docgen.data.loaders.base import RawDocument, syntax_problem
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, too_large
from docgen.data.loaders.ime import repair
from docgen.data.loaders.yaml_bounds import BoundedLoader, PurePythonLoader, check_yaml_size
from docgen.data.loaders.yaml_errors import explain
from docgen.data.positions import Path, PositionMap, format_path
from docgen.exceptions import Location, Problem


class _Loader(BoundedLoader):
    """The bounded safe loader (alias bombs refused while composing), without YAML 1.1's
    base-60 numbers.

    Under YAML 1.1 ``end: 16:00`` is the integer 960 and ``14:30`` is 870: a time
    of day silently turned into a number. Here such values stay texts, and the
    date fields read them as times.
    """


class _PureLoader(PurePythonLoader):
    """:class:`_Loader` on PyYAML's Python parser, for the text the fast one refuses."""


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = _PureLoader.yaml_implicit_resolvers = {
    first: [
        (tag, re.compile(r"(?!.*:)(?:" + rx.pattern + ")", rx.flags) if tag in _NUMBER_TAGS else rx)
        for tag, rx in resolvers
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Parse YAML ``text`` (from file ``display``) into a :class:`RawDocument`.

    Raises ``DataError`` on a syntax error (with its line and column) and
    ``InputTooLargeError`` when the document expands beyond ``limits.max_nodes``.
    """
    check_yaml_size(text, display)  # before the IME repair, which reads the whole text too
    repaired = repair(text, display)
    try:
        loader, node = _compose(repaired.text, display, limits)
    except yaml.MarkedYAMLError as err:
        why = explain(err, repaired.text)
        raise syntax_problem(display, why.line, why.column, why.zh, why.en) from None
    except yaml.YAMLError as err:
        raise syntax_problem(display, None, None, str(err)) from None
    builder = _Builder(loader, display, limits)
    try:
        data = builder.build(node, ()) if node is not None else None
    finally:
        loader.dispose()
    problems = repaired.warnings + builder.problems
    return RawDocument(data, builder.positions, "yaml", problems=problems)


def _compose(
    text: str, display: str, limits: Limits
) -> tuple[BoundedLoader | PurePythonLoader, yaml.Node | None]:
    """The loader and the document's node: libyaml's parser first, PyYAML's on a refusal.

    libyaml words its errors its own way (and may refuse what PyYAML reads), so a text it
    refuses is composed again by the Python parser: its document, or its error, is the one
    users always had.
    """
    fast = _Loader(text, display, limits)
    try:
        return fast, fast.get_single_node()
    except yaml.YAMLError:
        fast.dispose()
    slow = _PureLoader(text, display, limits)
    return slow, slow.get_single_node()


class _Builder:
    """Turns composed YAML nodes into plain values, recording their marks."""

    def __init__(
        self, loader: BoundedLoader | PurePythonLoader, display: str, limits: Limits
    ) -> None:
        self.loader = loader
        self.limits = limits
        self.positions = PositionMap(display)
        self.problems: list[Problem] = []
        self.count = 0

    def here(self, mark: yaml.Mark) -> Location:
        return Location(file=self.positions.file, line=mark.line + 1, column=mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> object:
        self.count += 1
        if self.count > self.limits.max_nodes or len(path) > self.limits.max_depth:
            raise too_large(
                self.positions.file,
                "YAML 文档展开后过大或嵌套过深（别名过多？）",
                "the YAML document expands too far or nests too deep (too many aliases?)",
            )
        self.positions.values[path] = self.here(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, object]:
        self.loader.flatten_mapping(node)
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = _key_text(
                self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            )
            if key is None:
                key = str(getattr(key_node, "value", ""))
            child = (*path, key)
            if key in out:
                self.problems.append(_duplicate(key, self.here(key_node.start_mark), child))
            self.positions.keys[child] = self.here(key_node.start_mark)
            out[key] = self.build(value_node, child)
        return out

    def scalar(self, node: yaml.Node) -> object:
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # An impossible timestamp such as 2026-02-30: keep the text so the
            # model reports it as a bad date, in the same words as other dates.
            return str(node.value)


def _key_text(key: object) -> str | None:
    if key is None:
        return None
    if isinstance(key, dt.date):
        return key.isoformat()
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def _duplicate(key: str, where: Location, path: Path) -> Problem:
    return Problem(
        "duplicate_key",
        f"键“{key}”重复出现，后一个会覆盖前一个",
        f"key {key!r} appears twice; the later one would replace the earlier",
        where,
        format_path(path),
    )


__all__ = ["load_yaml"]
