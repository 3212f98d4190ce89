"""The zip writer and what a render does to the package's members."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

import docgen
from docgen.engine import zipout
from tests.docx_builder import make_docx, p, paragraph_texts


def raw_members(blob: bytes) -> dict[str, tuple[int, int, int, bytes]]:
    """(compress type, CRC, size, stored bytes) of each member, read from its local header."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        for info in zf.infolist():
            name_len, extra_len = struct.unpack_from("<HH", blob, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            out[info.filename] = (
                info.compress_type,
                info.CRC,
                info.file_size,
                blob[start : start + info.compress_size],
            )
    return out


def with_extra_members(base: bytes) -> bytes:
    """``base`` plus members of every kind: stored, deflated at level 9, non-ASCII, binary."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
        dst.writestr(
            "word/styles.xml",
            "<styles>" + "x" * 500 + "</styles>",
            compress_type=zipfile.ZIP_DEFLATED,
            compresslevel=9,
        )
        dst.writestr("word/stored.bin", bytes(range(256)) * 4, compress_type=zipfile.ZIP_STORED)
        dst.writestr("customXml/说明.xml", "<a>中文</a>", compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


TEMPLATE = with_extra_members(make_docx(p("{{ a }}"), header=p("固定页眉"), footer=p("{{ f }}")))


def test_untouched_members_are_byte_identical() -> None:
    """Every member without tags is copied with the same method, CRC, size and stored bytes."""
    out = docgen.Template(TEMPLATE).render({"a": "A", "f": "F"})
    before, after = raw_members(TEMPLATE), raw_members(out)
    rendered = {"word/document.xml", "word/footer1.xml"}
    untouched = set(before) - rendered
    assert "word/header1.xml" in untouched
    assert "word/stored.bin" in untouched
    for name in sorted(untouched):
        assert after[name] == before[name], name
    for name in rendered:
        assert after[name][3] != before[name][3]


def test_output_is_valid_zip_without_duplicates() -> None:
    """The output passes zipfile's CRC check, has no duplicate names and keeps member order."""
    out = docgen.Template(TEMPLATE).render({"a": "A", "f": "F"})
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert zf.read("customXml/说明.xml").decode("utf-8") == "<a>中文</a>"
    assert len(names) == len(set(names))
    with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as zf:
        assert names == zf.namelist()


def test_rendered_zip_opens_in_python_docx() -> None:
    """python-docx opens the rendered file and sees the rendered text."""
    from docx import Document

    out = docgen.Template(TEMPLATE).render({"a": "正文 & 内容", "f": "页脚"})
    doc = Document(io.BytesIO(out))
    assert [q.text for q in doc.paragraphs] == ["正文 & 内容"]
    assert doc.sections[0].footer.paragraphs[0].text == "页脚"
    assert paragraph_texts(out, "word/header1.xml") == ["固定页眉"]


def test_template_without_tags_round_trips() -> None:
    """A template with no tags at all renders to a package with the same members and bytes."""
    blob = with_extra_members(make_docx(p("没有标记")))
    out = docgen.Template(blob).render({})
    assert raw_members(out) == raw_members(blob)


# -- the writer itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "data"),
    [
        (zipout.deflated_entry("a.xml", b"<a/>" * 100), b"<a/>" * 100),
        (zipout.deflated_entry("空.xml", b""), b""),
        (zipout.stored_entry("word/media/x.png", b"\x89PNG..."), b"\x89PNG..."),
        (zipout.stored_entry("名字/图.bin", bytes(range(256))), bytes(range(256))),
    ],
)
def test_write_zip_entries_read_back(entry: zipout.Entry, data: bytes) -> None:
    """Entries written by write_zip read back with zipfile, CRC checked, names in UTF-8."""
    blob = zipout.write_zip([entry])
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert zf.testzip() is None
        (info,) = zf.infolist()
        assert info.filename == entry.name.decode("utf-8")
        assert zf.read(info) == data
        assert bool(info.flag_bits & 0x800) == (not info.filename.isascii())
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_copied_entry_reuses_stored_bytes() -> None:
    """copied_entry writes the source member's compressed bytes and header fields unchanged."""
    src = raw_members(TEMPLATE)
    with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as zf:
        infos = zf.infolist()
    entries = [zipout.copied_entry(i, src[i.filename][3]) for i in infos]
    blob = zipout.write_zip(entries)
    assert raw_members(blob) == src
    with zipfile.ZipFile(io.BytesIO(blob)) as zf, zipfile.ZipFile(io.BytesIO(TEMPLATE)) as orig:
        assert zf.testzip() is None
        assert [i.date_time for i in zf.infolist()] == [i.date_time for i in orig.infolist()]


def test_precomputed_local_blocks_give_same_bytes() -> None:
    """Supplying local blocks by position gives the same archive as packing each entry."""
    entries = [zipout.deflated_entry("a", b"aaaa"), zipout.stored_entry("b", b"bb")]
    blocks = {1: entries[1].local_block()}
    assert zipout.write_zip(entries, blocks) == zipout.write_zip(entries)


def test_deflated_entry_is_deterministic_and_raw_deflate() -> None:
    """The same data gives the same entry; its bytes are a raw deflate stream."""
    data = "整改措施".encode() * 50
    a, b = zipout.deflated_entry("x", data), zipout.deflated_entry("x", data)
    assert a == b
    assert zlib.decompress(a.compressed, -15) == data
    assert a.crc == zlib.crc32(data)


def test_empty_archive() -> None:
    """An archive with no entries is still a valid (empty) zip."""
    with zipfile.ZipFile(io.BytesIO(zipout.write_zip([]))) as zf:
        assert zf.namelist() == []
