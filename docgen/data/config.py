"""Configurable vocabularies and frequency rules used when validating data.

Categories of problems, meeting types, rectification statuses and modes, the
fixed actions of a 主题党日 and the like differ between years and places, so they
are lists in a :class:`DataConfig`, never ``Literal`` types. The defaults below
follow ``domain.md`` §2; a school overrides them with a config file (``settings:``
of a ``kind: university`` file, or a bare mapping), or a document with its own
``config:`` mapping. Overriding a list replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_MEETING_TYPES = [
    "支部党员大会",
    "支委会",
    "党小组会",
    "党课",
    "主题党日",
    "组织生活会",
    "民主评议党员",
    "民主生活会",
    "其他",
]
_CATEGORIES = [
    "政治建设",
    "思想建设",
    "组织建设",
    "作风建设",
    "纪律建设",
    "制度建设",
    "政治纪律",
    "组织纪律",
    "廉洁纪律",
    "群众纪律",
    "工作纪律",
    "生活纪律",
    "党的领导弱化",
    "党的建设缺失",
    "全面从严治党不力",
    "其他",
]
_FIXED_ACTIONS = [
    "重温入党誓词",
    "集体诵读党章",
    "学习党章党规",
    "主动交纳党费",
    "按时交纳党费",
    "政治理论学习",
    "为党员过政治生日",
    "佩戴党徽",
    "通报支部工作",
]
_FORMS = ["集中学习", "专题研讨", "主题党日", "党课", "组织生活会", "参观见学", "志愿服务"]
#: Other spellings people write for a value of some list, mapped to the listed value.
_SYNONYMS = {
    "党员大会": "支部党员大会",
    "支部大会": "支部党员大会",
    "支部委员会": "支委会",
    "支委会议": "支委会",
    "党小组会议": "党小组会",
    "主题党日活动": "主题党日",
    "民主评议": "民主评议党员",
    "举手表决": "举手",
    "无记名投票表决": "无记名投票",
    "退休": "离退休",
    "离休": "离退休",
    "在校学生": "学生",
    "正式党员": "正式",
    "预备党员": "预备",
}


class FrequencyRules(BaseModel):
    """Yearly minimum counts for the annual-plan self-check (支部工作条例 and §2.0).

    ``theme_days`` 主题党日; ``general_meetings`` 支部党员大会; ``committee_meetings``
    支委会; ``group_meetings_per_group`` 党小组会 per 党小组; ``secretary_lectures``
    党课 given by the secretary; ``org_life_meetings`` 组织生活会; ``appraisals``
    民主评议党员. A count of 0 switches that check off.
    """

    model_config = ConfigDict(extra="forbid")

    theme_days: int = 12
    general_meetings: int = 4
    committee_meetings: int = 12
    group_meetings_per_group: int = 12
    secretary_lectures: int = 1
    org_life_meetings: int = 1
    appraisals: int = 1


class LocalRules(BaseModel):
    """Local rules, off unless switched on (they are custom, not national rules).

    ``dangke_every_quarter`` 党课 in every quarter; ``general_meeting_every_quarter``
    a 支部党员大会 in every quarter; ``org_life_in_q4`` the 组织生活会 in October to
    December; ``dangke_per_year`` a yearly minimum of 党课 of any lecturer (0 = off);
    ``farmer_monthly_dues`` what a farmer member pays a month, which the 2008 rule leaves
    to the locality between 0.2 and 1 元 (default 0.2 元);
    ``development_notice_days`` how long a 发展党员 公示 lasts (default 5) and
    ``development_notice_workdays`` whether those are working days (default) or calendar
    days (5–7 天 in some places); ``development_meeting_within_months`` the 支部大会 within
    that many months of the 预审 (0 = off, the national rule sets no limit);
    ``appraisal_excellent_share`` the
    largest share of a branch's members the 民主评议 may grade 优秀, as a fraction (``1/3``, the
    common practice and the default; ``0`` or empty: no limit, for localities that set none).
    """

    model_config = ConfigDict(extra="forbid")

    dangke_every_quarter: bool = False
    general_meeting_every_quarter: bool = False
    org_life_in_q4: bool = False
    dangke_per_year: int = 0
    farmer_monthly_dues: Decimal = Field(
        default=Decimal("0.20"), ge=Decimal("0.2"), le=Decimal("1")
    )
    development_notice_days: int = Field(default=5, ge=1, le=30)
    development_notice_workdays: bool = True
    development_meeting_within_months: int = Field(default=0, ge=0, le=12)
    appraisal_excellent_share: str = Field(
        default="1/3", pattern=r"^\s*(\d+\s*/\s*[1-9]\d*|0)?\s*$"
    )


class DataConfig(BaseModel):
    """Every configurable list and rule, with the defaults of ``domain.md`` §2.

    Lists checked on input: ``meeting_types``, ``rectification_categories``,
    ``statuses``, ``modes``, ``ongoing_deadlines`` (texts a deadline may hold
    instead of a date; other accepted texts name the end of a period, 2026年3月底前),
    ``theme_day_fixed_actions``, ``vote_methods``,
    ``member_statuses``, ``appraisal_grades``, ``dues_categories`` (党费的人员类别).
    Lists offered as suggestions only:
    ``theme_day_optional_actions``, ``schedule_forms``. ``synonyms`` maps other
    spellings to a listed value (``党员大会`` → ``支部党员大会``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    meeting_types: list[str] = Field(default_factory=lambda: list(_MEETING_TYPES))
    rectification_categories: list[str] = Field(default_factory=lambda: list(_CATEGORIES))
    statuses: list[str] = Field(default_factory=lambda: ["未启动", "整改中", "已完成", "持续整改"])
    done_statuses: list[str] = Field(default_factory=lambda: ["已完成"])
    modes: list[str] = Field(default_factory=lambda: ["立行立改", "限期整改", "长期坚持"])
    ongoing_deadlines: list[str] = Field(
        default_factory=lambda: ["长期坚持", "立行立改", "持续推进"]
    )
    theme_day_fixed_actions: list[str] = Field(default_factory=lambda: list(_FIXED_ACTIONS))
    theme_day_optional_actions: list[str] = Field(default_factory=list)
    vote_methods: list[str] = Field(default_factory=lambda: ["举手", "无记名投票"])
    member_statuses: list[str] = Field(default_factory=lambda: ["正式", "预备"])
    appraisal_grades: list[str] = Field(
        default_factory=lambda: ["优秀", "合格", "基本合格", "不合格"]
    )
    dues_categories: list[str] = Field(
        default_factory=lambda: ["在职", "离退休", "学生", "失业", "低保", "农民"]
    )
    schedule_forms: list[str] = Field(default_factory=lambda: list(_FORMS))
    synonyms: dict[str, str] = Field(default_factory=lambda: dict(_SYNONYMS))
    frequency: FrequencyRules = Field(default_factory=FrequencyRules)
    local_rules: LocalRules = Field(default_factory=LocalRules)

    def canonical(self, list_name: str, value: str) -> str | None:
        """``value`` as spelled in the list ``list_name``, or ``None`` when not in it."""
        allowed: list[str] = getattr(self, list_name)
        text = value.strip()
        if text in allowed:
            return text
        other = self.synonyms.get(text)
        return other if other in allowed else None

    def merged(self, overrides: Mapping[str, Any]) -> DataConfig:
        """A copy with ``overrides`` applied (lists replace, rule tables merge).

        Raises ``pydantic.ValidationError`` when an override has the wrong shape.
        """
        data = self.model_dump()
        for key, value in overrides.items():
            if key in ("frequency", "local_rules", "synonyms") and isinstance(value, Mapping):
                data[key] = {**data.get(key, {}), **value}
            else:
                data[key] = value
        return DataConfig.model_validate(data)


DEFAULT_CONFIG = DataConfig()

__all__ = ["DEFAULT_CONFIG", "DataConfig", "FrequencyRules", "LocalRules"]
