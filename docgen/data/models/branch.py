"""A party branch (党支部) and its roster; the school-wide records around it."""

from __future__ import annotations

from typing import Any

from pydantic import PrivateAttr, field_validator

from docgen.data.config import DEFAULT_CONFIG
from docgen.data.fields import DateValue, DocModel, MemberStatus, custom_error, zh


class Member(DocModel):
    """One party member of a branch.

    ``name`` 姓名; ``status`` 党员类别 (正式/预备, configurable); ``group`` 所在党小组;
    ``gender`` 性别; ``joined`` 入党时间; ``title`` 职务职称或年级专业; ``role`` 党内职务;
    ``phone`` 联系电话; ``note`` 备注.
    """

    name: str = zh("姓名", description="党员姓名")
    status: MemberStatus = zh("党员类别", "类别", "身份", default="正式", description="正式或预备")
    group: str | None = zh("党小组", "所在党小组", default=None, description="所在党小组名称")
    gender: str | None = zh("性别", default=None, description="男或女")
    joined: DateValue | None = zh("入党时间", "入党日期", default=None, description="入党时间")
    title: str | None = zh(
        "职务职称", "职务", "职称", "年级专业", default=None, description="职务职称或年级专业"
    )
    role: str | None = zh("党内职务", default=None, description="党内职务，如 组织委员")
    phone: str | None = zh("联系电话", "电话", default=None, description="联系电话")
    note: str | None = zh("备注", default=None, description="备注")


class CommitteeMember(DocModel):
    """A member of the branch committee: ``name`` 姓名, ``role`` 职务 (书记、组织委员…)."""

    name: str = zh("姓名", description="委员姓名")
    role: str | None = zh(
        "职务", "分工", default=None, description="书记、副书记、组织委员、宣传委员、纪检委员等"
    )


class PartyGroup(DocModel):
    """A party group (党小组): ``name`` 名称, ``leader`` 组长, ``note`` 备注."""

    name: str = zh("名称", "党小组", description="党小组名称")
    leader: str | None = zh("组长", default=None, description="党小组组长")
    note: str | None = zh("备注", default=None, description="备注，如 由哪些系所党员组成")


class Branch(DocModel):
    """A party branch with its committee, groups and members (``kind: branch``).

    ``id`` 编号 (how documents refer to it, e.g. ``xxgc-jg1``); ``name`` 支部全称;
    ``short_name`` 简称; ``type`` 支部类型 (教工/学生…); ``parent`` 上级党组织;
    ``secretary`` 书记; ``deputy_secretary`` 副书记; ``committee`` 支部委员会;
    ``party_groups`` 党小组 (also ``groups``); ``members`` 党员名册.
    """

    kind: str = zh("文种", default="branch", description="固定为 branch")
    id: str | None = zh("编号", "支部编号", default=None, description="支部编号，供其他文书引用")
    name: str = zh("支部全称", "全称", "名称", "full_name", description="党支部全称")
    short_name: str | None = zh("简称", default=None, description="党支部简称")
    type: str | None = zh(
        "支部类型", "类型", "branch_type", default=None, description="教工、学生、离退休等"
    )
    parent: str | None = zh("上级党组织", "parent_org", default=None, description="上级党组织全称")
    secretary: str | None = zh("书记", "支部书记", default=None, description="支部书记姓名")
    deputy_secretary: str | None = zh("副书记", default=None, description="副书记姓名")
    committee: list[CommitteeMember] = zh(
        "支部委员会", "支委会", "委员", factory=list, description="支部委员会成员及分工"
    )
    party_groups: list[PartyGroup] = zh("党小组", "groups", factory=list, description="党小组")
    members: list[Member] = zh("党员", "党员名册", "名册", factory=list, description="全体党员")

    def member_names(self) -> set[str]:
        """Names of all members (正式 and 预备)."""
        return {m.name for m in self.members}

    def voting_members(self) -> list[Member]:
        """Members with voting rights: everyone whose status is not 预备."""
        return [m for m in self.members if m.status != "预备"]

    def group_members(self, group: str) -> list[Member]:
        """Members of the party group named ``group``."""
        return [m for m in self.members if m.group == group]


class BranchLinked(DocModel):
    """Mixin of documents that name their branch (``branch``: an id or a full name).

    When the branch roster is found (``branch_file``, a branch file validated
    alongside, or ``branches/<id>.yaml`` in a folder above), loading keeps it as
    :attr:`roster`. It is not part of the data: dumps and comparisons of fields
    leave it out.
    """

    _roster: Branch | None = PrivateAttr(default=None)

    @property
    def roster(self) -> Branch | None:
        """The resolved branch, or ``None`` when it was not found."""
        return self._roster

    def attach_roster(self, branch: Branch | None) -> None:
        """Keep ``branch`` as this document's roster."""
        self._roster = branch


class BranchRef(DocModel):
    """A branch listed under a college: ``id`` 编号, ``name`` 全称."""

    id: str = zh("编号", description="支部编号")
    name: str | None = zh("名称", "全称", default=None, description="支部全称")


class College(DocModel):
    """A college (学院) and its party committee.

    ``id`` 编号; ``name`` 学院名称; ``party_committee`` 学院党委; ``secretary`` 党委书记;
    ``deputy_secretary`` 副书记; ``organizer`` 组织员; ``branches`` 所属党支部.
    """

    id: str | None = zh("编号", default=None, description="学院编号")
    name: str = zh("学院名称", "名称", description="学院名称")
    party_committee: str | None = zh("学院党委", default=None, description="学院党委全称")
    secretary: str | None = zh("党委书记", "书记", default=None, description="学院党委书记")
    deputy_secretary: str | None = zh(
        "党委副书记", "副书记", default=None, description="学院党委副书记"
    )
    organizer: str | None = zh("组织员", default=None, description="学院党委组织员")
    branches: list[BranchRef] = zh("党支部", factory=list, description="所属党支部")


def _check_settings(value: dict[str, Any]) -> dict[str, Any]:
    try:
        DEFAULT_CONFIG.merged(value)
    except ValueError as err:
        raise custom_error(
            "bad_settings",
            f"配置项有误：{err}".splitlines()[0],
            f"invalid settings: {err}".splitlines()[0],
        ) from None
    return value


class University(DocModel):
    """A school's party organisation and its shared settings (``kind: university``).

    ``id``; ``name`` 学校名称; ``party_committee`` 校党委; ``secretary`` 党委书记;
    ``organization_department`` 组织部; ``address`` 地址; ``settings`` 配置 (the
    :class:`~docgen.data.config.DataConfig` overrides for every document of the
    school); ``colleges`` 学院.
    """

    kind: str = zh("文种", default="university", description="固定为 university")
    id: str | None = zh("编号", default=None, description="学校编号")
    name: str = zh("学校名称", "名称", description="学校名称")
    party_committee: str | None = zh("校党委", "党委", default=None, description="学校党委全称")
    secretary: str | None = zh("党委书记", "书记", default=None, description="校党委书记")
    organization_department: str | None = zh("组织部", default=None, description="党委组织部全称")
    address: str | None = zh("地址", default=None, description="通信地址")
    settings: dict[str, Any] = zh(
        "配置", factory=dict, description="全校通用配置，覆盖默认枚举与规则"
    )
    colleges: list[College] = zh("学院", factory=list, description="各学院及其党支部")

    _settings_ok = field_validator("settings")(_check_settings)


__all__ = [
    "Branch",
    "BranchLinked",
    "BranchRef",
    "College",
    "CommitteeMember",
    "Member",
    "PartyGroup",
    "University",
]
