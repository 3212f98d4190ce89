"""The library's bundles: found by name, listed, and each one built from the sample school."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.bundle import BuildResult, Bundle, RecipeError
from docgen.bundle.builtin import find_bundle, list_bundles
from docgen.bundle.forms import DAY_BLANK
from docgen.cli import main
from docgen.exceptions import DataError
from docgen.library import shipped_root
from tests.templates.reading import NS, Docx, q

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ("dangfei", "huiyi-jishi", "minzhu-pingyi", "niandu", "zhenggai", "zuzhi-shenghuohui")
SCHOOL = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """Every built-in bundle built once with its default (fixture) inputs."""
    out = tmp_path_factory.mktemp("builtin")
    return {name: Bundle.load(name).build(out / name, sample=True) for name in BUILTIN}


def _part(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def _docs(result: BuildResult, kind: str) -> list[Path]:
    return [o.path for o in result.outputs if o.kind == kind]


def test_list_names_every_shipped_bundle() -> None:
    """``list_bundles`` finds the three shipped recipes with their titles."""
    found = {b.name: b for b in list_bundles()}
    assert set(BUILTIN) <= set(found)
    assert found["zuzhi-shenghuohui"].title == "组织生活会材料"
    assert found["niandu"].path == shipped_root() / "bundles" / "niandu.yaml"


def test_a_folder_given_first_overrides_a_shipped_bundle(tmp_path: Path) -> None:
    """A user's library folder is searched before the shipped one."""
    (tmp_path / "bundles").mkdir()
    own = tmp_path / "bundles" / "zhenggai.yaml"
    own.write_text("name: 自己的\nsteps: []\n", encoding="utf-8")
    assert find_bundle("zhenggai", [tmp_path]) == own
    assert find_bundle("zhenggai") == shipped_root() / "bundles" / "zhenggai.yaml"


def test_unknown_bundle_names_the_known_ones() -> None:
    """A name that is neither a file nor a library bundle lists what the library has."""
    with pytest.raises(RecipeError) as caught:
        find_bundle("no-such-bundle")
    assert "zuzhi-shenghuohui" in caught.value.message_zh
    assert "no-such-bundle" in caught.value.message_en


@pytest.mark.parametrize("name", BUILTIN)
def test_recipe_names_only_templates_that_exist(name: str) -> None:
    """Every step of a built-in recipe resolves to a library template on disk."""
    recipe = Bundle.load(name).recipe
    for step in recipe.steps:
        assert step.template_path.is_file(), step.template
        assert step.template_path.is_relative_to(shipped_root())


@pytest.mark.parametrize("name", BUILTIN)
def test_builds_from_the_fixtures_and_merges_soundly(
    built: dict[str, BuildResult], name: str
) -> None:
    """No failure; the merged .docx passes the package checks."""
    result = built[name]
    assert result.failures == []
    merged = _docs(result, "merged")
    assert len(merged) == 1
    assert docgen.verify_package(merged[0].read_bytes()) == []


def test_zuzhi_shenghuohui_holds_the_six_documents_in_order(
    built: dict[str, BuildResult],
) -> None:
    """Notice, script, 对照检查, minutes, plan and ledger, each with its own title."""
    # A long title is printed in lines broken by sense; compare the words.
    titles = [
        Docx(p.read_bytes()).paragraphs()[0].text.replace("\n", "")
        for p in _docs(built["zuzhi-shenghuohui"], "document")
    ]
    assert titles[0] == "关于召开2026年度组织生活会的通知"
    assert "主持词" in titles[1]
    assert titles[2].endswith("党支部委员会2026年度组织生活会对照检查材料")
    assert "支部支部" not in titles[2]
    assert "组织生活会记录" in titles[3]
    assert "整改方案" in titles[4]
    assert len(titles) == 6


def test_huiyi_jishi_binds_the_record_with_its_sign_in_sheet_and_photos(
    built: dict[str, BuildResult],
) -> None:
    """The meeting's record, then its 签到表 and 影像资料 as 附件 (issue 14 §1): the record
    template chosen by the meeting type, the photos bound from the record's folder. The
    record's own 附件 (签到表, 走访记录表, 活动照片) already name the two: they take those
    places (附件1, 附件3) under their printed titles, and nothing is listed twice."""
    docs = [Docx(p.read_bytes()) for p in _docs(built["huiyi-jishi"], "document")]
    titles = [d.paragraphs()[0].text.replace("\n", "") for d in docs]
    assert titles[0].endswith("2026年11月主题党日活动记录")
    assert titles[1:] == ["附件1", "附件3"]
    heads = ["".join(d.paragraphs()[2].text.split()) for d in docs[1:]]
    assert heads[0].endswith("主题党日活动签到表")
    assert heads[1].endswith("主题党日活动影像资料")
    note = [p.text.replace("\t", "") for p in docs[0].paragraphs() if p.style == "AttachmentNote"]
    assert note == [f"附件：1.{heads[0]}", "2.走访记录表", f"3.{heads[1]}"]
    (merged,) = _docs(built["huiyi-jishi"], "merged")
    assert merged.name == "中共星河大学信息工程学院教工第一党支部2026年11月主题党日活动纪实.docx"
    assert len(re.findall(rb"<pic:pic", _part(merged, "word/document.xml"))) == 6


def test_huiyi_jishi_leaves_out_the_photo_page_without_photos(tmp_path: Path) -> None:
    record = SCHOOL / "minutes" / "2026-11-zhiweihui.yaml"
    result = Bundle.load("huiyi-jishi").build(tmp_path, inputs={"minutes": record})
    assert result.ok, [f.message for f in result.failures]
    names = [p.name for p in _docs(result, "document")]
    assert len(names) == 2
    assert names[0].endswith("支委会记录.docx")
    assert names[1].endswith("签到表.docx")
    # The record lists only its 签到表, which the bound sheet is: one 附件, unnumbered.
    record_doc, sheet = (Docx(p.read_bytes()) for p in _docs(result, "document"))
    title = "".join(sheet.paragraphs()[2].text.split())
    assert sheet.paragraphs()[0].text == "附件"
    note = [p.text for p in record_doc.paragraphs() if p.style == "AttachmentNote"]
    assert note == [f"附件：{title}"]


def test_zhenggai_feeds_one_data_set_to_three_documents(built: dict[str, BuildResult]) -> None:
    """Plan, ledger and progress report all come from the same rectification file."""
    names = [p.name for p in _docs(built["zhenggai"], "document")]
    assert [n.rsplit("党支部", 1)[1] for n in names] == [
        "整改方案.docx",
        "整改台账.docx",
        "整改情况报告.docx",
    ]


def test_dangfei_writes_the_ledger_workbook_and_binds_the_three_documents(
    built: dict[str, BuildResult],
) -> None:
    """One dues file gives the .xlsx ledger (a file of its own) and the 公示, 上交汇总单 and
    .docx 台账 (last: landscape), which the volume binds behind its portrait cover; the
    workbook's total matches the 公示's and the .docx 台账's."""
    import openpyxl

    result = built["dangfei"]
    books = [o.path for o in result.outputs if o.path.suffix == ".xlsx"]
    docs = [p for p in _docs(result, "document") if p.suffix == ".docx"]
    names = [p.name.rsplit("党支部", 1)[1] for p in docs]
    assert names == ["党费交纳情况公示.docx", "党费上交汇总单.docx", "党费收缴登记表.docx"]
    assert len(books) == 1
    ws = openpyxl.load_workbook(books[0])["党费收缴台账"]
    owed = [
        c.value for (c,) in ws.iter_rows(min_col=21, max_col=21) if isinstance(c.value, float | int)
    ]
    for doc in (docs[0], docs[2]):
        assert f"应交{sum(owed):.2f}元" in "\n".join(Docx(doc.read_bytes()).outline())
    merged = Docx(_docs(result, "merged")[0].read_bytes())
    orient = [s.find("w:pgSz", NS).get(q("w:orient")) for s in merged.sections()]
    assert orient[0] != "landscape"
    assert orient[-1] == "landscape"
    volume = "\n".join(merged.outline())
    assert "党费收缴台账" in volume
    assert "党费交纳情况公示" in volume
    assert "党费上交汇总单" in volume


def test_minzhu_pingyi_prints_ballots_and_binds_the_decision_and_notice(
    built: dict[str, BuildResult],
) -> None:
    """One 评议 file: the 30 numbered ballots and the tellers' workbook as files of their
    own, the 评定意见 and the 通报 bound behind the cover, the same counts in both."""
    import openpyxl

    result = built["minzhu-pingyi"]
    docs = {p.name.rsplit("党支部", 1)[1]: p for p in _docs(result, "document")}
    assert set(docs) == {
        "2026年度民主评议党员测评表.docx",
        "2026年度民主评议党员测评统计表.xlsx",
        "委员会关于2026年度民主评议党员的评定意见.docx",
        "关于2026年度民主评议党员结果的通报.docx",
    }
    ballots = Docx(docs["2026年度民主评议党员测评表.docx"].read_bytes()).outline()
    assert sum("编号：" in line for line in ballots) == 30
    book = openpyxl.load_workbook(docs["2026年度民主评议党员测评统计表.xlsx"])
    assert book["测评统计"]["B26"].value == "甘海涛"
    volume = "\n".join(Docx(_docs(result, "merged")[0].read_bytes()).outline())
    assert "编号：" not in volume
    assert volume.count("评定为优秀等次的党员5名") == 2  # the 评定意见 and the 通报


def test_niandu_prefills_twelve_theme_day_records(built: dict[str, BuildResult]) -> None:
    """One record per 主题党日 row of the schedule, with blanks to fill, never None or 无."""
    records = [p for p in _docs(built["niandu"], "document") if "主题党日活动记录" in p.name]
    assert len(records) == 12
    assert records[3].name == "2026年04月主题党日活动记录（待补全）.docx"
    april = Docx(records[3].read_bytes())
    text = "\n".join(april.outline())
    assert "缅怀革命先烈" in text
    assert f"2026年4月{DAY_BLANK}日" in text
    assert "全体党员" in text
    assert "None" not in text
    absent = next(line for line in text.splitlines() if "缺席人员及原因" in line)
    assert absent.split("|")[2].strip() == ""  # a blank to fill in, not “无”


def test_input_option_replaces_a_default_file(tmp_path: Path) -> None:
    """``inputs`` points an input at another file, relative to the current folder."""
    other = tmp_path / "rect.xlsx"
    other.write_bytes((ROOT / "fixtures" / "school" / "rectification.xlsx").read_bytes())
    plan = Bundle.load("zhenggai").plan(inputs={"rect": other})
    assert len(plan.documents) == 3
    with pytest.raises(docgen.DocgenError) as caught:
        Bundle.load("zhenggai").plan(inputs={"data": other})
    assert "没有名为“data”的输入（可用：rect）" in caught.value.message_zh


def test_a_missing_default_file_says_how_to_give_one(tmp_path: Path) -> None:
    """As in an installed wheel (no fixtures): the error names the --input option."""
    with pytest.raises(DataError) as caught:
        Bundle.load("niandu").plan({"plan_file": str(tmp_path / "gone.yaml")})
    assert "--input plan=" in caught.value.problems[0].message_zh


@pytest.mark.parametrize("name", BUILTIN)
def test_without_input_a_builtin_bundle_fails_and_says_how(name: str, tmp_path: Path) -> None:
    """No sample data behind the user's back: no input, no documents, a clear way out."""
    result = CliRunner().invoke(main, ["bundle", name, "-o", str(tmp_path / "out")])
    assert result.exit_code == 8, result.output
    assert "没有数据文件：请用 --input" in result.output
    assert "--sample" in result.output
    assert not list(tmp_path.rglob("*.docx"))


def test_bundle_show_lists_inputs_variables_and_columns() -> None:
    """``docgen bundle show niandu``: every input, variable and roster column, from the recipe."""
    result = CliRunner().invoke(main, ["bundle", "show", "niandu", "--json"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.output)
    recipe = Bundle.load("niandu").recipe
    assert [i["name"] for i in facts["inputs"]] == [i.name for i in recipe.inputs]
    assert facts["inputs"][0]["set"]["signoff.date"] == "{{ signoff_date }}"
    columns = ["年度计划", "支部", "书记", "标题", "落款", "落款日期", "水印"]
    assert facts["roster_columns"] == columns
    text = CliRunner().invoke(main, ["bundle", "show", "niandu"]).output
    assert "--input" in text
    assert "落款日期" in text
    assert "init roster --bundle niandu" in text


#: Counts in words before a measure word (两名, 二十三名, 六个): GB/T 15835 wants digits,
#: one form per document. Names that hold a numeral (十项准则) are not counts.
_WORD_COUNT = re.compile(
    r"(?<![第])[二两三四五六七八九十]+[一二三四五六七八九]?[名个条份人项位](?!准则)"
)
_ASPECTS = re.compile(r"([\d一二两三四五六七八九十]+)个方面")


def test_sample_bundles_count_in_one_form(built: dict[str, BuildResult]) -> None:
    """Every count in the sample bundles is in digits, and every part that says how many
    方面 the problems cover says the number the problem list gives (6)."""
    problems = docgen.load_data(SCHOOL / "rectification.yaml").problems  # type: ignore[attr-defined]
    categories = len({p.category for p in problems})
    aspects: dict[str, list[str]] = {}
    for name in ("zuzhi-shenghuohui", "zhenggai"):
        for path in _docs(built[name], "document"):
            if "合订本" in path.name:
                continue
            text = "\n".join(Docx(path.read_bytes()).outline())
            assert not _WORD_COUNT.findall(text), (path.name, _WORD_COUNT.findall(text))
            aspects[path.name] = _ASPECTS.findall(text)
    said = {n for found in aspects.values() for n in found}
    assert said == {str(categories)}, aspects
    assert sum(1 for found in aspects.values() if found) >= 4
