"""A school-wide list of branches, one row each (``kind: roster``), as kept in Excel."""

from __future__ import annotations

from typing import Literal

from docgen.data.fields import Count, DocModel, YesNo, zh


class RosterRow(DocModel):
    """One branch in the school-wide list.

    ``id`` 编号; ``name`` 支部名称; ``short_name`` 简称; ``college`` 所属学院; ``parent``
    上级党组织; ``type`` 类型; ``secretary`` 书记; ``deputy_secretary`` 副书记;
    ``organization_member`` 组织委员; ``publicity_member`` 宣传委员; ``discipline_member``
    纪检委员; ``member_count`` 党员人数; ``full_members`` 正式党员; ``probationary_members``
    预备党员; ``group_count`` 党小组数; ``has_committee`` 设支委会; ``roster_file`` 名册文件
    (relative to the list's file; when it exists, counts are compared with it).
    """

    id: str | None = zh("编号", default=None, description="支部编号")
    name: str = zh("支部名称", "名称", "全称", description="党支部全称")
    short_name: str | None = zh("简称", default=None, description="党支部简称")
    college: str | None = zh("所属学院", "学院", default=None, description="所属学院")
    parent: str | None = zh("上级党组织", default=None, description="上级党组织全称")
    type: str | None = zh("类型", "支部类型", default=None, description="教工、学生、离退休等")
    secretary: str | None = zh("书记", default=None, description="支部书记")
    deputy_secretary: str | None = zh("副书记", default=None, description="副书记")
    organization_member: str | None = zh("组织委员", default=None, description="组织委员")
    publicity_member: str | None = zh("宣传委员", default=None, description="宣传委员")
    discipline_member: str | None = zh("纪检委员", default=None, description="纪检委员")
    member_count: Count | None = zh("党员人数", default=None, description="党员总数")
    full_members: Count | None = zh("正式党员", default=None, description="正式党员人数")
    probationary_members: Count | None = zh("预备党员", default=None, description="预备党员人数")
    group_count: Count | None = zh("党小组数", default=None, description="党小组个数")
    has_committee: YesNo | None = zh(
        "设支委会", default=None, description="是否设支部委员会（是/否）"
    )
    roster_file: str | None = zh(
        "名册文件", default=None, description="本支部名册文件（相对本文件）"
    )


class Roster(DocModel):
    """Every branch of a school in one table (``kind: roster``): ``title`` 标题,
    ``branches`` 党支部一览."""

    kind: Literal["roster"] = zh("文种", default="roster", description="固定为 roster")
    title: str | None = zh("标题", default=None, description="表格标题")
    branches: list[RosterRow] = zh(
        "党支部一览", "党支部", "支部列表", factory=list, description="各党支部，一行一个"
    )


__all__ = ["Roster", "RosterRow"]
