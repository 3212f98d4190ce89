"""A recipe's watermark: on every part, on every section of the merged volume, and in the PDF.

The recipe's own mark goes on each document and on the whole volume (cover and 目录 too); a
step's own replaces it on that step's documents (``false``: none on them, while the volume
still carries the recipe's). The PDF test reads every page of a built-in volume.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from docgen.bundle import Bundle
from docgen.bundle.hashing import data_hash
from docgen.bundle.production import Production
from docgen.cli import main
from docgen.convert import OfficePool
from docgen.engine.rich.watermark import has_watermark
from docgen.exceptions import RecipeError
from tests.bundle.conftest import RecipeWriter
from tests.engine.rich.pictures import seal_png

ROOT = Path(__file__).resolve().parents[2]
#: Body text is at most 二号 (22 pt); a watermark of a few characters is set far larger.
_MARK_PT = 30
_HEADER = re.compile(r"word/header\d+\.xml")


def _recipe(tmp_path: Path, name: str, edit: dict[str, str]) -> Path:
    """The built-in recipe ``name`` beside ``tmp_path`` (sample paths absolute), edited."""
    text = (ROOT / "templates" / "bundles" / f"{name}.yaml").read_text(encoding="utf-8")
    text = text.replace("sample: ../../fixtures/", f"sample: {ROOT / 'fixtures'}/")
    for old, new in edit.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _marks(blob: bytes) -> list[str]:
    """The texts of the watermarks in a .docx's header parts."""
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        headers = [package.read(n) for n in package.namelist() if _HEADER.fullmatch(n)]
    found = []
    for header in headers:
        if has_watermark(header):
            found.extend(re.findall(r"<w:t>([^<]*)</w:t>", header.decode()))
    return found


_NIANDU = {
    '\nwatermark: "{{ mark }}"': "\nwatermark: 草稿",
    "    merge: {start: section, restart_page_numbers: false}\n": (
        "    merge: {start: section, restart_page_numbers: false}\n    watermark: 征求意见稿\n"
    ),
    "    merge: {start: section, restart_page_numbers: true}\npackage": (
        "    merge: {start: section, restart_page_numbers: true}\n    watermark: false\npackage"
    ),
}


def _produce(path: Path) -> Production:
    made = Bundle.load(path).produce(sample=True)
    assert made.failures == []
    return made


def test_recipe_and_step_marks_on_each_document(tmp_path: Path) -> None:
    """计划: the recipe's 草稿; 安排表: its step's 征求意见稿; each 主题党日 record: none."""
    made = _produce(_recipe(tmp_path, "niandu", _NIANDU))
    by_step: dict[str, list[list[str]]] = {}
    for artifact in made.artifacts:
        if artifact.kind == "document" and artifact.blob is not None:
            by_step.setdefault(str(artifact.step), []).append(_marks(artifact.blob))
    assert {m for marks in by_step["jihua"] for m in marks} == {"草稿"}
    assert {m for marks in by_step["anpai"] for m in marks} == {"征求意见稿"}
    assert len(by_step["dangri"]) == 12
    assert all(marks == [] for marks in by_step["dangri"])


def test_a_workbook_step_takes_no_mark_and_the_documents_do(tmp_path: Path) -> None:
    """dangfei with ``mark=草稿``: the .xlsx ledger renders as before; 公示 and 汇总单 marked."""
    made = Bundle.load("dangfei").produce({"mark": "草稿"}, sample=True)
    assert made.failures == []
    plain = Bundle.load("dangfei").produce(sample=True)
    blobs = {a.relpath: a.blob for a in plain.artifacts}
    for artifact in made.artifacts:
        assert artifact.blob is not None
        if artifact.relpath.endswith(".xlsx"):
            assert artifact.blob == blobs[artifact.relpath]
        elif artifact.kind in ("document", "merged"):
            assert set(_marks(artifact.blob)) == {"草稿"}, artifact.relpath
            assert "草稿" not in set(_marks(blobs[artifact.relpath] or b""))


def test_the_mark_is_part_of_the_data_hash(tmp_path: Path) -> None:
    """Changing the watermark renders again: documents' and the volume's hashes change with it,
    and no watermark leaves them as they were before watermarks existed."""
    bundle = Bundle.load("zhenggai")
    plain, marked, other = (
        bundle.plan(v, sample=True) for v in ({}, {"mark": "草稿"}, {"mark": "征求意见稿"})
    )
    for docs in zip(plain.documents, marked.documents, other.documents, strict=True):
        assert len({d.data_hash for d in docs}) == 3
        assert docs[0].data_hash == data_hash(docs[0].context)
        assert docs[0].watermark is None
    assert plain.watermark is None
    assert marked.watermark is not None
    assert marked.watermark.text == "草稿"


def test_picture_mark_beside_the_recipe(tmp_path: Path) -> None:
    """``watermark: {image: 水印.png}``: the picture, washed out, in every document's header."""
    (tmp_path / "水印.png").write_bytes(seal_png(200))
    path = _recipe(
        tmp_path, "zhenggai", {'\nwatermark: "{{ mark }}"': "\nwatermark: {image: 水印.png}"}
    )
    made = _produce(path)
    for artifact in made.artifacts:
        if artifact.kind in ("document", "merged") and artifact.blob is not None:
            with zipfile.ZipFile(io.BytesIO(artifact.blob)) as package:
                media = [n for n in package.namelist() if n.startswith("word/media/docgen_")]
                heads = [package.read(n) for n in package.namelist() if _HEADER.fullmatch(n)]
            assert media, artifact.relpath
            assert any(b'bright="70000"' in h for h in heads)


@pytest.mark.parametrize(
    ("value", "where", "message"),
    [
        ("{text: 草稿, colour: grey}", "watermark.colour", "水印颜色“grey”无效"),
        ("{text: 草稿, image: a.png}", "watermark.text", "不能都写或都不写"),
        ("{image: ../a.png}", "watermark.image", "应放在配方所在文件夹内"),
        ("{image: 无此图.png}", "watermark.image", "无法读取水印图片“无此图.png”"),
        ("{image: recipe.yaml}", "watermark.image", "图片格式不受支持"),
        ("{text: 草稿, size_pt: 0}", "watermark.size_pt", "取值无效"),
        ("{text: 草稿, angle: 45}", "watermark.angle", "配方不认识这个键"),
    ],
)
def test_bad_marks_name_the_recipe_file_and_key(
    write_recipe: RecipeWriter, value: str, where: str, message: str
) -> None:
    path = write_recipe(
        f"""\
        name: 水印
        watermark: {value}
        steps:
          - id: one
            template: tiny.docx
        """
    )
    with pytest.raises(RecipeError) as info:
        Bundle.load(path)
    found = [p.describe() for p in info.value.problems]
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:2:"), found
    assert f": {where}: " in found[0], found
    assert message in found[0], found


def test_an_unknown_name_in_the_mark_fails_at_its_place(write_recipe: RecipeWriter) -> None:
    """A name the recipe lacks is found when the row is evaluated: the run fails, saying where."""
    path = write_recipe(
        """\
        name: 水印
        watermark: "{{ 稿别 }}"
        steps:
          - id: one
            template: tiny.docx
        """
    )
    made = Bundle.load(path).produce()
    (failure,) = made.failures
    assert f"{path}:2:" in failure.message_zh
    assert "watermark" in failure.message_zh
    assert "稿别" in failure.message_zh


def test_a_mark_on_a_workbook_step_is_refused(write_recipe: RecipeWriter) -> None:
    path = write_recipe(
        """\
        name: 水印
        steps:
          - id: book
            template: plans/dangfei-taizhang-xlsx
            watermark: 草稿
        """
    )
    with pytest.raises(RecipeError) as info:
        Bundle.load(path)
    (problem,) = info.value.problems
    assert problem.describe().startswith(f"{path}:5:")
    assert "Excel 工作簿，不能加水印" in problem.describe()


@pytest.mark.real
def test_every_page_of_the_merged_volume_carries_the_mark(tmp_path: Path) -> None:
    """The niandu volume on paper: cover, 目录, 计划, 安排表 (landscape) and the twelve records —
    every printed page holds 草稿 once (in large type) or, on the 安排表's landscape pages
    only, 征求意见稿; the
    only pages without are the blank backs duplex printing leaves (nothing at all on them)."""
    made = _produce(_recipe(tmp_path, "niandu", _NIANDU))
    volume = next(a for a in made.artifacts if a.kind == "merged")
    assert volume.blob is not None
    source = tmp_path / "volume.docx"
    source.write_bytes(volume.blob)
    with OfficePool(1) as pool:
        converted = pool.convert([source], tmp_path / "pdf")
    assert converted.failures == []
    blank = drafts = comments = 0
    with pdfplumber.open(converted.paths[0]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            mark = "".join(c["text"] for c in page.chars if c["size"] > _MARK_PT)
            if not text.strip():
                blank += 1
            elif page.width > page.height:  # the 安排表
                assert mark == "征求意见稿", number
                comments += 1
            else:
                assert mark == "草稿", number
                drafts += 1
        total = len(pdf.pages)
    assert blank + drafts + comments == total
    assert blank <= 2
    assert comments >= 2
    assert drafts >= 2 + 2 + 24  # cover, 目录, the 计划 and two pages per record at least


def test_cli_sets_the_mark(tmp_path: Path) -> None:
    """``docgen bundle zhenggai --sample --set mark=征求意见稿``: every .docx written is marked."""
    result = CliRunner().invoke(
        main, ["bundle", "zhenggai", "--sample", "--set", "mark=征求意见稿", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    written = sorted(tmp_path.rglob("*.docx"))
    assert len(written) == 4
    assert all(set(_marks(p.read_bytes())) == {"征求意见稿"} for p in written)
