"""Pictures named in data come only from the render's image folder, or as bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.engine.rich.sources import image_bytes, read_allowed
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import block_png


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    images = tmp_path / "images"
    (images / "sub").mkdir(parents=True)
    (images / "sub" / "logo.png").write_bytes(block_png())
    (tmp_path / "secret.png").write_bytes(block_png((9, 9, 9)))
    return images


def test_a_name_inside_the_folder_is_read(folder: Path) -> None:
    """A relative name, in a subfolder too, gives the file's bytes."""
    assert read_allowed("sub/logo.png", folder) == (folder / "sub" / "logo.png").read_bytes()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../secret.png", "不在图片文件夹内"),
        ("sub/../../secret.png", "不在图片文件夹内"),
        ("/etc/passwd", "不在图片文件夹内"),
        ("C:\\Windows\\win.ini", "不在图片文件夹内"),
        ("missing.png", "找不到"),
        ("   ", "文件名为空"),
    ],
)
def test_names_outside_the_folder_are_refused(folder: Path, name: str, reason: str) -> None:
    """Absolute paths, drive letters and .. never leave the folder; a missing file says so."""
    with pytest.raises(ValueError, match=reason):
        read_allowed(name, folder)


def test_a_symlink_out_of_the_folder_is_refused(folder: Path) -> None:
    """A link inside the folder that points outside it is not followed."""
    (folder / "link.png").symlink_to(folder.parent / "secret.png")
    with pytest.raises(ValueError, match="符号链接"):
        read_allowed("link.png", folder)


def test_without_a_folder_no_file_is_read() -> None:
    """A render that allowed no folder reads no file, and says how to allow one."""
    with pytest.raises(ValueError, match="没有指定图片文件夹"):
        read_allowed("logo.png", None)


def test_bytes_pass_and_other_values_are_refused() -> None:
    """Bytes the program passes are its own; a number is not a picture."""
    blob = block_png()
    assert image_bytes(blob) == blob
    assert image_bytes(bytearray(blob)) == blob
    with pytest.raises(ValueError, match="不是图片"):
        image_bytes(42)


def test_a_data_value_cannot_reach_outside_the_folder(folder: Path) -> None:
    """Through a template: the data names ../secret.png, the render fails at the tag."""
    template = docgen.Template(make_docx(p("{{ pic|floating(20) }}")))
    out = template.render({"pic": "sub/logo.png"}, images=folder)
    assert b"docgen_" in out  # the picture's media part was added
    with pytest.raises(docgen.RenderError, match="不在图片文件夹内") as caught:
        template.render({"pic": "../secret.png"}, images=folder)
    assert caught.value.location is not None
    assert caught.value.location.part == "word/document.xml"
    with pytest.raises(docgen.RenderError, match="没有指定图片文件夹"):
        template.render({"pic": "sub/logo.png"})
