"""Generated titles of the genre for the title-break tests: branch names of 6–30 characters
and subjects of 8–40, combined the ways branch documents are titled."""

from __future__ import annotations

import itertools

_SCHOOLS = ("", "中共星河大学", "中共东岭理工大学", "中共南湖师范学院", "中共北川市第一中学")
_COLLEGES = ("", "信息工程学院", "马克思主义学院", "机械与车辆工程学院", "后勤服务集团")
_BRANCHES = ("教工第一党支部", "学生第三党支部", "机关党支部", "离退休党支部", "研究生第二党支部")
_SUBJECTS = (
    "关于2026年度组织生活会检视问题的整改方案",
    "2026年度组织生活会对照检查材料",
    "关于召开2026年度组织生活会的通知",
    "关于2026年度组织生活会检视问题整改情况的报告",
    "2026年11月支部党员大会记录",
    "第一党小组2026年11月党小组会记录",
    "关于庆祝中国共产党成立105周年主题党日活动的安排",
    "2026年学习活动年度安排表",
    "关于开展党支部标准化建设达标复查工作的实施方案",
    "2026年度工作总结",
    "关于加强和改进青年教师思想政治工作的调研报告",
)


def branch_names() -> list[str]:
    """Branch names of 6 to 30 characters."""
    names = {s + c + b for s, c, b in itertools.product(_SCHOOLS, _COLLEGES, _BRANCHES)}
    return sorted(n for n in names if 6 <= len(n) <= 30)


def titles() -> list[str]:
    """Branch name + subject, every subject with a spread of branch names."""
    names = branch_names()
    out = []
    for k, subject in enumerate(_SUBJECTS):
        assert 8 <= len(subject) <= 40
        out += [n + subject for n in names[k % 7 :: 7]]
    return out


__all__ = ["branch_names", "titles"]
