"""Message language: Chinese by default, English on request.

The language is chosen, in order, by :func:`language` (for one block of code in one
thread or task: a server answers each request in its own language), :func:`set_language`,
the ``DOCGEN_LANG``
environment variable (``zh`` or ``en``), and otherwise Chinese. Every
user-facing message in docgen is written in both languages at the place it is
raised, through :func:`tr`, so a message and its translation never drift apart.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

Lang = Literal["zh", "en"]

_override: Lang | None = None
_scoped: ContextVar[Lang | None] = ContextVar("docgen_language", default=None)


def set_language(lang: str | None) -> None:
    """Force the message language (``"zh"``/``"en"``); ``None`` returns to the default."""
    global _override
    if lang is None:
        _override = None
        return
    _override = _normalise(lang)


@contextmanager
def language(lang: str | None) -> Iterator[Lang]:
    """Messages in ``lang`` inside the ``with`` block, in this thread or task only.

    ``None`` leaves the language as it is (so API functions can pass their
    ``lang=`` argument straight through).
    """
    if lang is None:
        yield current_language()
        return
    token = _scoped.set(_normalise(lang))
    try:
        yield _normalise(lang)
    finally:
        _scoped.reset(token)


def current_language() -> Lang:
    """The language messages are shown in right now."""
    scoped = _scoped.get()
    if scoped is not None:
        return scoped
    if _override is not None:
        return _override
    return _normalise(os.environ.get("DOCGEN_LANG", "zh"))


def tr(zh: str, en: str) -> str:
    """Pick the Chinese or English wording of one message."""
    return en if current_language() == "en" else zh


def _normalise(lang: str) -> Lang:
    return "en" if lang.strip().lower().startswith("en") else "zh"
