"""docxtpl's replace_pic / replace_media / replace_embedded / replace_zipname, on the output.

Each replacement swaps the bytes of one zip member of the finished document:
a picture found by its name, title or description in the body, headers and
footers; a media or embedded file found by the CRC of the file it replaces;
or a member named outright. Every other member is copied as it is.
"""

from __future__ import annotations

import binascii
import io
import zipfile
from dataclasses import dataclass, field
from os import PathLike
from typing import IO

from docgen.engine import ooxml
from docgen.engine.package import Package, read_rels
from docgen.exceptions import ReplacementError

Source = str | PathLike[str] | IO[bytes]


def read_source(source: Source) -> bytes:
    """The bytes of a path or a binary file object."""
    if hasattr(source, "read"):
        data = source.read()
        return data if isinstance(data, bytes) else bytes(data)
    with open(source, "rb") as fh:
        return fh.read()


def crc(source: Source) -> int:
    """The zip CRC-32 of a file's bytes, as docxtpl matches media by it."""
    return binascii.crc32(read_source(source)) & 0xFFFFFFFF


@dataclass
class Replacements:
    """Everything asked for since the last ``reset_replacements()``."""

    pics: dict[str, bytes] = field(default_factory=dict)
    media: dict[int, bytes] = field(default_factory=dict)
    embedded: dict[int, bytes] = field(default_factory=dict)
    zipnames: dict[str, bytes] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.pics or self.media or self.embedded or self.zipnames)

    def apply(self, blob: bytes, allow_missing_pics: bool = False) -> bytes:
        """``blob`` (a .docx) with every replacement made."""
        if not self:
            return blob
        with zipfile.ZipFile(io.BytesIO(blob)) as zin:
            by_name = dict(self.zipnames)
            by_name.update(self._pictures(blob, allow_missing_pics))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    zout.writestr(info, self._new_bytes(info, by_name) or zin.read(info))
        return out.getvalue()

    def _new_bytes(self, info: zipfile.ZipInfo, by_name: dict[str, bytes]) -> bytes | None:
        if info.filename in by_name:
            return by_name[info.filename]
        if info.filename.startswith("word/media/"):
            return self.media.get(info.CRC)
        if info.filename.startswith("word/embeddings/"):
            return self.embedded.get(info.CRC)
        return None

    def _pictures(self, blob: bytes, allow_missing: bool) -> dict[str, bytes]:
        if not self.pics:
            return {}
        package = Package("<rendered>", blob)
        found: dict[str, bytes] = {}
        done: set[str] = set()
        for part in _picture_parts(package):
            rels = read_rels(package, part)
            for data in ooxml.parse(package.read(part)).iter(ooxml.qn("a:graphicData")):
                blip = data.find(f".//{ooxml.qn('a:blip')}")
                rel = rels.get(blip.get(ooxml.qn("r:embed"), "")) if blip is not None else None
                pr = data.find(f".//{ooxml.qn('pic:cNvPr')}")
                if data.get("uri") != ooxml.PIC or rel is None or rel.external or pr is None:
                    continue
                keys = {pr.get(k, "") for k in ("name", "title", "descr")}
                for key, new in self.pics.items():
                    if key in keys:
                        found[rel.target] = new
                        done.add(key)
                        break
        missing = sorted(set(self.pics) - done)
        if missing and not allow_missing:
            raise ReplacementError(
                f"模板中找不到图片 {missing[0]}（按图片的名称、标题或说明查找）",
                f"picture {missing[0]} not found in the docx template "
                "(looked up by its name, title and description)",
            )
        return found


def _picture_parts(package: Package) -> list[str]:
    """The main document and its headers and footers (where docxtpl looks)."""
    main = package.main_part()
    rels = read_rels(package, main).values()
    extra = [r.target for r in rels if r.short in ("header", "footer") and package.has(r.target)]
    return [main, *extra]
