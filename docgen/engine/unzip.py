"""Reading zip members so that a package that lies cannot hurt: bounded, checked, parsed once.

Every member is inflated in small chunks against the size its directory entry
declares, so a member that claims 1 MB and holds gigabytes stops one chunk past
1 MB instead of filling memory; its CRC is compared; XML members are parsed
with the hardened parser and refused when they carry a DTD (OPC forbids them,
and entity declarations are the raw material of XML bombs); duplicate names are
refused (which copy a reader sees differs between programs). What comes out is
known good, so members that are only copied into an output are sound too.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from docgen.engine import ooxml
from docgen.exceptions import Location, Problem

#: Inflate this much at a time: the most a lying member can cost beyond its declared size.
CHUNK = 256 * 1024
_LOCAL_HEADER = b"PK\x03\x04"


class MemberProblem(Exception):
    """One member is unusable; carries the bilingual reason."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


@dataclass
class Member:
    """One zip member: its header info, its bytes exactly as stored, and its content."""

    info: zipfile.ZipInfo
    raw: bytes
    content: bytes
    tree: etree._Element | None = None

    @property
    def name(self) -> str:
        """The member's name inside the zip (no leading slash)."""
        return self.info.filename

    def data(self) -> bytes:
        """The member's uncompressed content (checked against its size and CRC)."""
        return self.content


def read_members(source: str, blob: bytes, infos: list[zipfile.ZipInfo]) -> tuple[
    list[Member], list[Problem]
]:  # fmt: skip
    """Every file member of the zip in ``blob``, and the problems of those that are unusable.

    XML members (``.xml``, ``.rels``) are parsed once; their trees ride along on
    the member for the first reader to take.
    """
    problems = [
        _problem(source, name, "duplicate_member", f"在压缩包中出现了 {count} 次",
                 f"occurs {count} times in the zip")
        for name, count in sorted(Counter(i.filename for i in infos).items()) if count > 1
    ]  # fmt: skip
    members: list[Member] = []
    for info in infos:
        if info.is_dir():
            continue
        try:
            raw = raw_bytes(blob, info)
            member = Member(info, raw, inflate(info, raw))
            if is_xml_name(member.name):
                member.tree = parse_xml(member.content)
        except MemberProblem as err:
            problems.append(_problem(source, info.filename, err.code, err.zh, err.en))
            continue
        members.append(member)
    return members, problems


def is_xml_name(name: str) -> bool:
    """Whether a member is XML by its name (how OPC packages name their XML parts)."""
    return name.lower().endswith((".xml", ".rels"))


def raw_bytes(blob: bytes, info: zipfile.ZipInfo) -> bytes:
    """The stored bytes of ``info``, located through its own local header."""
    offset = info.header_offset
    if blob[offset : offset + 4] != _LOCAL_HEADER:
        raise MemberProblem(
            "bad_local_header",
            "压缩包目录指向的位置没有该成员",
            "the zip directory points at no member",
        )
    # The local header repeats name and extra-field lengths, which may differ from
    # the central directory's, so they must be read from the local header itself.
    name_len, extra_len = struct.unpack_from("<HH", blob, offset + 26)
    start = offset + 30 + name_len + extra_len
    if start + info.compress_size > len(blob):
        raise MemberProblem("truncated_member", "成员数据被截断", "the member's data is cut short")
    return blob[start : start + info.compress_size]


def inflate(info: zipfile.ZipInfo, raw: bytes) -> bytes:
    """``raw`` uncompressed, never past the declared size, with the CRC checked."""
    if info.flag_bits & 0x1:
        raise MemberProblem("encrypted_member", "成员已加密，无法读取", "the member is encrypted")
    declared = info.file_size
    if info.compress_type == zipfile.ZIP_STORED:
        data = raw
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        data = _inflate_bounded(raw, declared)
    else:
        raise MemberProblem(
            "unsupported_compression",
            f"压缩方式 {info.compress_type} 不受支持（只支持存储和 deflate）",
            f"compression method {info.compress_type} is not supported (only stored and deflate)",
        )
    if len(data) != declared:
        raise _lying(declared, len(data))
    if zlib.crc32(data) != info.CRC:
        raise MemberProblem(
            "bad_crc",
            "成员内容的校验和（CRC）不符，文件已损坏",
            "the member's CRC does not match; the file is damaged",
        )
    return data


def _inflate_bounded(raw: bytes, declared: int) -> bytes:
    inflater = zlib.decompressobj(-15)
    out = bytearray()
    view = memoryview(raw)
    try:
        for start in range(0, len(raw), CHUNK):
            pending: bytes = view[start : start + CHUNK].tobytes()
            while pending:
                out += inflater.decompress(pending, CHUNK)
                if len(out) > declared:
                    raise _lying(declared, None)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error as err:
        raise MemberProblem(
            "bad_deflate",
            f"成员的压缩数据已损坏：{err}",
            f"the member's compressed data is damaged: {err}",
        ) from err
    if not inflater.eof:
        raise MemberProblem("truncated_member", "成员数据被截断", "the member's data is cut short")
    return bytes(out)


def _lying(declared: int, actual: int | None) -> MemberProblem:
    found_zh = f"实际 {actual} 字节" if actual is not None else "实际更大"
    found_en = f"holds {actual}" if actual is not None else "holds more"
    return MemberProblem(
        "member_size_mismatch",
        f"成员声明大小 {declared} 字节，{found_zh}（文件损坏或是压缩炸弹）",
        f"the member declares {declared} bytes but {found_en} (damaged file or zip bomb)",
    )


def parse_xml(data: bytes) -> etree._Element:
    """Parse one XML member; malformed XML or a DTD is a :class:`MemberProblem`."""
    try:
        root = ooxml.parse(data)
    except etree.XMLSyntaxError as err:
        raise MemberProblem(
            "part_not_well_formed",
            f"部件不是格式正确的 XML：{err}",
            f"the part is not well-formed XML: {err}",
        ) from err
    if root.getroottree().docinfo.internalDTD is not None:
        raise MemberProblem(
            "dtd_in_part",
            "部件含有 <!DOCTYPE>（DTD）；Office 文档不允许 DTD，其中的实体声明可用于攻击",
            "the part holds a <!DOCTYPE> (DTD); Office packages forbid DTDs, "
            "and their entities can attack a reader",
        )
    return root


def _problem(source: str, name: str, code: str, zh: str, en: str) -> Problem:
    # The member's own name, not a friendly part label: it is what a repair tool needs.
    return Problem(
        code, f"成员 {name}：{zh}", f"member {name}: {en}", Location(file=source, part=name)
    )


__all__ = ["CHUNK", "Member", "MemberProblem", "inflate", "parse_xml", "raw_bytes", "read_members"]
