"""The text-fidelity finding: no character of the .docx is missing from its PDF (issue 9 §1)."""

from __future__ import annotations

from docgen.inspect.fidelity import TextFidelity
from docgen.inspect.findings import Finding, Text, verdict

_CHECK = Text("文字完整（.docx → PDF）", "every character printed (.docx → PDF)")
_EXPECTED = Text("不丢字，顺序不变", "none lost, same order")


def text_findings(fidelity: TextFidelity | None) -> list[Finding]:
    """One finding; skipped when there was no .docx to compare with."""
    if fidelity is None:
        return [
            Finding(
                "text_fidelity",
                "skip",
                _CHECK,
                Text("未核对", "not checked"),
                _EXPECTED,
                Text(
                    "没有找到同名的 .docx；用 --docx 指定原文件即可核对",
                    "no .docx of the same name found; name it with --docx to check",
                ),
            )
        ]
    if fidelity.passed:
        measured = Text(
            f"{fidelity.expected} 个字符全部印出",
            f"all {fidelity.expected} characters printed",
        )
        detail = Text("", "")
    else:
        pages = "、".join(map(str, fidelity.pages))
        measured = Text(
            f"丢失 {fidelity.lost_chars} 个字符（第 {pages} 页）",
            f"{fidelity.lost_chars} character(s) lost (page {', '.join(map(str, fidelity.pages))})",
        )
        detail = Text(fidelity.describe(english=False), fidelity.describe(english=True))
    return [Finding("text_fidelity", verdict(fidelity.passed), _CHECK, measured, _EXPECTED, detail)]
