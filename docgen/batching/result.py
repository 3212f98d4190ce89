"""The result of a batch: counts, every output, every failure with its row; JSON for scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.batching.report import group_failures, reason_key
from docgen.exceptions import ExitCode
from docgen.i18n import tr
from docgen.results import Failure, Output

#: Failures sharing one reason are summed up in one line from this many rows on.
GROUP_FROM = 4


@dataclass
class BatchResult:
    """What :func:`docgen.batching.run` did.

    ``written`` are the outputs written by this run, ``unchanged`` the ones found
    up to date and left alone; ``failures`` carry their roster ``row``. With
    ``--pdf``, ``pdfs`` lists the PDFs the folder holds (also counted in
    ``written``/``unchanged``); a document that did not convert is a failure
    with code ``conversion_failed`` that does not fail its row. A batch run in memory
    has no ``out_dir`` and no ``manifest``; its ``documents`` hold every output's bytes.
    """

    out_dir: Path | None
    manifest: Path | None
    rows: int = 0
    succeeded: int = 0
    skipped: int = 0
    failed_rows: list[int] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    pdfs: list[str] = field(default_factory=list)
    conversion_warnings: list[str] = field(default_factory=list)
    report: Path | None = None
    documents: list[Output] = field(default_factory=list)

    @property
    def contents(self) -> dict[str, bytes]:
        """A batch in memory: each output's bytes by its relpath (else empty)."""
        return {o.relpath: o.data for o in self.documents if o.data is not None}

    @property
    def conversion_failures(self) -> list[Failure]:
        """The documents that did not convert to PDF."""
        return [f for f in self.failures if f.code == "conversion_failed"]

    @property
    def ok(self) -> bool:
        """True when every row succeeded and every requested PDF was made."""
        return not self.failed_rows and not self.conversion_failures

    @property
    def exit_code(self) -> int:
        """0 when all is well; ``ExitCode.ROWS_FAILED`` when a row failed (it says more than
        a failed conversion), else ``ExitCode.CONVERSION`` when a PDF is missing."""
        if self.failed_rows:
            return ExitCode.ROWS_FAILED
        return ExitCode.CONVERSION if self.conversion_failures else ExitCode.OK

    @property
    def outputs(self) -> list[str]:
        """Every output the folder now holds for this roster (written or unchanged)."""
        return sorted({*self.written, *self.unchanged})

    def summary(self) -> str:
        """A few human lines: counts, then one line per failure."""
        head = tr(
            f"共 {self.rows} 行：成功 {self.succeeded}（其中 {self.skipped} 行已是最新，未重做），"
            f"失败 {len(self.failed_rows)}；写出 {len(self.written)} 个文件，"
            f"{len(self.unchanged)} 个未变；用时 {self.seconds:.1f} 秒",
            f"{self.rows} rows: {self.succeeded} succeeded ({self.skipped} already up to date), "
            f"{len(self.failed_rows)} failed; {len(self.written)} files written, "
            f"{len(self.unchanged)} unchanged; {self.seconds:.1f} s",
        )
        lines = [head]
        if self.pdfs or self.conversion_failures:
            lines.append(
                tr(
                    f"PDF：{len(self.pdfs)} 个，转换失败 {len(self.conversion_failures)} 个",
                    f"PDF: {len(self.pdfs)}, {len(self.conversion_failures)} failed to convert",
                )
            )
        lines.extend(tr("警告：", "warning: ") + w for w in self.conversion_warnings)
        for example, rows in group_failures(self.failures):
            if len(rows) < GROUP_FROM:
                lines.extend(f"  ✗ {f.describe()}" for f in self.failures if _same(f, example))
                continue
            shown = "、".join(map(str, sorted(rows)[:20])) + ("…" if len(rows) > 20 else "")
            lines.append(
                tr(
                    f"  ✗ {len(rows)} 行同一原因（第 {shown} 行），例如：{example.message_zh}",
                    f"  ✗ {len(rows)} rows for one reason (rows {shown}), e.g.: "
                    f"{example.message_en}",
                )
            )
        if self.report is not None:
            lines.append(tr(f"逐行结果见 {self.report}", f"every row's result: {self.report}"))
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The result as JSON-ready data (both languages for every failure)."""
        return {
            "ok": self.ok,
            "exit_code": self.exit_code,
            "out_dir": str(self.out_dir) if self.out_dir is not None else None,
            "manifest": str(self.manifest) if self.manifest is not None else None,
            "rows": self.rows,
            "succeeded": self.succeeded,
            "skipped": self.skipped,
            "failed": len(self.failed_rows),
            "failed_rows": self.failed_rows,
            "written": self.written,
            "unchanged": self.unchanged,
            "pdfs": self.pdfs,
            "failures": [
                {
                    "row": f.row,
                    "step": f.step,
                    "output": f.output,
                    "code": f.code,
                    "exit_code": f.exit_code,
                    "message": f.message,
                    "message_zh": f.message_zh,
                    "message_en": f.message_en,
                }
                for f in self.failures
            ],
            "report": str(self.report) if self.report is not None else None,
            "seconds": round(self.seconds, 3),
            "workers": self.workers,
        }


def _same(failure: Failure, example: Failure) -> bool:
    return reason_key(failure) == reason_key(example)


__all__ = ["BatchResult"]
