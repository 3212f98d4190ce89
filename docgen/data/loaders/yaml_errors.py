"""PyYAML's syntax errors in plain Chinese, on the line the writer has to change.

PyYAML reports where its scanner gave up, which is often the line after the
mistake ("could not find expected ':'" points at the next key) and always in
English. :func:`explain` names the line to fix and says what to type there.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Explained:
    """A syntax error as ``line``/``column`` (1-based) and what to do, in both languages."""

    line: int | None
    column: int | None
    zh: str
    en: str


def explain(err: yaml.MarkedYAMLError, text: str) -> Explained:
    """The line to fix and a Chinese message for the syntax error ``err`` in ``text``."""
    problem = str(err.problem or "")
    context = str(err.context or "")
    mark = err.problem_mark or err.context_mark
    at = err.context_mark or mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    here = _line_of(text, mark.line) if mark else ""
    english = f"{context}; {problem}".strip("; ") or str(err)
    if "'\\t'" in problem:
        return Explained(
            line,
            column,
            "这里有 Tab 字符；YAML 里不能用 Tab 缩进或分隔，"
            "请改用空格（每层缩进两个空格，冒号后一个空格）",
            english,
        )
    if "could not find expected ':'" in problem and at is not None:
        return Explained(
            at.line + 1,
            at.column + 1,
            "这一行缺少冒号：请写成“字段: 值”（英文冒号，后面加一个空格）",
            english,
        )
    if "mapping values are not allowed" in problem and mark is not None:
        if ": " in here[: mark.column] or "：" in here[: mark.column]:
            return Explained(
                line,
                column,
                "值里含有“: ”（冒号加空格），会被当作新的字段；请把整个值用引号括起来，"
                '如 标题: "议题: 学习文件"，或把冒号改成全角“：”',
                english,
            )
        return Explained(
            line,
            column,
            "这一行比上一行缩进得深，但上一行的冒号后已经写了值；请与上一行对齐，"
            "或检查上一行是否少了冒号",
            english,
        )
    if "expected <block end>" in problem or "expected <block mapping start>" in problem:
        return Explained(
            line,
            column,
            "缩进没有对齐：同一层的字段要用相同数量的空格缩进，请与上面同级的行对齐",
            english,
        )
    if "quoted scalar" in context and at is not None:
        return Explained(
            at.line + 1,
            at.column + 1,
            "引号没有配对：这一行开始的引号没有结束，请补上结尾的引号",
            english,
        )
    if ("flow sequence" in context or "flow mapping" in context) and at is not None:
        return Explained(
            at.line + 1,
            at.column + 1,
            "这一行的方括号 [ 或花括号 { 没有配对，或括号里的冒号、逗号未加引号；"
            "请补齐括号，或把这段文字用引号括起来",
            english,
        )
    if "alias" in problem or "anchor" in problem:
        return Explained(
            line, column, "“&”或“*”开头的引用写法有误；若是普通文字，请用引号括起来", english
        )
    return Explained(line, column, f"这一行不符合 YAML 格式（{english}）", english)


def _line_of(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


__all__ = ["Explained", "explain"]
