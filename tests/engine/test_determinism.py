"""The same template and data always give the same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docgen
from tests.docx_builder import make_docx, p, table

BENCH = Path(__file__).resolve().parents[2] / "bench" / "rectification.docx"


def _context() -> dict[str, object]:
    import yaml

    sample = Path(__file__).resolve().parents[2] / "bench" / "sample.yaml"
    data: dict[str, object] = yaml.safe_load(sample.read_text(encoding="utf-8"))
    return data


def test_same_inputs_same_bytes() -> None:
    """Two renders of one compiled template are byte-identical."""
    template = docgen.load(BENCH)
    assert template.render(_context()) == template.render(_context())


def test_recompiled_template_gives_same_bytes() -> None:
    """A fresh compile of the same file renders byte-identical output."""
    first = docgen.Template(BENCH.read_bytes()).render(_context())
    second = docgen.Template(BENCH.read_bytes()).render(_context())
    assert first == second


def test_untouched_members_are_copied_as_stored() -> None:
    """Members without tags keep their exact compressed bytes and CRC (the core properties
    are written: each render stamps its dates)."""
    source = BENCH.read_bytes()
    out = docgen.load(BENCH).render(_context())
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(io.BytesIO(out)) as zout:
        original = {i.filename: i for i in zin.infolist()}
        written = {"word/document.xml", "docProps/core.xml"}
        copied = [i for i in zout.infolist() if i.filename not in written]
        assert copied, "expected members besides the body"
        for info in copied:
            assert info.CRC == original[info.filename].CRC
            assert info.compress_size == original[info.filename].compress_size
        assert [i.filename for i in zout.infolist()] == list(original)


def test_images_and_loops_are_deterministic() -> None:
    """Fresh ids and media names come out the same on every render."""
    import struct
    import zlib

    def png(w: int, h: int) -> bytes:
        raw = b"".join(b"\x00" + b"\xff\x00\x00" * w for _ in range(h))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (
                struct.pack(">I", len(data))
                + kind
                + data
                + struct.pack(">I", zlib.crc32(kind + data))
            )

        ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b"")
        )

    template = docgen.Template(
        make_docx(p("{%p for x in xs %}") + table(["{{ x }}"]) + p("{%p endfor %}"))
    )
    context = {"xs": [docgen.InlineImage(png(4, 2), width=docgen.Mm(20)) for _ in range(3)]}
    first, second = template.render(context), template.render(context)
    assert first == second
    assert docgen.verify_package(first) == []
