"""One finding: a check, what was measured, what was expected, and whether it passed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from docgen.i18n import tr

Status = Literal["pass", "fail", "skip"]


@dataclass(frozen=True)
class Text:
    """A phrase in both languages."""

    zh: str
    en: str

    def __str__(self) -> str:
        return tr(self.zh, self.en)


NONE = Text("", "")


@dataclass(frozen=True)
class Finding:
    """The result of one check. ``skip``: the document has nothing to measure it on."""

    code: str
    status: Status
    check: Text
    measured: Text
    expected: Text
    detail: Text = NONE

    @property
    def passed(self) -> bool:
        """Whether the check did not fail (a skipped check does not fail)."""
        return self.status != "fail"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, texts in the current language."""
        return {
            "code": self.code,
            "status": self.status,
            "check": str(self.check),
            "measured": str(self.measured),
            "expected": str(self.expected),
            "detail": str(self.detail),
        }


def same(text: str) -> Text:
    """A phrase that reads the same in both languages (numbers, font names)."""
    return Text(text, text)


def verdict(ok: bool) -> Status:
    """``pass`` or ``fail``."""
    return "pass" if ok else "fail"


def pages_text(pages: list[int]) -> Text:
    """``第 2、4 页`` / ``pages 2, 4``."""
    return Text(f"第 {'、'.join(map(str, pages))} 页", f"page(s) {', '.join(map(str, pages))}")
