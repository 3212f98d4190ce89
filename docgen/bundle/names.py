"""Output file names: whatever a pattern produced, made safe to use as one file name.

A value such as ``2025/2026学年`` must not create folders, ``..`` must not climb
out of the output folder, and Windows (where most of these files end up) must be
able to hold the name. Chinese is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata

from docgen.exceptions import BundleError

#: Characters no file name may hold on Windows or Linux, control characters, and the
#: bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9), which make a name
#: display in another order than it is stored (``a\u202excod.exe`` shows as ``aexe.docx``).
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')
#: Windows device names. Windows also counts the superscript digits ¹²³ as digits
#: after COM and LPT, and has the console devices CONIN$ and CONOUT$.
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")
}
#: Most file systems allow 255 bytes per name; a little is kept free for ``.part`` temp names.
MAX_NAME_BYTES = 200


def safe_name(raw: str, *, suffix: str | None = None) -> str:
    """``raw`` as one safe file name, with ``suffix`` (``.docx``) added when it lacks it.

    Path separators and characters Windows forbids become ``_``, leading dots and
    surrounding spaces go, reserved device names get a ``_`` in front, and an
    over-long name is shortened before its suffix. Raises :class:`BundleError`
    when nothing usable is left.
    """
    name = unicodedata.normalize("NFC", str(raw))
    name = _FORBIDDEN.sub("_", name).strip().lstrip(".").rstrip(". ")
    if suffix and not name.lower().endswith(suffix):
        name += suffix
    stem = name[: -len(suffix)] if suffix else name.rsplit(".", 1)[0]
    if not stem.strip("_ ."):
        raise BundleError(
            f"输出文件名为空或只有非法字符：{raw!r}",
            f"the output file name is empty or holds only forbidden characters: {raw!r}",
        )
    # Windows ignores trailing spaces and everything after the first dot when it
    # looks for a device name: ``CON .docx`` and ``NUL.tar.docx`` are devices too.
    if stem.split(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        name = "_" + name
    return _shorten(name)


def safe_folder(raw: str) -> str:
    """A folder name made safe the same way; an empty pattern means no folder (``""``)."""
    if not str(raw).strip():
        return ""
    return safe_name(raw)


def _shorten(name: str) -> str:
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 10:
        stem, dot, ext = name, "", ""
    tail = (dot + ext).encode("utf-8")
    budget = MAX_NAME_BYTES - len(tail)
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return cut + dot + ext


__all__ = ["MAX_NAME_BYTES", "safe_folder", "safe_name"]
