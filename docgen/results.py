"""What every layer hands back: a file made (:class:`Output`), one not made (:class:`Failure`).

The same two records come out of a conversion (``docgen.convert``), a bundle build
(``docgen.bundle``) and a batch (``docgen.batching``), so a caller reads, prints and
sums up results in one way whatever made them. Both are plain, picklable data: batch
rows run in other processes (or on other machines) and send them back.

A failure keeps its reason in both languages and the language of the call that
recorded it (``lang``): ``str(failure)`` and ``message`` speak that language, wherever
and whenever they are printed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docgen.exceptions import DocgenError, ExitCode
from docgen.i18n import Lang, current_language, language, tr

__all__ = ["Failure", "Output", "exit_code_of", "file_sha256"]


@dataclass(frozen=True)
class Output:
    """One file produced: a document, the merged volume, the zip, a PDF or a text file.

    ``relpath`` is its name inside the output folder (``/``-separated). ``path`` is
    where it was written, ``None`` when it was kept in memory; ``data`` holds its
    bytes when the caller asked for them (an in-memory build), else ``None``.
    ``source`` is the file it was converted from (conversions only).
    """

    relpath: str
    kind: str
    sha256: str = ""
    size: int = 0
    path: Path | None = None
    data: bytes | None = None
    step: str | None = None
    template: str | None = None
    row: int | None = None
    source: Path | None = None
    attempts: int = 1
    seconds: float = 0.0

    @property
    def name(self) -> str:
        """The file name (the last part of ``relpath``)."""
        return self.relpath.rsplit("/", 1)[-1]

    @classmethod
    def written(
        cls,
        path: Path,
        *,
        relpath: str | None = None,
        kind: str | None = None,
        source: Path | None = None,
        step: str | None = None,
        row: int | None = None,
        attempts: int = 1,
        seconds: float = 0.0,
    ) -> Output:
        """The record of the file just written at ``path`` (its sha256 and size read back).

        ``relpath`` defaults to the file name, ``kind`` to its extension (``pdf``, ``html``…).
        """
        return cls(
            relpath if relpath is not None else path.name,
            kind if kind is not None else path.suffix.lstrip(".").lower(),
            sha256=file_sha256(path),
            size=path.stat().st_size,
            path=path,
            step=step,
            row=row,
            source=source,
            attempts=attempts,
            seconds=seconds,
        )


@dataclass(frozen=True)
class Failure:
    """Something that could not be produced: a stable ``code``, its exit code, the reason.

    ``step``, ``output`` and ``row`` say where (the recipe step, the output's relpath,
    the roster row); ``source`` is the input file of a failed conversion and
    ``attempts`` how often it was tried.
    """

    code: str
    exit_code: int
    message_zh: str
    message_en: str
    step: str | None = None
    output: str | None = None
    row: int | None = None
    source: Path | None = None
    attempts: int = 1
    lang: Lang = field(default_factory=current_language, compare=False)

    @property
    def message(self) -> str:
        """The reason, in the language of the call that recorded it."""
        return self.message_en if self.lang == "en" else self.message_zh

    def describe(self, lang: str | None = None) -> str:
        """``第 5 行 [plan → a.docx]: reason`` (a conversion: ``a.docx: reason``).

        In ``lang``; by default in the language of the call that recorded the failure.
        """
        with language(lang or self.lang):
            row = tr(f"第 {self.row} 行", f"row {self.row}") if self.row is not None else ""
            reason = tr(self.message_zh, self.message_en)
        where = [x for x in (self.step, self.output) if x]
        spot = f"[{' → '.join(where)}]" if where else ""
        if not where and self.source is not None:
            spot = str(self.source)
        head = " ".join(x for x in (row, spot) if x)
        reason = reason.replace("\n", "\n    ")
        return f"{head}: {reason}" if head else reason

    def __str__(self) -> str:
        return self.describe()

    @classmethod
    def from_error(
        cls,
        err: DocgenError,
        *,
        step: str | None = None,
        output: str | None = None,
        row: int | None = None,
    ) -> Failure:
        """The record of ``err``: its code, exit code and full text (problems included)."""
        return cls(
            err.code,
            err.exit_code,
            err.text("zh"),
            err.text("en"),
            step=step,
            output=output,
            row=row,
            lang=err.lang,
        )

    @classmethod
    def conversion(cls, source: Path, zh: str, en: str, attempts: int = 1) -> Failure:
        """A file that did not convert (exit code 7), ``attempts`` times tried."""
        return cls(
            "conversion_failed", ExitCode.CONVERSION, zh, en, source=source, attempts=attempts
        )


def exit_code_of(failures: Iterable[Failure]) -> ExitCode:
    """The exit code a run with ``failures`` ends with: 0 when there are none.

    A failure that is not a conversion says more than a PDF that is missing, so it
    wins; among equals the first one recorded does.
    """
    codes = [ExitCode(f.exit_code) for f in failures]
    if not codes:
        return ExitCode.OK
    return next((c for c in codes if c != ExitCode.CONVERSION), codes[0])


def file_sha256(path: Path) -> str:
    """The sha256 of the file at ``path`` in hex, read in chunks (raises ``OSError``)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
