"""Package attributes imported on first use (PEP 562), from a fixed table.

A package lists its public names and where each lives; the module behind a name
is imported the first time the name is read, so importing the package costs
nothing it does not use (``import docgen`` loads no engine, ``docgen.data`` no model).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    package: str, table: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` for ``package``.

    ``table`` maps a public name to ``"module"`` (the same name in that module) or
    ``"module:attribute"``. A name once imported is stored in the package, so later
    lookups are plain module attributes.
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        target = table.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        value = getattr(importlib.import_module(module), attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *table})

    return __getattr__, __dir__


__all__ = ["lazy_attributes"]
