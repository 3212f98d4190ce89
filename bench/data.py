"""Realistic, varied data for the 整改措施 benchmark template (``bench/rectification.docx``).

``make_context(rows, seed)`` is deterministic for a given ``(rows, seed)``; different seeds give
different branches, people, dates and wording, so a batch of documents does not render the
same context over and over (which would flatter any cache).

All wording is written for this project. A few values carry ``&``, ``<``, ``>`` and ``"`` on
purpose: both engines must render them with escaping on, and the parity test compares them.

``python bench/data.py`` rewrites ``bench/sample.yaml`` (30 rows, seed 0) for the CLI.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SAMPLE_YAML = HERE / "sample.yaml"

ORDINALS = ["一、", "二、", "三、", "四、", "五、"]

UNITS = [
    "计算机科学与技术学院",
    "机械工程学院",
    "外国语学院",
    "马克思主义学院",
    "经济管理学院",
    "化学与材料学院",
    "数学与统计学院",
    "图书馆",
    "后勤保障处",
    "继续教育学院",
]
BRANCH_KINDS = [
    "教工第一党支部",
    "教工第二党支部",
    "学生第一党支部",
    "研究生第二党支部",
    "机关党支部",
    "离退休教职工党支部",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = [
    "立新",
    "晓梅",
    "建国",
    "芳",
    "志远",
    "静",
    "海涛",
    "丽华",
    "明",
    "雪",
    "志强",
    "慧",
    "俊",
    "红梅",
    "文博",
    "雅琴",
    "子涵",
    "国栋",
    "欣然",
    "卫东",
]
DEADLINES = [
    "立行立改",
    "长期坚持",
    "{y}年3月底前",
    "{y}年4月30日前",
    "{y}年6月底前",
    "{y}年上半年",
    "{y}年9月开学前",
    "{y}年底前",
]

# One entry per category: (category, section heading, problem clauses, measure clauses,
# section body). Clauses are combined at random into ~60-character cells.
Category = tuple[str, str, list[str], list[str], str]
CATEGORIES: list[Category] = [
    (
        "理论学习",
        "在理论学习走深走实方面",
        [
            "部分党员满足于读原文、记笔记，联系教学科研实际思考不够",
            "集中学习以领读文件为主，研讨交流时间偏短、发言不够深入",
            "个别党员自学计划执行不严，学习笔记存在前紧后松的现象",
            "运用理论分析解决专业建设中实际问题的能力还有差距",
            "学习成果转化不足，学用结合的具体案例总结提炼得不多",
            "青年教师党员参加集中学习的积极性不高，主动发言的人数偏少",
        ],
        [
            "制定年度学习计划，每月安排一次专题研讨，由支委轮流领学并点评",
            "建立学习笔记季度检查制度，检查结果在支部党员大会上通报",
            "围绕专业建设中的难点确定研讨题目，要求每名党员结合岗位谈体会",
            "推行“微党课”，每次组织生活安排一名青年教师党员主讲",
            "每学期总结一批学用结合的典型做法，汇编成册供党员交流",
            "利用线上学习平台督促自学，按月统计学习情况并提醒落后党员",
        ],
        "支部把理论学习作为整改的首要任务，坚持集中学习与个人自学相结合，"
        "每月确定一个研讨主题，由支委轮流领学，党员结合本职岗位交流体会，"
        "学习情况按季度通报，确保学习有计划、有检查、有成效。",
    ),
    (
        "组织生活",
        "在严格组织生活制度方面",
        [
            "三会一课记录不够规范，个别会议记录内容过于简略",
            "主题党日活动形式较为单一，与学科专业特色结合得不够紧密",
            "批评和自我批评辣味不足，相互批评多提希望、少指问题",
            "谈心谈话开展不够经常，支委与普通党员之间交流偏少",
            "党费收缴台账更新不及时，个别月份存在补交情况",
            "对入党积极分子的日常培养考察记录不够完整",
        ],
        [
            "对照组织生活制度逐项规范会议记录，由组织委员每季度审核一次",
            "结合学科特色设计主题党日，每学期至少开展一次现场教学",
            "会前充分开展谈心谈话，会上批评要点到具体人、具体事",
            "支委每学期与每名党员至少谈心一次，谈话情况如实记录",
            "建立党费收缴提醒机制，每月10日前完成收缴并在支部内公示",
            "完善入党积极分子培养档案，培养联系人每季度提交考察意见",
        ],
        "支部对照组织生活制度逐项查找薄弱环节，规范会议程序和记录，"
        "把谈心谈话贯穿全年，主题党日突出专业特色，做到每次活动有方案、有记录、有总结，"
        "切实增强组织生活的政治性、时代性和实效性。",
    ),
    (
        "作风建设",
        "在转变工作作风方面",
        [
            "调查研究不够深入，了解师生诉求较多依赖会议和书面材料",
            "落实工作存在等靠思想，个别事项推进节奏偏慢",
            "对照规章制度自查不够主动，发现问题后跟踪整改不够及时",
            "会议和文件仍有精简空间，部分通知层层转发、要求不够明确",
            "担当意识有待加强，面对难度较大的任务存在畏难情绪",
        ],
        [
            "支委每人确定一个调研课题，深入教研室和学生班级收集问题",
            "建立任务清单和进度台账，每两周对照推进情况调度一次",
            "对照制度开展一次全面自查，问题清单实行销号管理",
            "精简会议文件，能合并的会议合并召开，通知要求一次讲清",
            "对难度较大的任务实行支委包干，明确时间节点并跟踪问效",
        ],
        "支部坚持问题导向，支委带头深入一线调查研究，重点事项建立台账、挂图作战，"
        "对推进缓慢的任务实行包干负责，做到件件有回音、事事有着落，"
        "以作风转变推动各项工作落地见效。",
    ),
    (
        "服务师生",
        "在服务师生办实事方面",
        [
            "联系学生宿舍和班级的频次不够，对学生思想动态掌握不全面",
            "对困难学生和青年教师的关心帮扶缺少长效做法",
            "为师生办实事的项目清单更新不及时，部分事项办理进度滞后",
            "听取意见建议的渠道不够畅通，线上反馈回复周期较长",
            "对离退休党员的走访慰问次数偏少，情况掌握不够及时",
        ],
        [
            "建立党员联系宿舍制度，每名党员联系一个学生宿舍并每月走访",
            "为困难学生建立帮扶台账，实行党员一对一结对帮扶",
            "每学期更新为师生办实事清单，办理结果在支部公开栏公示",
            "开设线上意见箱，明确三个工作日内答复师生反映的问题",
            "重要节日走访慰问离退休党员，平时通过电话保持经常联系",
        ],
        "支部把为师生办实事作为检验整改成效的标尺，梳理形成实事清单，"
        "明确责任人和完成时限，畅通意见反馈渠道，"
        "对师生反映集中的问题逐项跟踪办理，办理结果及时公开、接受监督。",
    ),
    (
        "作用发挥",
        "在发挥党员先锋模范作用方面",
        [
            "部分党员在教学改革和课程建设中带头作用不够明显",
            "党员示范岗设置后日常考核不够具体，亮身份作表率的氛围不浓",
            "支部在学科建设、人才培养中的战斗堡垒作用发挥还不充分",
            "党建与业务工作结合不够紧密，存在两张皮现象",
            "参加志愿服务和社会实践的党员人数不多，覆盖面不够广",
        ],
        [
            "设立党员先锋岗，在课程建设和教学改革中承担具体任务",
            "细化党员示范岗考核标准，年终结合民主评议党员进行评价",
            "将支部工作与学科建设同部署、同检查，年底一并总结考核",
            "组建党员志愿服务队，每学期开展不少于两次志愿服务活动",
            "每季度召开一次党建与业务融合推进会，交流经验、解决难题",
        ],
        "支部引导党员在教学科研、管理服务一线亮身份、作表率，"
        "完善党员先锋岗和示范岗的考核办法，把党建工作与中心工作同谋划、同推进，"
        "让党员的作用看得见、可检验。",
    ),
]

# Values with XML-special characters, placed at fixed spots so every context (rows >= 12)
# carries all of them: a raw "&" or "<" that reaches document.xml unescaped breaks the file.
SPECIAL_PROBLEM = '部分党员月度学习时长<4小时、缺席>2次，"学习强国"积分长期偏低'
SPECIAL_MEASURE = '对学习时长<4小时的党员逐一提醒，"一对一"帮学并每月通报'
SPECIAL_CATEGORY = "党建&业务融合"
SPECIAL_SECTION_SUFFIX = '重点抓好"党建&业务"双促进，防止出现<两张皮>现象。'
TARGET_CELL_CHARS = 60


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _cell_text(rng: random.Random, clauses: list[str]) -> str:
    """Join distinct clauses until the cell holds roughly 60 characters."""
    picked = rng.sample(clauses, k=3)
    text = picked[0] + "；" + picked[1]
    if len(text) < TARGET_CELL_CHARS - 10:  # two short clauses: a third keeps the cell full
        text += "；" + picked[2]
    return text + "。"


def _date(year: int, month: int, day: int) -> str:
    # GB/T 9704 style: no zero padding.
    return f"{year}年{month}月{day}日"


def make_context(rows: int, seed: int = 0) -> dict[str, Any]:
    """Return a context for ``bench/rectification.docx`` with ``rows`` table rows."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    year = 2024 + rng.randrange(3)  # the year under review; rectification runs in year + 1
    unit = rng.choice(UNITS)
    branch = unit + rng.choice(BRANCH_KINDS)
    secretary = _person(rng)
    committee = [secretary, *(_person(rng) for _ in range(4))]

    sections = []
    for index, (_, heading, _, _, body) in enumerate(CATEGORIES):
        text = body
        if index == 3:
            text += SPECIAL_SECTION_SUFFIX
        sections.append({"ordinal": ORDINALS[index], "heading": heading, "body": text})

    problems = []
    for index in range(rows):
        category, _, problem_clauses, measure_clauses, _ = CATEGORIES[index % len(CATEGORIES)]
        problem = _cell_text(rng, problem_clauses)
        measure = _cell_text(rng, measure_clauses)
        if index == 2:
            problem = SPECIAL_PROBLEM + "；" + problem
        if index == 6:
            measure = SPECIAL_MEASURE + "；" + measure
        if index == 11:
            category = SPECIAL_CATEGORY
        problems.append(
            {
                "no": index + 1,
                "category": category,
                "problem": problem,
                "measure": measure,
                "owner": rng.choice(committee),
                "deadline": rng.choice(DEADLINES).format(y=year + 1),
            }
        )

    meeting_day = 5 + rng.randrange(20)
    return {
        "branch": branch,
        "year": year,
        "superior": rng.choice(["学校党委", unit + "党委", "校党委组织部"]),
        "meeting_date": _date(year + 1, 1, meeting_day),
        "problem_count": len(sections),
        "secretary": secretary,
        "sections": sections,
        "problems": problems,
        "signoff": {
            "org": f"中共{branch}委员会",
            "date": _date(year + 1, 2, 1 + rng.randrange(27)),
        },
    }


def write_sample(path: Path = SAMPLE_YAML, rows: int = 30, seed: int = 0) -> None:
    """Write the CLI sample data file (YAML, Chinese kept readable)."""
    import yaml  # local: only the sample writer needs PyYAML

    header = "# Generated by bench/data.py (make_context(30, seed=0)); do not edit by hand.\n"
    body = yaml.safe_dump(make_context(rows, seed), allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    write_sample()
    print(f"wrote {SAMPLE_YAML}")
