"""The per-candidate file papers: the 谈话记录 (blank where the data holds nothing), the
档案材料目录 (the materials of the stages reached, dated from their steps), and the 推荐票."""

from __future__ import annotations

from docgen.views.development_files import MATERIALS, NOTES_LINES
from docgen.views.development_review import FINDING_LINES
from tests.views.development_data import context


def _people() -> dict[str, dict[str, object]]:
    return {p["name"]: p for p in context()["people"]}


def test_talk_record_from_the_data() -> None:
    talk = _people()["方晴川"]["talk"]
    assert isinstance(talk, dict)
    assert talk["talked"] == "2026年10月9日"
    assert talk["talker"] == "黎晓雯"
    assert talk["notes"].endswith("发挥骨干作用。")
    blank = context({"candidates": [{"姓名": "甲", "申请入党日期": "2026-10-12"}]})["people"][0]
    talk = blank["talk"]
    assert [talk[k] for k in ("name", "unit", "applied", "talked", "talker", "notes")] == [
        "甲",
        "",
        "2026年10月12日",
        "",
        "",
        "",
    ]
    # Nothing recorded: the cell keeps empty lines to write in.
    assert talk["notes_cell"] == "\n" * (NOTES_LINES - 1)


def test_archive_lists_only_the_stages_reached() -> None:
    people = _people()
    for person in people.values():
        archive = person["archive"]
        assert isinstance(archive, dict)
        rows = archive["rows"]
        reached = [name for stage, name, _ in MATERIALS if stage <= person["stage"]]
        assert [r["name"] for r in rows] == reached
        assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    full = {r["name"]: r["date"] for r in people["何嘉禾"]["archive"]["rows"]}  # type: ignore[index]
    assert len(full) == len(MATERIALS)
    assert full["支部党员大会接收预备党员的决议"] == "2025年11月19日"
    assert full["上级党委审批转正的意见"] == "2026年12月1日"
    assert full["转正申请书"] == ""
    first = people["易思远"]["archive"]["rows"]  # type: ignore[index]
    assert [r["name"] for r in first] == ["入党申请书", "党组织派人谈话记录"]


def test_ballot_names_the_applicants_still_waiting() -> None:
    ballot = context()["ballot"]
    assert [r["name"] for r in ballot["rows"]] == ["方晴川", "易思远"]
    assert ballot["date_text"] == "　　　　年　　月　　日"
    later = context(
        {
            "candidates": [
                {"姓名": "甲", "推荐日期": "2026-04-09", "确定为入党积极分子日期": "2026-04-16"},
                {"姓名": "乙", "推荐日期": "2025-11-05", "确定为入党积极分子日期": "2025-11-12"},
            ]
        }
    )["ballot"]
    # Nobody waiting: the file copy of the latest recommendation, dated.
    assert [r["name"] for r in later["rows"]] == ["甲"]
    assert later["date_text"] == "2026年4月9日"


def test_review_papers_are_for_prospects_only() -> None:
    ctx = context()
    names = [p["name"] for p in ctx["prospects"]]
    assert names == ["柏子衿", "简书白", "萧远山", "纪明月", "何嘉禾", "卢安歌"]
    review = ctx["prospects"][0]["review"]
    assert review["conclusion_cell"] == "政治历史清楚，现实表现良好，政治审查合格。"
    assert review["self_cell"] == "\n" * (FINDING_LINES - 1)
    assert review["signoff"]["date"] == "2026年1月15日"
    inquiry = ctx["prospects"][0]["inquiry"]
    assert inquiry["body"][0].startswith("我支部柏子衿同志（女，汉族，1990年9月生，")
    assert "已于2025年11月25日被确定为发展对象" in inquiry["body"][0]
    assert inquiry["contact"] == "联系人及电话：组织委员邵嘉明，电话 8800 1234。"
    # Sealed, and dated by hand when sent.
    assert inquiry["signoff"]["sealed"] is True
    assert inquiry["signoff"]["date"] == "　　　　年　　月　　日"
    # Not yet reviewed: the conclusion and the date are left to fill in.
    waiting = context({"candidates": [{"姓名": "甲", "确定为发展对象日期": "2026-10-20"}]})
    assert waiting["prospects"][0]["review"]["conclusion_cell"] == "\n\n"
    assert waiting["prospects"][0]["review"]["signoff"]["date"] == "　　　　年　　月　　日"


def test_meeting_ballots_one_per_candidate() -> None:
    ballots = context()["vote_ballots"]
    assert [b["question"] for b in ballots] == [
        "接收柏子衿同志为中共预备党员",
        "接收简书白同志为中共预备党员",
        "萧远山同志按期转为中共正式党员",
        "纪明月同志按期转为中共正式党员",
    ]
    tally = context()["vote_tally"]
    assert [(r["seq"], r["question"]) for r in tally] == [
        (n, b["question"]) for n, b in enumerate(ballots, 1)
    ]


def test_meeting_script_for_the_prospects_with_the_roster_counts() -> None:
    script = context()["script"]
    assert script["kind"] == "admit"
    assert [c["name"] for c in script["people"]] == ["柏子衿", "简书白"]
    assert "支部现有党员23名，其中有表决权的正式党员22名、预备党员1名" in script["opening"][0]
    steps = script["people"][0]["steps"]
    assert "请入党介绍人裴文博、贺知秋同志介绍柏子衿同志的情况" in steps[1]
    assert "接收柏子衿同志为中共预备党员" in steps[4]
    # Nobody at stage 3: the 预备党员 on 按期转正; the roster unknown: blanks.
    admitted = {
        "姓名": "甲",
        "入党介绍人": "程一帆、邵嘉明",
        "政审结论": "政治审查合格",
        "培训天数": 3,
        "预审日期": "2026-05-08",
        "支部大会接收日期": "2026-06-01",
        "有表决权的正式党员": 12,
        "到会有表决权人数": 11,
        "赞成票": 11,
    }
    later = context({"candidates": [admitted]})["script"]
    assert later["kind"] == "full"
    assert "支部现有党员　　名" in later["opening"][0]
