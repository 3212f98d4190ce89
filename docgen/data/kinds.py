"""The kinds of document data, their names in both languages, and kind detection.

Nothing here imports the models: a kind names its model, which is imported the first
time :attr:`KindInfo.model` is read. Telling plain data from typed data, and naming a
kind in a message, so costs no pydantic model (a plain ``docgen render`` builds none).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

#: Chinese (and older) names of each report subkind (``kind: report``).
SUBKIND_NAMES: dict[str, str] = {
    "问题与对策": "issue_report",
    "问题及对策": "issue_report",
    "经验交流": "experience_exchange",
    "经验交流材料": "experience_exchange",
    "工作总结": "work_summary",
    "总结": "work_summary",
    "整改情况报告": "rectification_report",
    "整改报告": "rectification_report",
    "报告": "report",
    "党建报告": "report",
}


def _model(name: str) -> type[BaseModel]:
    """The model class ``name`` of :mod:`docgen.data.models`, imported on first use."""
    model: type[BaseModel] = getattr(importlib.import_module("docgen.data.models"), name)
    return model


@dataclass(frozen=True)
class KindInfo:
    """A kind: its ``name``, its model's name, labels, and the keys that betray it without
    ``kind:``.

    ``data_zh`` is the short noun for the kind's data in a sentence (“整改数据”),
    when it differs from the label.
    """

    name: str
    model_name: str
    label_zh: str
    label_en: str
    spellings: tuple[str, ...]
    telltales: tuple[str, ...]
    data_zh: str = ""

    @property
    def model(self) -> type[BaseModel]:
        """The kind's model (:mod:`docgen.data.models` is imported the first time)."""
        return _model(self.model_name)

    @property
    def noun_zh(self) -> str:
        """The kind's data as a noun in a Chinese sentence."""
        return self.data_zh or self.label_zh


KINDS: dict[str, KindInfo] = {
    info.name: info
    for info in (
        KindInfo(
            "branch",
            "Branch",
            "党支部名册",
            "branch roster",
            ("党支部", "支部", "支部名册", "党员名册"),
            ("members", "党员", "党员名册"),
        ),
        KindInfo(
            "university",
            "University",
            "学校党组织概况",
            "school organisation",
            ("学校", "university"),
            ("colleges", "学院"),
        ),
        KindInfo(
            "roster",
            "Roster",
            "党支部一览表",
            "list of branches",
            ("党支部一览", "支部一览表", "roster"),
            ("branches", "党支部一览"),
        ),
        KindInfo(
            "minutes",
            "Minutes",
            "会议记录",
            "meeting minutes",
            ("会议记录", "记录"),
            ("meeting_type", "会议类型"),
        ),
        KindInfo(
            "org_life_meeting",
            "OrgLifeMeeting",
            "组织生活会",
            "organisational life meeting",
            ("组织生活会",),
            ("democratic_appraisal", "民主评议", "branch_review"),
        ),
        KindInfo(
            "rectification",
            "Rectification",
            "整改方案",
            "rectification plan",
            ("整改方案", "整改清单", "问题清单", "整改台账"),
            ("problems", "问题清单"),
            "整改",
        ),
        KindInfo(
            "annual_plan",
            "AnnualPlan",
            "年度工作计划",
            "annual plan",
            ("年度计划", "年度工作计划", "工作计划"),
            ("schedule", "月度安排", "安排表"),
        ),
        KindInfo(
            "speech", "Speech", "讲话稿", "speech", ("讲话稿", "讲话"), ("points", "salutation")
        ),
        KindInfo(
            "report", "Report", "报告", "report", ("报告", "narrative"), ("sections", "subkind")
        ),
        KindInfo(
            "dues",
            "Dues",
            "党费收缴台账",
            "party dues ledger",
            ("党费", "党费台账", "党费收缴", "党费收缴台账"),
            ("payments", "交纳记录", "缴费记录"),
            "党费",
        ),
        KindInfo(
            "development",
            "Development",
            "发展党员",
            "party recruitment",
            ("发展党员", "发展党员纪实", "入党材料"),
            ("candidates", "发展对象"),
            "发展党员",
        ),
        KindInfo(
            "appraisal",
            "DemocraticAppraisal",
            "民主评议党员",
            "democratic appraisal of members",
            ("民主评议", "民主评议党员", "民主测评", "民主测评表"),
            ("tally", "测评统计", "计票结果", "tally_file", "统计表文件", "测评维度"),
            "民主评议",
        ),
    )
}


class _RowModels(Mapping[tuple[str, str], "type[BaseModel]"]):
    """(kind, field) -> row model, the models imported only when one is looked up."""

    def __init__(self, names: dict[tuple[str, str], str]) -> None:
        self._names = names

    def __getitem__(self, place: tuple[str, str]) -> type[BaseModel]:
        return _model(self._names[place])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


#: Row models of the tables a workbook or CSV file may hold, by (kind, field).
TABLES: Mapping[tuple[str, str], type[BaseModel]] = _RowModels(
    {
        ("rectification", "problems"): "Problem",
        ("annual_plan", "schedule"): "ScheduleEntry",
        ("branch", "members"): "Member",
        ("dues", "members"): "DuesMember",
        ("dues", "payments"): "Payment",
        ("dues", "reductions"): "Reduction",
        ("development", "candidates"): "Candidate",
        ("appraisal", "members"): "AppraisalMember",
    }
)


def resolve_kind(text: str) -> tuple[str, str | None] | None:
    """``(kind, subkind)`` for a kind name in any accepted spelling, else ``None``.

    ``issue_report`` and the other report subkinds (also in Chinese) give
    ``("report", subkind)``.
    """
    key = text.strip()
    if key in KINDS:
        return key, None
    for info in KINDS.values():
        if key in info.spellings:
            return info.name, None
    subkind = SUBKIND_NAMES.get(key) or (key if key in SUBKIND_NAMES.values() else None)
    if subkind is not None:
        return "report", subkind
    return None


def detect_kind(data: Mapping[str, object]) -> str | None:
    """The kind of a top-level mapping: its ``kind:`` (文种) value, else a telltale key."""
    for key in ("kind", "文种"):
        value = data.get(key)
        if isinstance(value, str) and (found := resolve_kind(value)):
            return found[0]
    keys = {str(k).strip() for k in data}
    for info in KINDS.values():
        if keys & set(info.telltales):
            return info.name
    return None


def detect_table(headers: Iterable[str]) -> tuple[str, str] | None:
    """``(kind, field)`` of the table whose columns best match ``headers`` (at least 2)."""
    wanted = {h.strip() for h in headers if h}
    best: tuple[int, tuple[str, str] | None] = (1, None)
    for place, row_model in TABLES.items():
        score = len(wanted & accepted_keys(row_model))
        if score > best[0]:
            best = (score, place)
    return best[1]


def accepted_keys(model: type[BaseModel]) -> set[str]:
    """Every key ``model`` accepts for its fields: names, aliases and synonyms."""
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(name)
        keys.update(field_keys(name, field.validation_alias))
    return keys


def field_keys(name: str, validation_alias: object) -> list[str]:
    """The input keys of one field: its name first, then its alias choices."""
    keys = [name]
    choices = getattr(validation_alias, "choices", None)
    if isinstance(validation_alias, str):
        keys.append(validation_alias)
    elif choices is not None:
        keys.extend(c for c in choices if isinstance(c, str))
    return keys


__all__ = [
    "KINDS",
    "SUBKIND_NAMES",
    "TABLES",
    "KindInfo",
    "accepted_keys",
    "detect_kind",
    "detect_table",
    "field_keys",
    "resolve_kind",
]
