"""Loading checks every member once: bounded inflation, CRCs, XML, DTDs, duplicate names."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
import textwrap
import time
import zipfile
import zlib

import pytest

import docgen
from docgen.engine import unzip, zipout
from docgen.exceptions import CorruptPackageError, TemplateError
from tests.docx_builder import make_docx, p
from tests.hostile_docx import (
    DTD_DOCUMENT,
    GOOD,
    MB,
    bad_crc,
    lying_member,
    replaced,
    with_entries,
    zeros_stream,
)

STYLES = b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


def _refused(blob: bytes, member: str, code: str) -> CorruptPackageError:
    with pytest.raises(CorruptPackageError) as info:
        docgen.Template(blob, "坏模板.docx")
    err = info.value
    assert [pr.code for pr in err.problems] == [code]
    assert member in str(err)
    assert "坏模板.docx" in str(err)
    return err


def test_member_larger_than_declared_is_refused_by_name() -> None:
    """A media member that declares 1 MB but holds 64 MB stops one chunk past its size."""
    blob = with_entries(GOOD, lying_member("word/media/image9.png", MB, 64 * MB))
    _refused(blob, "word/media/image9.png", "member_size_mismatch")


def test_member_smaller_than_declared_is_refused() -> None:
    """Declaring more than the member holds is a lie too."""
    honest = zipout.deflated_entry("word/media/a.bin", os.urandom(MB))
    blob = with_entries(GOOD, dataclasses.replace(honest, size=2 * MB))
    _refused(blob, "word/media/a.bin", "member_size_mismatch")


def test_bad_crc_is_refused() -> None:
    """A member whose bytes do not match its CRC is damaged, even when it would parse."""
    _refused(bad_crc(GOOD, "word/document.xml"), "word/document.xml", "bad_crc")


def test_duplicate_member_names_are_refused() -> None:
    """Two members with one name: which one a reader sees differs, so neither is kept."""
    styles = zipout.deflated_entry("word/styles.xml", STYLES)
    blob = with_entries(GOOD, styles, styles)
    _refused(blob, "word/styles.xml", "duplicate_member")


def test_malformed_copied_part_is_refused() -> None:
    """word/styles.xml is only copied into the output; it is parsed anyway, once, on load."""
    blob = with_entries(
        GOOD,
        zipout.deflated_entry("word/styles.xml", STYLES.replace(b"/>", b"><w:style></w:styles>")),
    )
    _refused(blob, "word/styles.xml", "part_not_well_formed")


def test_dtd_with_entities_is_refused() -> None:
    """OPC forbids DTDs; a document part with entity declarations is refused on load."""
    doc = make_docx(p("{{ a }}"))
    with zipfile.ZipFile(io.BytesIO(doc)) as zf:
        body = zf.read("word/document.xml")
    body = DTD_DOCUMENT + body.split(b"?>", 1)[-1].replace(b"{{ a }}", b"&b;{{ a }}")
    _refused(replaced(doc, "word/document.xml", body), "word/document.xml", "dtd_in_part")


def test_every_problem_is_listed_at_once() -> None:
    """Two damaged members give two problems in one error."""
    blob = with_entries(GOOD, zipout.deflated_entry("word/media/x.png", os.urandom(MB)))
    blob = bad_crc(blob, "word/document.xml", "word/media/x.png")
    with pytest.raises(CorruptPackageError) as info:
        docgen.Template(blob)
    assert sorted(pr.code for pr in info.value.problems) == ["bad_crc", "bad_crc"]


def test_truncated_archive_is_template_error() -> None:
    """Half a zip is not a zip: the error is a template error naming the file."""
    with pytest.raises(TemplateError, match=r"half\.docx"):
        docgen.Template(GOOD[: len(GOOD) // 2], "half.docx")


def test_good_package_members_keep_content_and_trees() -> None:
    """What passes the checks reads back byte for byte; XML members were parsed once."""
    members, problems = unzip.read_members(
        "t.docx", GOOD, zipfile.ZipFile(io.BytesIO(GOOD)).infolist()
    )
    assert problems == []
    with zipfile.ZipFile(io.BytesIO(GOOD)) as zf:
        for m in members:
            assert m.data() == zf.read(m.name)
            assert (m.tree is not None) == unzip.is_xml_name(m.name)


def test_zeros_stream_is_what_it_claims() -> None:
    """The test's own bomb builder: the stream really inflates to the size asked for."""
    assert len(zlib.decompress(zeros_stream(8 * MB), -15)) == 8 * MB


_CAPPED = textwrap.dedent(
    """
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    import docgen
    from docgen.exceptions import CorruptPackageError
    from tests.hostile_docx import GOOD, lying_member, with_entries
    blob = with_entries(GOOD, lying_member("word/media/image1.png", 1024 ** 2, 3 * 1024 ** 3))
    print(len(blob), file=sys.stderr)
    start = time.monotonic()
    try:
        docgen.Template(blob, "bomb.docx")
    except CorruptPackageError as err:
        print(round(time.monotonic() - start, 2), err.problems[0].code, str(err))
    """
)


def test_lying_member_of_3_gib_under_a_2_gib_address_space_cap() -> None:
    """1 MB declared, 3 GiB inside: refused quickly under a 2 GiB cap, naming member and file."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _CAPPED], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    seconds, code, message = done.stdout.split(" ", 2)
    assert code == "member_size_mismatch"
    assert "word/media/image1.png" in message
    assert "bomb.docx" in message
    assert float(seconds) < 20
    assert time.monotonic() - start < 60
