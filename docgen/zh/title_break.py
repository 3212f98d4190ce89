"""Breaking a long title into lines by sense (GB/T 9704 §7.3.3): words whole, trapezoid or diamond.

The standard asks a title of several lines to be broken so that each line keeps its words
whole and the lines form a trapezoid or a diamond ("词意完整，排列对称，长短适宜"). A word
processor breaks wherever the line is full, which cuts “关 / 于”, “组织生 / 活会” or
“成立105 / 周年”. :func:`break_title` chooses the breaks instead:

- never inside a term of the genre (:data:`TERMS`, extendable per call), a number with its unit
  (“105周年”, “2026年度”), a run of Latin letters, or before a closing / after an opening mark;
- preferably after the issuing body (…党支部, …委员会) and before “关于”, “在…上的讲话” or a
  year, then at the edge of a known term, and only as a last resort between two unknown
  characters;
- as few lines as fit, the lines' widths rising, falling, or rising then falling (never an
  hourglass), and not too uneven.

Widths are counted as printed: a full-width character 1, anything else ½, and a quarter for
the automatic space between Chinese and digits.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docgen.zh.punctuation import LINE_END_FORBIDDEN, LINE_START_FORBIDDEN

#: Words of the genre a title must never be broken inside. Longer terms contain shorter ones
#: (组织生活会 ⊃ 生活会); every occurrence of each is protected.
_TERM_TEXT = """
    中国共产党 马克思主义 共产党 中共 关于 支部委员会 党支部 支部 党总支 党委
    委员会 支委会 党小组会 党小组 党员大会 党员 组织生活会 民主生活会
    生活会 主题党日 党日 党课 讲稿 民主评议 对照检查 检视 整改 方案
    台账 情况 报告 请示 通知 讲话 主持词 开班式 开班仪式 培训班
    表彰 大会 周年 年度 工作 计划 总结 记录 材料 经验 交流 学习
    活动 安排表 安排 问题 对策 建议 措施 专题 调研 建设 教育
    标准化 新时代 初心 使命 大学 学院 学校 研究院 研究所 教工 学生
    机关 书记 同志 庆祝 成立 召开 开展 加强 推动 做好 规范化 基层
    党建 思想 理论 政治 纪律 作风 师德 合格 信息 工程 科学 技术
    计算机 软件 管理 服务 实验 中心
"""
TERMS: tuple[str, ...] = tuple(_TERM_TEXT.split())

#: The end of the issuing body (the first such word in a title, with a 党小组 after it):
#: the best place for the first line to end.
_ISSUER = re.compile(
    r"(?:党支部|党总支|委员会|党委)(?:委员会)?(?P<group>第?[一二三四五六七八九十0-9]+党小组)?"
)
#: The last word of an organisation's name: never the start of a line (it belongs to the
#: name before it, “马克思主义 / 学院” is a broken name), a good end of one.
_NAME_ENDS = (
    "大学", "学院", "学校", "中学", "小学", "集团", "研究院", "研究所", "中心", "医院", "公司",
    "委员会", "党委", "党总支", "党支部", "支部", "党小组",
)  # fmt: skip
#: Where a line may well start: before “关于”, a speech's “在”, a subtitle's dash.
_GOOD_STARTS = ("关于", "——")
_NO_LINE_START = set(LINE_START_FORBIDDEN)
_NO_LINE_END = set(LINE_END_FORBIDDEN)
#: Runs kept whole: numbers with their unit, ordinals, Latin words, book titles' marks.
_UNITS = re.compile(
    r"第?[0-9０-９一二三四五六七八九十百千〇零]+"
    r"(?:\.[0-9]+)?(?:周年|年度|年|月份|月|日|届|次|个|名|项|批|期|号)?"
    r"|[A-Za-z][A-Za-z0-9.\-]*"
)
_QUOTED = re.compile(r"《[^》]{1,20}》|“[^”]{1,20}”")


def text_width(text: str) -> float:
    """Width in characters: full-width and CJK 1, other characters ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def line_width(text: str) -> float:
    """Width of a printed line in characters: :func:`text_width` plus the quarter space a
    word processor puts between Chinese and digits or Latin letters (Word's and
    LibreOffice's automatic spacing, measured 0.21 em in the PDF)."""
    changes = sum(
        1
        for a, b in itertools.pairwise(text)
        if (_is_wide(a) and b.isascii() and b.isalnum())
        or (_is_wide(b) and a.isascii() and a.isalnum())
    )
    return text_width(text) + 0.25 * changes


@dataclass(frozen=True)
class _Scored:
    lines: tuple[str, ...]
    score: float


def protected_spans(text: str, terms: Iterable[str] = TERMS) -> list[tuple[int, int]]:
    """``(start, end)`` of every term occurrence and number-with-unit in ``text``."""
    spans = [(m.start(), m.end()) for m in _UNITS.finditer(text)]
    for term in terms:
        start = text.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = text.find(term, start + 1)
    return spans


def break_scores(text: str, terms: Sequence[str] = TERMS) -> dict[int, float]:
    """Every position a line may break at (between ``text[i-1]`` and ``text[i]``) with how
    good a break it is; positions inside a protected span are absent."""
    spans = protected_spans(text, terms)
    inside = {i for s, e in spans for i in range(s + 1, e)}
    edges = {i for s, e in spans for i in (s, e)}
    quoted = {i for m in _QUOTED.finditer(text) for i in range(m.start() + 1, m.end())}
    issuer = _ISSUER.search(text)
    issuer_end = issuer.end() if issuer else -1
    # The branch itself ends the first line as well when its 党小组 does not fit there.
    issuer_ends = {issuer_end, issuer.start("group")} if issuer and issuer["group"] else set()
    issuer_ends.add(issuer_end)
    scores: dict[int, float] = {}
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        head, rest = text[:i], text[i:]
        if i in inside or after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        if rest.startswith(_NAME_ENDS):
            continue
        named = head.endswith(_NAME_ENDS)
        score = 1.0 if i in edges or named else -6.0
        if named:
            score += 3
        elif i < issuer_end:
            # Inside the issuing body, break between its names (大学 | 学院 | 党支部),
            # not inside one (“机械与车辆 / 工程学院”).
            score -= 5
        if i in issuer_ends:
            score += 10
        if rest.startswith(_GOOD_STARTS):
            score += 10
        if rest.startswith("在") and "上的" in rest:
            score += 8
        if re.match(r"[0-9]{4}年", rest):
            score += 4
        if before in "，、 　":
            score += 4
        if after in "的和与及" or before in "和与及":
            score -= 6
        if head.endswith(("关于", "在")):
            score -= 8
        if before == "的":
            score += 1
        if i in quoted:
            score -= 5
        scores[i] = score
    return scores


#: What one more line costs against the breaks' scores.
_EXTRA_LINE = 12.0


def _shape_ok(widths: Sequence[float]) -> bool:
    """Rising, falling, or rising then falling (trapezoid or diamond); no hourglass."""
    peak = widths.index(max(widths))
    rising = all(a <= b for a, b in itertools.pairwise(widths[: peak + 1]))
    falling = all(a >= b for a, b in itertools.pairwise(widths[peak:]))
    return rising and falling


def _evenness_penalty(widths: Sequence[float]) -> float:
    """How far the lines are from even: 0 when equal, large when one line is a stub."""
    ratio = min(widths) / max(widths)
    return 12 * (1 - ratio) ** 2 + (20 if ratio < 0.3 else 0)


def break_title(
    text: str,
    capacity: float = 20,
    terms: Sequence[str] = TERMS,
    max_lines: int = 4,
) -> list[str]:
    """The lines ``text`` should be set in, each at most ``capacity`` characters wide.

    Breaks already in the text (``\\n``) are kept, and each part is broken on its own. A
    title that cannot be broken within ``max_lines`` lines without cutting a term is cut
    at the best remaining positions: the result never holds a line wider than
    ``capacity`` unless a single protected run is itself wider.
    """
    if "\n" in text:
        return [line for part in text.split("\n") for line in break_title(part, capacity, terms)]
    text = text.strip()
    if line_width(text) <= capacity or len(text) < 2:
        return [text]
    scores = break_scores(text, terms)
    loose = {i: -20.0 for i in range(1, len(text)) if i not in scores}
    # The fewest lines that could hold the text, and one more: more is never better.
    fewest = max(2, math.ceil(line_width(text) / capacity))
    counts = range(fewest, min(max_lines, fewest + 1) + 1)
    for pool in (scores, {**loose, **scores}):
        found = [
            best for count in counts if (best := _best(text, capacity, pool, count)) is not None
        ]
        if found:
            # Fewer lines are better, but not at any price: a third line beats a line
            # ending in 关于 or a stub of two characters.
            return list(max(found, key=lambda b: b.score - _EXTRA_LINE * len(b.lines)).lines)
    return [text]


def _best(text: str, capacity: float, pool: dict[int, float], count: int) -> _Scored | None:
    """The best ``count`` lines: cuts are tried only where the line before them fits, so
    the search stays small for any title length."""
    widths = _Widths(text)
    cuts = sorted(pool)
    best: _Scored | None = None

    def walk(start: int, chosen: tuple[int, ...]) -> None:
        nonlocal best
        if len(chosen) == count - 1:
            if widths.of(start, len(text)) > capacity:
                return
            bounds = (0, *chosen, len(text))
            spans = [widths.of(a, b) for a, b in itertools.pairwise(bounds)]
            if not _shape_ok(spans):
                return
            score = sum(pool[c] for c in chosen) - _evenness_penalty(spans)
            if best is None or score > best.score:
                lines = tuple(text[a:b] for a, b in itertools.pairwise(bounds))
                best = _Scored(lines, score)
            return
        for cut in cuts:
            if cut <= start:
                continue
            if widths.of(start, cut) > capacity:
                break
            walk(cut, (*chosen, cut))

    walk(0, ())
    return best


class _Widths:
    """:func:`line_width` of any slice of one text, from prefix sums."""

    def __init__(self, text: str) -> None:
        self._chars = [0.0, *itertools.accumulate(text_width(c) for c in text)]
        steps = [0.0] + [line_width(a + b) - text_width(a + b) for a, b in itertools.pairwise(text)]
        self._steps = [0.0, *itertools.accumulate(steps)]

    def of(self, start: int, end: int) -> float:
        """Width of ``text[start:end]``: its characters and the spacing between them."""
        inner = self._steps[end] - self._steps[start + 1] if end > start + 1 else 0.0
        return self._chars[end] - self._chars[start] + inner


def title_break_filter(value: object, capacity: object = 20) -> str:
    """Jinja ``title_break``: the title with ``\\n`` at the breaks :func:`break_title` picks
    (the engine turns each into a line break). Not a string: returned as text unchanged."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    width = float(capacity) if isinstance(capacity, (int, float, str)) else 20.0
    return "\n".join(break_title(value, width))


__all__ = [
    "TERMS",
    "break_scores",
    "break_title",
    "line_width",
    "protected_spans",
    "text_width",
    "title_break_filter",
]
