"""``attachment_of`` in a recipe: checked at load, numbered and listed when the plan is made."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import docgen
from docgen.bundle import Bundle
from docgen.bundle.attachments import title_source
from docgen.bundle.loader import load_recipe
from docgen.bundle.plan import Document, make_plan, resolve_vars
from docgen.exceptions import BundleError, RecipeError
from docgen.style.attachments import AttachmentNote
from tests.bundle.conftest import RecipeWriter
from tests.docx_builder import make_docx, p
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]

PARENT_AND_THREE = """\
name: 附件
vars: {branch: 一支部}
steps:
  - id: plan
    template: titled.docx
    data: {name: "{{ branch }}方案"}
  - id: ledger
    template: titled.docx
    data: {name: "{{ branch }}台账"}
    attachment_of: plan
  - id: sheet
    template: titled.docx
    foreach: "['甲', '乙']"
    as: who
    data: {name: "{{ who }}表"}
    output: "表{{ loop.index }}"
    attachment_of: plan
  - id: other
    template: titled.docx
    data: {name: 另一份}
"""


@pytest.fixture
def titled(tmp_path: Path) -> Path:
    """A template whose title (``dc:title``) is its ``name`` field, as the library's are."""
    path = tmp_path / "titled.docx"
    path.write_bytes(make_docx(p("{{ name }}"), title="{{ name }}"))
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(RecipeError) as info:
        load_recipe(path)
    return [problem.describe() for problem in info.value.problems]


def _plan(path: Path) -> dict[str, Document]:
    recipe = load_recipe(path)
    return {
        d.name.removesuffix(".docx"): d for d in make_plan(recipe, resolve_vars(recipe)).documents
    }


def test_unknown_part_is_named_with_the_recipe_file_and_key(
    write_recipe: RecipeWriter, titled: Path
) -> None:
    """An ``attachment_of`` naming no step: an error at the key's line in the recipe file,
    in Chinese, naming the missing step and the steps there are."""
    path = write_recipe(
        "name: x\nsteps:\n  - {id: plan, template: titled.docx}\n"
        "  - id: ledger\n    template: titled.docx\n    attachment_of: fangan\n"
    )
    (found,) = _problems(path)
    assert found.startswith(f"{path}:6:5: steps[1].attachment_of: 附件所属的步骤“fangan”不存在")
    assert "可用的步骤：plan" in found


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ("  - {id: a, template: titled.docx, attachment_of: a}\n", "不能是它自己的附件"),
        (
            "  - {id: a, template: titled.docx, attachment_of: b}\n"
            "  - {id: b, template: titled.docx}\n",
            "附件应排在它所属的文档之后",
        ),
        (
            "  - {id: a, template: titled.docx, foreach: '[1]', output: 'a{{ item }}'}\n"
            "  - {id: b, template: titled.docx, attachment_of: a}\n",
            "带 foreach",
        ),
        (
            "  - {id: a, template: titled.docx}\n"
            "  - {id: b, template: titled.docx, attachment_of: a}\n"
            "  - {id: c, template: titled.docx, attachment_of: b}\n",
            "附件不能再带附件",
        ),
    ],
    ids=["itself", "later", "foreach", "nested"],
)
def test_impossible_parents_are_refused(
    write_recipe: RecipeWriter, titled: Path, steps: str, message: str
) -> None:
    """Itself, a later step, a step of several documents, an attachment: each refused at
    the key, saying what to do."""
    path = write_recipe("name: x\nsteps:\n" + steps)
    found = _problems(path)
    assert len(found) == 1
    assert "attachment_of: " in found[0]
    assert message in found[0]


def test_attachments_numbered_in_order_and_listed_by_the_parent(
    write_recipe: RecipeWriter, titled: Path
) -> None:
    """Three attachments (one step and a foreach of two): 附件1–附件3 in plan order; the
    parent lists their printed titles in that order; other documents are untouched."""
    docs = _plan(write_recipe(PARENT_AND_THREE))
    labels = [docs[n].context["attachment_label"] for n in ("ledger", "表1", "表2")]
    assert labels == ["附件1", "附件2", "附件3"]
    note = docs["plan"].context["attachment_note"]
    assert isinstance(note, AttachmentNote)
    assert note.names == ("一支部台账", "甲表", "乙表")
    assert docs["plan"].context["attachment_lines"] == ["1.一支部台账", "2.甲表", "3.乙表"]
    assert "attachment_label" not in docs["other"].context
    assert "attachment_note" not in docs["other"].context


def test_one_attachment_is_plain_fujian(write_recipe: RecipeWriter, titled: Path) -> None:
    """A parent with one attachment: the label is “附件”, the note unnumbered."""
    text = PARENT_AND_THREE.replace("foreach: \"['甲', '乙']\"", 'foreach: "[]"')
    docs = _plan(write_recipe(text))
    assert docs["ledger"].context["attachment_label"] == "附件"
    assert docs["plan"].context["attachment_lines"] == ["一支部台账"]


def test_hashes_follow_the_numbering(write_recipe: RecipeWriter, titled: Path) -> None:
    """A document's data hash includes its label and its note: dropping an attachment
    changes the parent's hash and its siblings' numbers, so a resumed batch re-renders them."""
    three = _plan(write_recipe(PARENT_AND_THREE))
    text = PARENT_AND_THREE.replace("foreach: \"['甲', '乙']\"", "foreach: \"['甲']\"")
    two = _plan(write_recipe(text))
    assert two["plan"].data_hash != three["plan"].data_hash
    assert two["表1"].context["attachment_label"] == "附件2"
    assert two["other"].data_hash == three["other"].data_hash


def test_parent_left_out_leaves_attachments_alone(write_recipe: RecipeWriter, titled: Path) -> None:
    """A parent whose ``when`` is false makes no document: its attachments are documents of
    their own, with no label."""
    text = PARENT_AND_THREE.replace(
        '    data: {name: "{{ branch }}方案"}\n',
        '    data: {name: "{{ branch }}方案"}\n    when: "false"\n',
    )
    docs = _plan(write_recipe(text))
    assert "plan" not in docs
    assert all("attachment_label" not in d.context for d in docs.values())


def test_untitled_attachment_is_an_error(write_recipe: RecipeWriter, tiny: Path) -> None:
    """An attachment whose template has no title cannot be listed: an error that says so."""
    path = write_recipe(
        "name: x\nsteps:\n  - {id: a, template: tiny.docx, data: {name: 甲, code: 1}}\n"
        "  - {id: b, template: tiny.docx, data: {name: 乙, code: 2}, attachment_of: a}\n"
    )
    recipe = load_recipe(path)
    with pytest.raises(BundleError, match="没有标题"):
        make_plan(recipe, resolve_vars(recipe))
    assert title_source(tiny) == ""


def test_zhenggai_bundle_prints_label_and_note(tmp_path: Path) -> None:
    """The built-in 整改 bundle: the 台账 opens with “附件” above its title, the 方案 lists the
    台账 by its printed title in its 附件说明, in the single documents and in the volume."""
    result = Bundle.load("zhenggai").build(tmp_path, sample=True)
    docs = {o.path.stem: Docx(o.path.read_bytes()) for o in result.outputs if o.kind != "zip"}
    ledger = next(d for n, d in docs.items() if n.endswith("整改台账"))
    plan = next(d for n, d in docs.items() if n.endswith("整改方案"))
    paras = ledger.paragraphs()
    assert [(x.style, x.text) for x in paras[:2]] == [
        ("AttachmentLabel", "附件"),
        ("BodyFlush", ""),
    ]
    assert paras[2].style == "Title"
    title = "".join(paras[2].text.split())
    notes = [x.text for x in plan.paragraphs() if x.style == "AttachmentNote"]
    assert notes == [f"附件：{title}"]
    volume = next(d for n, d in docs.items() if n.endswith("合订本"))
    styles = [x.style for x in volume.paragraphs()]
    assert styles.count("AttachmentNote") == styles.count("AttachmentLabel") == 1
    assert styles.index("AttachmentNote") < styles.index("AttachmentLabel")


def test_numbers_follow_the_parents_own_attachments(
    write_recipe: RecipeWriter, titled: Path
) -> None:
    """A record that lists its own 附件 (签到表) keeps them first: the bundle's attachment is
    附件2, and the record's 附件说明 lists both, its own first."""
    record = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml"
    path = write_recipe(
        f"name: x\ninputs:\n  m: {{path: {record}, kind: minutes}}\nsteps:\n"
        "  - {id: jilu, template: reports/zhiweihui-jilu, data: m}\n"
        "  - {id: b, template: titled.docx, data: {name: 会议材料}, attachment_of: jilu}\n"
    )
    docs = {d.step.id: d for d in _plan(path).values()}
    assert docs["b"].context["attachment_label"] == "附件2"
    assert docs["jilu"].context["attachment_note"].names == ("签到表", "会议材料")
    assert docs["jilu"].context["attachment_lines"] == ["1.签到表", "2.会议材料"]


DANGRI = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhuti-dangri.yaml"


def _record_recipe(write_recipe: RecipeWriter, record: Path, steps: str) -> Path:
    """A recipe binding ``steps`` (attachments of ``jilu``) to the 主题党日 record ``record``."""
    return write_recipe(
        f"name: x\ninputs:\n  m: {{path: {record}, kind: minutes}}\nsteps:\n"
        "  - {id: jilu, template: reports/zhuti-dangri-jilu, data: m}\n" + steps
    )


def test_a_bound_attachment_takes_the_place_of_the_entry_it_stands_for(
    write_recipe: RecipeWriter, titled: Path
) -> None:
    """The record lists 签到表, 走访记录表, 活动照片; the bundle binds a sign-in sheet standing
    for 签到表, a photo page standing for 活动照片 and one standing for nothing: the first
    two take 附件1 and 附件3 with their printed titles, 走访记录表 keeps 2, the third is
    appended as 4 — each name once, and every label the number the note gives it."""
    own = docgen.load_data(DANGRI).attachments  # type: ignore[attr-defined]
    assert list(own) == ["签到表", "走访记录表", "活动照片"]
    path = _record_recipe(
        write_recipe,
        DANGRI,
        "  - {id: qd, template: titled.docx, data: {name: 某次活动签到表}, attachment_of: jilu,"
        " stands_for: [签到册, 签到表]}\n"
        "  - {id: zp, template: titled.docx, data: {name: 某次活动影像资料}, attachment_of: jilu,"
        " stands_for: [活动照片]}\n"
        "  - {id: hz, template: titled.docx, data: {name: 意见汇总}, attachment_of: jilu,"
        " stands_for: [汇总表]}\n",
    )
    docs = {d.step.id: d for d in _plan(path).values()}
    names = docs["jilu"].context["attachment_note"].names
    assert names == ("某次活动签到表", "走访记录表", "某次活动影像资料", "意见汇总")
    assert len(set(names)) == len(names)
    assert docs["jilu"].context["attachment_lines"] == [
        "1.某次活动签到表",
        "2.走访记录表",
        "3.某次活动影像资料",
        "4.意见汇总",
    ]
    labels = {k: docs[k].context["attachment_label"] for k in ("qd", "zp", "hz")}
    assert labels == {"qd": "附件1", "zp": "附件3", "hz": "附件4"}
    for key, label in labels.items():
        number = int(label.removeprefix("附件"))
        assert names[number - 1] == docs[key].context["name"]


def test_one_document_listed_twice_by_the_record_is_listed_once(
    write_recipe: RecipeWriter, titled: Path, tmp_path: Path
) -> None:
    """A record that names its sign-in sheet twice (签到表 and 签到册): the bound sheet stands
    for both, keeps the first place, and the later name goes; the numbers close up."""
    text = DANGRI.read_text("utf-8").split("photos_per_page:")[0]  # the photos stay behind
    twice = text.replace(
        "[签到表, 走访记录表, 活动照片]", "[签到表, 走访记录表, 签到册。, 活动照片]"
    )
    assert twice != text
    record = tmp_path / "record.yaml"
    record.write_text(twice, encoding="utf-8")
    (tmp_path / "branches").symlink_to(ROOT / "fixtures/school/branches")
    path = _record_recipe(
        write_recipe,
        record,
        "  - {id: qd, template: titled.docx, data: {name: 签到用表}, attachment_of: jilu,"
        " stands_for: [签到表, 签到册]}\n",
    )
    docs = {d.step.id: d for d in _plan(path).values()}
    assert docs["jilu"].context["attachment_note"].names == ("签到用表", "走访记录表", "活动照片")
    assert docs["qd"].context["attachment_label"] == "附件1"


def test_one_entry_two_documents_stand_for_is_an_error(
    write_recipe: RecipeWriter, titled: Path
) -> None:
    """Two bound documents cannot both be the record's one 签到表: an error naming both steps
    and the entry, saying what to remove."""
    path = _record_recipe(
        write_recipe,
        DANGRI,
        "  - {id: qd, template: titled.docx, data: {name: 甲}, attachment_of: jilu,"
        " stands_for: [签到表]}\n"
        "  - {id: qd2, template: titled.docx, data: {name: 乙}, attachment_of: jilu,"
        " stands_for: [签到册, 签到表]}\n",
    )
    recipe = load_recipe(path)
    with pytest.raises(BundleError) as info:
        make_plan(recipe, resolve_vars(recipe))
    assert info.value.message_zh.startswith(f"{path}:")
    assert "步骤“qd”和“qd2”都代表所属文档附件中的“签到表”" in info.value.message_zh
    assert "stands_for" in info.value.message_en


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("  - {id: b, template: titled.docx, stands_for: [签到表]}\n", "没有 attachment_of"),
        (
            "  - {id: b, template: titled.docx, attachment_of: a, foreach: '[1]',"
            " output: 'b{{ item }}', stands_for: [签到表]}\n",
            "带 foreach",
        ),
        (
            "  - {id: b, template: titled.docx, attachment_of: a, stands_for: [签到表, '  ']}\n",
            "空白的名称",
        ),
    ],
    ids=["no-parent", "foreach", "blank"],
)
def test_impossible_stands_for_is_refused_at_the_key(
    write_recipe: RecipeWriter, titled: Path, step: str, message: str
) -> None:
    """``stands_for`` on a step that is no attachment, on a step of several documents, or
    with a blank name: an error at the key's line of the recipe file, saying what to do."""
    path = write_recipe("name: x\nsteps:\n  - {id: a, template: titled.docx}\n" + step)
    (found,) = _problems(path)
    assert found.startswith(f"{path}:4:")
    assert "steps[1].stands_for: " in found
    assert message in found


def test_huiyi_jishi_note_and_labels_agree_on_paper(tmp_path: Path) -> None:
    """The 主题党日 sample volume as printed (LibreOffice, pdftotext): the record's 附件说明
    reads 1.<the sheet's title> 2.走访记录表 3.<the photo page's title>, names the sign-in
    sheet once, and the pages labelled 附件1 and 附件3 are the sheet and the photo page."""
    result = Bundle.load("huiyi-jishi").build(tmp_path, sample=True, pdf=True, pdf_workers=1)
    assert result.ok, [f.message for f in result.failures]
    (volume,) = (o.path for o in result.outputs if o.kind == "merged")
    text = subprocess.run(
        ["pdftotext", str(volume.with_suffix(".pdf")), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = ["".join(page.split()) for page in text.split("\f")]
    labelled: dict[int, str] = {}
    for page in pages:
        found = re.match(r"附件(\d+)(中共.*?(?:签到表|影像资料))", page)
        if found:
            labelled[int(found[1])] = found[2]
    assert sorted(labelled) == [1, 3]
    assert labelled[1].endswith("主题党日活动签到表")
    assert labelled[3].endswith("主题党日活动影像资料")
    (note,) = (page for page in pages if "附件：" in page)
    assert f"附件：1.{labelled[1]}2.走访记录表3.{labelled[3]}主持人" in note
    assert note.count("签到表") == 1
