"""A YAML loader that refuses alias bombs and huge documents while it composes them.

PyYAML composes an alias as a second reference to the anchored node, so a
536-byte "billion laughs" composes in a blink, and the cost only comes when the
data is walked: building typed values, validating, rendering, dumping. Bounding
the build catches it late and slowly; this loader bounds it *while composing*:
every node carries the number of nodes it stands for once aliases are expanded,
and the document is refused as soon as that count, the count of nodes actually
composed, or the nesting depth passes its limit. Every door that reads YAML
(typed data files, plain render data, recipes) composes through it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, too_large

#: Nodes composed (not expanded) in one document: each costs a few hundred bytes and,
#: in pure-Python PyYAML, tens of microseconds.
MAX_COMPOSED_NODES = 200_000
#: Values a document may stand for once its aliases are expanded (with ``Limits.max_nodes``).
MAX_EXPANDED_NODES = 200_000
#: Characters of YAML text read at all: composing costs tens of bytes of memory per byte.
MAX_YAML_BYTES = 2 * 1024 * 1024


class _Bounded:
    """The counts and limits, for either parser: expanded nodes, composed nodes and depth."""

    display: str
    limits: Limits

    def _start_counting(self, display: str, limits: Limits) -> None:
        self.display = display
        self.limits = limits
        self.composed = 0
        self.depth = 0
        self._weights: dict[int, int] = {}
        self.expanded = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > self.limits.max_depth:
                raise self._refused(
                    f"YAML 嵌套超过 {self.limits.max_depth} 层",
                    f"the YAML nests deeper than {self.limits.max_depth} levels",
                )
            node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1
        if node is None:
            return None
        weight = self._weights.get(id(node))
        if weight is None:
            # A node composed just now (an alias returns a node already weighed).
            self.composed += 1
            weight = 1 + sum(self._weight_of(child) for child in _children(node))
            self._weights[id(node)] = weight
            if self.composed > MAX_COMPOSED_NODES:
                raise self._refused(
                    f"YAML 文档的值超过 {MAX_COMPOSED_NODES:,} 个",
                    f"the YAML document holds more than {MAX_COMPOSED_NODES:,} values",
                )
        bound = min(self.limits.max_nodes, MAX_EXPANDED_NODES)
        if weight > bound:
            raise self._refused(
                f"YAML 别名展开后超过 {bound:,} 个值（“billion laughs” 式别名炸弹？）",
                f"the YAML aliases expand to more than {bound:,} values "
                "(a 'billion laughs' alias bomb?)",
            )
        return node

    def _weight_of(self, node: yaml.Node) -> int:
        return self._weights.get(id(node), 1)

    def _refused(self, zh: str, en: str) -> Exception:
        return too_large(self.display, zh, en)


class PurePythonLoader(_Bounded, yaml.SafeLoader):
    """``yaml.SafeLoader`` (PyYAML's Python scanner and parser) with the bounds.

    Its error messages are the ones :mod:`~docgen.data.loaders.yaml_errors` explains,
    so a text the fast loader refuses is read again with this one.
    """

    def __init__(self, text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> None:
        check_yaml_size(text, display)
        yaml.SafeLoader.__init__(self, text)
        self._start_counting(display, limits)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class BoundedLoader(_Bounded, Composer, SafeConstructor, Resolver, CParser):
        """The bounded safe loader on libyaml's scanner and parser (about ten times faster
        than PyYAML's Python ones), composing in Python, where the bounds are counted.

        Only the events come from C: nodes are composed by PyYAML's own composer (before
        ``CParser`` in the bases, so its ``get_single_node`` runs, not libyaml's), so the
        nesting depth is checked as it grows and no C recursion follows the input.
        """

        def __init__(self, text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> None:
            check_yaml_size(text, display)
            CParser.__init__(self, text)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_counting(display, limits)

else:  # pragma: no cover -- PyYAML built without libyaml

    class BoundedLoader(PurePythonLoader):  # type: ignore[no-redef]
        """PyYAML without libyaml: the Python parser."""


def check_yaml_size(text: str, display: str) -> None:
    """Refuse YAML text over :data:`MAX_YAML_BYTES` before anything parses it."""
    if len(text) > MAX_YAML_BYTES:
        raise too_large(
            display,
            f"YAML 文件超过 {MAX_YAML_BYTES // (1024 * 1024)} MB；大量数据请改用 Excel 或 JSON",
            f"the YAML file is over {MAX_YAML_BYTES // (1024 * 1024)} MB; "
            "use Excel or JSON for large data",
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


__all__ = [
    "MAX_COMPOSED_NODES",
    "MAX_EXPANDED_NODES",
    "MAX_YAML_BYTES",
    "BoundedLoader",
    "PurePythonLoader",
    "check_yaml_size",
]
