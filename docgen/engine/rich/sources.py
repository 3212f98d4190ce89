"""Where a picture named in data may come from: the render's image folder, or bytes.

A data file or a template that says ``印章: seal.png`` names a file; it must not be
able to name *any* file (``/etc/passwd``, ``../../私人/身份证.jpg``, a symlink out).
Such a name is read only from inside the folder the caller allowed for this render
(``render(…, images=folder)``; ``docgen render`` allows the data file's folder), as a
regular file of a picture format, and never larger than :data:`MAX_IMAGE_BYTES`.
Bytes and picture values that the calling program made itself are its own business
and pass as they are.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from docgen.engine.images import InlineImage
from docgen.i18n import tr

#: A seal, signature or photo is a few hundred KB; 20 MB leaves room and stops a huge file.
MAX_IMAGE_BYTES = 20 * 1024 * 1024

#: What a picture value may be given as: a picture the program made, bytes, or a file name.
ImageData = InlineImage | bytes | str


def image_bytes(value: Any, what: str = "") -> bytes | InlineImage:
    """The picture ``value`` stands for: a picture value or bytes as they are, a name read
    from the render's image folder. ``what`` names the value in messages (“印章图片”)."""
    what = what or tr("图片", "picture")
    if isinstance(value, InlineImage | bytes):
        return value
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str | os.PathLike):
        return read_allowed(str(value), allowed_folder(), what)
    raise ValueError(
        tr(
            f"{what}的值 {value!r} 不是图片：请给出图片文件名（相对于图片文件夹）",
            f"the {what} value {value!r} is not a picture: give a file name in the image folder",
        )
    )


def allowed_folder() -> Path | None:
    """The image folder of the render under way (``None``: no folder allowed)."""
    from docgen.engine.values import CURRENT

    state = CURRENT.get(None)
    return None if state is None else state.image_root


def read_allowed(name: str, folder: Path | None, what: str = "") -> bytes:
    """The bytes of picture ``name`` inside ``folder``, refused with a clear reason otherwise."""
    what = what or tr("图片", "picture")
    text = name.strip()
    if not text:
        raise ValueError(tr(f"{what}的文件名为空", f"the {what} file name is empty"))
    if folder is None:
        raise ValueError(
            tr(
                f"{what} {text} 不能从文件读取：本次生成没有指定图片文件夹"
                "（Python 中用 render(…, images=文件夹)，命令行中图片放在数据文件旁）",
                f"{what} {text} cannot be read from a file: this render allows no image "
                "folder (pass images=folder to render; the CLI allows the data file's folder)",
            )
        )
    posix, windows = PurePosixPath(text), PureWindowsPath(text)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or ".." in posix.parts:
        raise ValueError(
            tr(
                f"{what} {text} 不在图片文件夹内：只能写图片文件夹中的相对文件名，"
                "不能用绝对路径或 ..",
                f"{what} {text} is outside the image folder: write a name relative to it, "
                "without an absolute path or ..",
            )
        )
    base = folder.resolve()
    path = (base / text).resolve()
    if not path.is_relative_to(base):
        raise ValueError(
            tr(
                f"{what} {text} 指向图片文件夹以外（符号链接）：请把图片本身放进文件夹",
                f"{what} {text} leads outside the image folder (a symlink): put the picture "
                "itself in the folder",
            )
        )
    if not path.is_file():
        raise ValueError(
            tr(
                f"找不到{what} {text}（在图片文件夹 {folder.name or folder} 中）",
                f"{what} {text} not found in the image folder {folder.name or folder}",
            )
        )
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise ValueError(
            tr(
                f"{what} {text} 超过 {MAX_IMAGE_BYTES // 1024 // 1024} MB，请压缩后再用",
                f"{what} {text} is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MB",
            )
        )
    return path.read_bytes()
