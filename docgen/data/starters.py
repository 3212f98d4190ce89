"""Starter data for ``docgen init``: one small, valid, invented example per kind.

Every field is filled so the starter shows the whole shape; the wording is
written for docgen and names no real person or unit.
"""

from __future__ import annotations

from typing import Any

_BRANCH: dict[str, Any] = {
    "kind": "branch",
    "id": "demo-jg1",
    "name": "中共示例大学示例学院教工第一党支部",
    "short_name": "示例学院教工第一党支部",
    "type": "教工",
    "parent": "中共示例大学示例学院委员会",
    "secretary": "林书远",
    "deputy_secretary": "周若溪",
    "committee": [
        {"name": "林书远", "role": "书记"},
        {"name": "周若溪", "role": "副书记"},
        {"name": "陈一鸣", "role": "组织委员"},
    ],
    "party_groups": [{"name": "第一党小组", "leader": "陈一鸣", "note": "教研室党员"}],
    "members": [
        {
            "name": "林书远",
            "status": "正式",
            "group": "第一党小组",
            "gender": "女",
            "joined": "2005-06-18",
            "title": "教授",
            "role": "书记",
        },
        {
            "name": "周若溪",
            "status": "正式",
            "group": "第一党小组",
            "gender": "女",
            "joined": "2010-05-20",
        },
        {
            "name": "陈一鸣",
            "status": "正式",
            "group": "第一党小组",
            "gender": "男",
            "joined": "2013-11-02",
        },
        {
            "name": "许知行",
            "status": "预备",
            "group": "第一党小组",
            "gender": "男",
            "joined": "2025-12-01",
        },
    ],
}

_MINUTES: dict[str, Any] = {
    "kind": "minutes",
    "meeting_type": "支部党员大会",
    "branch": "中共示例大学示例学院教工第一党支部",
    "seq_in_year": 2,
    "title": "示例学院教工第一党支部2026年6月支部党员大会记录",
    "time": {"start": "2026-06-18T14:30", "end": "2026-06-18T16:00"},
    "location": "学院党员活动室",
    "host": {"name": "林书远", "role": "支部书记"},
    "recorder": {"name": "陈一鸣", "role": "组织委员"},
    "attendance": {
        "due": 4,
        "present": 4,
        "due_voting": 3,
        "present_voting": 3,
        "absent": [],
        "attendees_list": ["林书远", "周若溪", "陈一鸣", "许知行"],
        "observers": [{"name": "方晓", "role": "学院党委组织员"}],
    },
    "agenda": ["学习上级有关文件", "讨论支部下半年工作安排"],
    "proceedings": [
        {
            "item": 1,
            "topic": "学习上级有关文件",
            "summary": "集体学习并交流体会",
            "speeches": [
                {"speaker": "林书远", "content": "领学文件，提出结合本职工作的学习要求。"}
            ],
        }
    ],
    "votes": [
        {
            "subject": "通过支部下半年工作安排",
            "method": "举手",
            "for": 3,
            "against": 0,
            "abstain": 0,
            "passed": True,
        }
    ],
    "resolutions": ["通过支部下半年工作安排。"],
    "host_summary": "请各位党员按分工抓好落实。",
    "follow_up": [{"task": "印发下半年工作安排", "owner": "陈一鸣", "due": "2026-06-30"}],
    "signatures": ["主持人", "记录人"],
    "attachments": ["签到表"],
    "note": "无",
}

_PROBLEM: dict[str, Any] = {
    "id": "P01",
    "category": "组织建设",
    "title": "组织生活质量有待提高",
    "manifestation": "个别党小组会以传达文件为主，讨论不够充分。",
    "causes": ["对组织生活的重要性认识不足"],
    "measures": ["每次党小组会安排专题讨论", "支委会每季度检查记录"],
    "goal": "年底前党小组会记录规范完整",
    "leader": "林书远",
    "owner": "陈一鸣",
    "deadline": "2026-12-31",
    "mode": "限期整改",
    "status": "整改中",
    "progress": "已制定检查办法",
    "evidence": ["会议记录"],
}

_RECTIFICATION: dict[str, Any] = {
    "kind": "rectification",
    "branch": "中共示例大学示例学院教工第一党支部",
    "title": "示例学院教工第一党支部关于组织生活会检视问题的整改方案",
    "basis": "根据上级党组织要求，结合组织生活会查摆的问题，制定本方案。",
    "guiding_thought": "坚持问题导向，逐项整改，注重长效。",
    "goals": ["问题逐项销号", "建立长效机制"],
    "problems": [_PROBLEM],
    "steps": [{"phase": "集中整改", "period": "7月至11月", "content": "逐项落实整改措施"}],
    "safeguards": ["加强组织领导", "强化督促检查"],
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-07-01", "show": True},
    "progress_report": {"date": "2026-11-30", "as_of": "2026-11-25"},
}

_SCHEDULE = [
    {
        "month": m,
        "theme": f"{m}月主题学习",
        "content": ["支部工作条例"],
        "form": "主题党日",
        "meeting_type": "主题党日",
        "other_meetings": ["支委会", "党小组会"],
        "owner": "宣传委员",
        "participants": "全体党员",
    }
    for m in range(1, 13)
]
_SCHEDULE[2] |= {
    "other_meetings": ["支委会", "党小组会", "支部党员大会", "党课"],
    "owner": "支部书记 林书远",
}
_SCHEDULE[5] |= {"other_meetings": ["支委会", "党小组会", "支部党员大会"]}
_SCHEDULE[8] |= {"other_meetings": ["支委会", "党小组会", "支部党员大会"]}
_SCHEDULE[11] |= {
    "other_meetings": ["支委会", "党小组会", "支部党员大会", "组织生活会"],
    "note": "结合组织生活会开展民主评议党员",
}

_ANNUAL_PLAN: dict[str, Any] = {
    "kind": "annual_plan",
    "year": 2026,
    "branch": "中共示例大学示例学院教工第一党支部",
    "title": "示例学院教工第一党支部2026年工作计划",
    "guiding_thought": "以党的创新理论为指导，围绕学院中心工作谋划支部工作。",
    "goals": {
        "overall": "建设规范有力的教工党支部",
        "specific": ["三会一课按时规范", "党员作用充分发挥"],
    },
    "tasks": [{"heading": "加强政治理论学习", "items": ["落实集中学习制度", "开展专题研讨"]}],
    "schedule": _SCHEDULE,
    "safeguards": ["加强组织领导", "严格考勤"],
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-01-10"},
    "quarter": 1,
    "report_date": "2026-01-12",
}

_ORG_LIFE: dict[str, Any] = {
    "kind": "org_life_meeting",
    "branch": "中共示例大学示例学院教工第一党支部",
    "year": 2026,
    "theme": "2026年度组织生活会",
    "title": "示例学院教工第一党支部2026年度组织生活会",
    "superior_notice": "关于召开2026年度组织生活会和开展民主评议党员的通知",
    "time": {"start": "2026-12-10T14:30"},
    "location": "学院党员活动室",
    "host": {"name": "林书远", "role": "支部书记"},
    "recorder": {"name": "陈一鸣", "role": "组织委员"},
    "attendance": {"due": 4, "present": 4, "absent": []},
    "preparation": {
        "study": ["党章"],
        "talks": "支委与党员谈心谈话4人次",
        "opinions_collected": 6,
        "opinion_channels": ["座谈", "意见箱"],
    },
    "branch_review": {
        "presenter": "林书远",
        "achievements": "全年按计划开展组织生活。",
        "problems": [
            {"category": "组织建设", "title": "党小组活动形式较单一", "deadline": "长期坚持"}
        ],
        "causes": ["创新意识不强"],
        "measures": ["丰富党小组活动形式"],
    },
    "member_reviews": [
        {
            "member": "周若溪",
            "self_criticism": ["学习不够系统"],
            "criticism_received": [{"from": "陈一鸣", "text": "希望多参与学生工作"}],
        }
    ],
    "democratic_appraisal": {
        "method": "个人自评、党员互评、民主测评",
        "participants": 4,
        "results": {"优秀": 1, "合格": 3},
        "excellent": ["陈一鸣"],
    },
    "rectification_ref": "rectification-2026.yaml",
    "agenda": ["对照检查", "民主评议"],
    "resolutions": ["形成问题清单并制定整改措施"],
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-12-10"},
}

_SPEECH: dict[str, Any] = {
    "kind": "speech",
    "title": "在2026年党支部书记培训班开班仪式上的讲话",
    "speaker": {"name": "林书远", "role": "学院党委副书记"},
    "date": "2026-09-10",
    "salutation": "各位支部书记",
    "opening": {
        "occasion": "今天，我们举办党支部书记培训班。",
        "welcome": "欢迎各位参加培训。",
        "thanks": "感谢为培训付出辛劳的同志。",
    },
    "purpose": "培训的目的是帮助大家熟悉支部工作的基本要求。",
    "transition": "下面，我讲两点意见。",
    "points": [
        {
            "heading": "提高认识，明确职责",
            "paras": ["支部书记是支部工作的第一责任人。"],
            "sub": ["一是学深悟透", "二是把握重点"],
        },
        {"heading": "学以致用，注重实效", "paras": ["培训要和实际工作结合起来。"], "sub": []},
    ],
    "closing": {
        "summary": "总之，希望大家珍惜这次学习机会。",
        "wish": "预祝培训班圆满成功！",
        "thanks": "谢谢大家！",
    },
}

_REPORT: dict[str, Any] = {
    "kind": "report",
    "subkind": "issue_report",
    "branch": "中共示例大学示例学院教工第一党支部",
    "title": "关于支部党建工作中存在的问题及对策建议",
    "intro": "支部通过座谈和个别访谈，梳理了当前工作中的问题。",
    "sections": [
        {
            "heading": "存在的困难和问题",
            "paras": [],
            "items": [{"title": "学习形式较单一", "body": "以集中读文件为主。", "addresses": []}],
            "subsections": [],
        },
        {
            "heading": "应对措施及建议",
            "paras": [],
            "items": [{"title": "丰富学习形式", "body": "增加研讨和实地学习。", "addresses": [1]}],
            "subsections": [],
        },
    ],
    "outro": "以上报告，请审阅。",
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-11-21", "show": True},
}

_UNIVERSITY: dict[str, Any] = {
    "kind": "university",
    "id": "demo",
    "name": "示例大学",
    "party_committee": "中共示例大学委员会",
    "secretary": "宋启明",
    "organization_department": "中共示例大学委员会组织部",
    "address": "示例市学府路1号",
    "settings": {"local_rules": {"dangke_every_quarter": True}},
    "colleges": [
        {
            "id": "sl",
            "name": "示例学院",
            "party_committee": "中共示例大学示例学院委员会",
            "secretary": "韩立",
            "deputy_secretary": "林书远",
            "organizer": "方晓",
            "branches": [{"id": "demo-jg1", "name": "中共示例大学示例学院教工第一党支部"}],
        }
    ],
}

_ROSTER: dict[str, Any] = {
    "kind": "roster",
    "title": "示例大学示例学院党支部一览",
    "branches": [
        {
            "id": "demo-jg1",
            "name": "中共示例大学示例学院教工第一党支部",
            "short_name": "示例学院教工第一党支部",
            "college": "示例学院",
            "parent": "中共示例大学示例学院委员会",
            "type": "教工",
            "secretary": "林书远",
            "deputy_secretary": "周若溪",
            "organization_member": "陈一鸣",
            "member_count": 4,
            "full_members": 3,
            "probationary_members": 1,
            "group_count": 1,
            "has_committee": True,
        }
    ],
}

_DUES: dict[str, Any] = {
    "kind": "dues",
    "branch": "中共示例大学示例学院教工第一党支部",
    "year": 2026,
    "as_of": "2026-03-31",
    "collector": "陈一鸣",
    "superior": "中共示例大学示例学院委员会",
    "members": [
        {
            "name": "林书远",
            "category": "在职",
            "status": "正式",
            "base": 9200,
            "group": "第一党小组",
        },
        {
            "name": "周若溪",
            "category": "在职",
            "status": "正式",
            "base": 4800,
            "group": "第一党小组",
        },
        {"name": "陈一鸣", "category": "离退休", "status": "正式", "base": 5600},
        {
            "name": "许知行",
            "category": "学生",
            "status": "预备",
            "approved": "2026-02-26",
            "note": "2月经支部大会接收为预备党员",
        },
    ],
    "reductions": [
        {
            "name": "周若溪",
            "mode": "少交",
            "monthly": 20,
            "from_month": 3,
            "to_month": 8,
            "reason": "家中老人住院，近期支出较大",
            "applied_on": "2026-02-20",
            "committee_date": "2026-02-24",
            "status": "已批准",
            "approved_by": "中共示例大学示例学院委员会",
            "approved_on": "2026-02-28",
        }
    ],
    "payments": [
        {"name": name, "month": month, "amount": amount, "date": f"2026-{month:02d}-10"}
        for month in (1, 2, 3)
        for name, amount in (("林书远", "138.00"), ("陈一鸣", "56.00"))
    ]
    + [
        {"name": "周若溪", "month": 1, "amount": "48.00", "date": "2026-01-10"},
        {"name": "周若溪", "month": 2, "amount": "48.00", "date": "2026-02-10"},
        {"name": "周若溪", "month": 3, "amount": "20.00", "date": "2026-03-10"},
        {"name": "许知行", "month": 2, "amount": "0.20", "date": "2026-02-27"},
        {"name": "许知行", "month": 3, "amount": "0.20", "date": "2026-03-10"},
    ],
    "remittances": [
        {
            "quarter": 1,
            "date": "2026-03-31",
            "amount": "698.40",
            "receiver": "中共示例大学示例学院委员会",
            "handler": "陈一鸣",
        }
    ],
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-03-31"},
}

_DEVELOPMENT: dict[str, Any] = {
    "kind": "development",
    "branch": "中共示例大学示例学院教工第一党支部",
    "superior": "中共示例大学示例学院委员会",
    "contact": "组织委员林书远，电话 8800 0000",
    "candidates": [
        {
            "name": "许知行",
            "gender": "男",
            "ethnicity": "汉族",
            "birth": "1995-06-08",
            "education": "博士研究生",
            "unit": "示例学院讲师",
            "applied": "2026-03-02",
            "talked": "2026-03-19",
            "talker": "林书远",
            "talk_notes": "了解入党动机，介绍入党的条件和程序",
            "recommended": "2026-04-08",
            "recommend_method": "党员推荐",
            "activist": "2026-04-15",
            "contacts": "林书远、周若溪",
            "activist_notice_from": "2026-04-16",
            "activist_notice_to": "2026-04-22",
        }
    ],
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-04-23"},
}

_APPRAISAL: dict[str, Any] = {
    "kind": "appraisal",
    "branch": "中共示例大学示例学院教工第一党支部",
    "year": 2026,
    "date": "2026-12-20",
    "place": "党员活动室",
    "host": "林书远",
    "due": 4,
    "present": 4,
    "copies": 6,
    "members": [
        {"name": "林书远", "status": "正式", "group": "第一党小组"},
        {"name": "周若溪", "status": "正式", "group": "第一党小组"},
        {"name": "陈一鸣", "status": "正式", "group": "第二党小组"},
        {"name": "许知行", "status": "预备", "group": "第二党小组"},
    ],
    "tally": {
        "issued": 4,
        "returned": 4,
        "spoiled": 0,
        "tellers": ["陈一鸣"],
        "rows": [
            {"name": "林书远", "votes": {"优秀": 3, "合格": 1, "基本合格": 0, "不合格": 0}},
            {"name": "周若溪", "votes": {"优秀": 1, "合格": 3, "基本合格": 0, "不合格": 0}},
            {"name": "陈一鸣", "votes": {"优秀": 0, "合格": 4, "基本合格": 0, "不合格": 0}},
            {"name": "许知行", "votes": {"优秀": 0, "合格": 3, "基本合格": 1, "不合格": 0}},
        ],
    },
    "committee_date": "2026-12-21",
    "notice_date": "2026-12-25",
    "signoff": {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-12-25"},
}

STARTERS: dict[str, dict[str, Any]] = {
    "branch": _BRANCH,
    "university": _UNIVERSITY,
    "minutes": _MINUTES,
    "org_life_meeting": _ORG_LIFE,
    "rectification": _RECTIFICATION,
    "annual_plan": _ANNUAL_PLAN,
    "speech": _SPEECH,
    "report": _REPORT,
    "roster": _ROSTER,
    "dues": _DUES,
    "development": _DEVELOPMENT,
    "appraisal": _APPRAISAL,
}

__all__ = ["STARTERS"]
