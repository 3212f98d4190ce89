"""``docgen render`` reads pictures the data names from the data file's folder, or --images;
--watermark marks every page."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

import docgen
from docgen.cli import main
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import seal_png


def _setup(tmp_path: Path, name: str) -> tuple[Path, Path]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "seal.png").write_bytes(seal_png())
    (tmp_path / "elsewhere.png").write_bytes(seal_png(200))
    template = tmp_path / "t.docx"
    template.write_bytes(make_docx(p("{{ org|seal(stamp) }}")))
    data = tmp_path / "data" / "d.yaml"
    data.write_text(f"org: 第一党支部\nstamp: {name}\n", encoding="utf-8")
    return template, data


def test_the_data_files_folder_is_allowed(tmp_path: Path) -> None:
    """A seal next to the data file is placed; the document has one anchored picture."""
    template, data = _setup(tmp_path, "seal.png")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["render", str(template), str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert docgen.verify_package(out.read_bytes()) == []
    with zipfile.ZipFile(out) as archive:
        assert archive.read("word/document.xml").count(b"<wp:anchor") == 1


def test_a_picture_outside_it_is_refused_unless_images_says_so(tmp_path: Path) -> None:
    """../elsewhere.png is an error naming the picture; --images moves the allowed folder."""
    template, data = _setup(tmp_path, "../elsewhere.png")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["render", str(template), str(data), "-o", str(out)])
    assert result.exit_code != 0
    assert "不在图片文件夹内" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    data.write_text("org: 第一党支部\nstamp: elsewhere.png\n", encoding="utf-8")
    args = ["render", str(template), str(data), "-o", str(out), "--images", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_watermark_option_marks_every_header(tmp_path: Path) -> None:
    """``--watermark 草稿`` gives the rendered file a header holding the mark."""
    template, data = _setup(tmp_path, "seal.png")
    out = tmp_path / "out.docx"
    args = ["render", str(template), str(data), "-o", str(out), "--watermark", "草稿"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
        assert headers
        assert all("草稿" in archive.read(n).decode() for n in headers)
