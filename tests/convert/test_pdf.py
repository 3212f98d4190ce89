"""PDF through the warm LibreOffice pool: fonts, crashes, hangs, missing LibreOffice."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from docgen.convert import OfficePool, ToolNotFound, to_pdf
from docgen.convert.office import Office
from docgen.exceptions import ConversionError
from tests.convert.chinese_docs import house_document, pages_document

pytestmark = pytest.mark.real


def _office_bin(office: Office) -> list[int]:
    """Process ids of soffice.bin in an office's process group."""
    pids = []
    for pid in office.process_ids():
        try:
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        if comm.startswith("soffice"):
            pids.append(pid)
    return pids


def _conversions_logged(folder: Path, source: Path) -> int:
    """How many times the offices under ``folder`` printed that they converted ``source``.

    By name: LibreOffice may read the copy that keeps line-end punctuation (same name, in the
    office's own folder, see :mod:`docgen.convert.punctuation`) rather than the file itself.
    """
    logs = "".join(p.read_text(errors="replace") for p in folder.glob("worker*/office.log"))
    ends = f"/{source.name} ->"
    return sum(1 for line in logs.splitlines() if line.startswith("convert ") and ends in line)


def test_house_fonts_are_embedded_as_the_free_stand_ins(house_pdf: tuple[Path, object]) -> None:
    """pdffonts lists FandolFang, -Kai, -Hei and FandolSong Bold; no WenQuanYi, no Noto Sans."""
    pdf, _ = house_pdf
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    listed = fonts.stdout
    for face in ("FandolFang-Regular", "FandolKai-Regular", "FandolHei-Regular", "FandolSong-Bold"):
        assert face in listed, listed
    assert "WenQuanYi" not in listed
    assert "NotoSansCJK" not in listed


def test_ling_is_printed(house_pdf: tuple[Path, object]) -> None:
    """〇 (U+3007) comes out of the PDF as text, in a date written with it."""
    pdf, result = house_pdf
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "二〇二六年" in text.stdout
    assert result.warnings == []  # type: ignore[attr-defined]


def test_rare_character_is_warned_about(office_pool: OfficePool, tmp_path: Path) -> None:
    """A CJK Extension B character in 仿宋 gives one warning naming it; the PDF is still made."""
    source = house_document(tmp_path / "rare.docx", extra_body="姓名中有生僻字𠀀。")
    result = office_pool.convert([source], tmp_path)
    assert result.ok
    codes = [w.code for w in result.warnings]
    assert codes == ["glyph_fallback"]
    assert "𠀀" in result.warnings[0].message_zh
    assert "U+20000" in result.warnings[0].message_en


def test_batch_keeps_input_order_and_writes_next_to_sources(
    office_pool: OfficePool, tmp_path: Path
) -> None:
    """Without an output folder each PDF lands beside its source; outputs follow input order."""
    sources = [pages_document(tmp_path / f"p{n}.docx", 1) for n in range(4)]
    result = office_pool.convert(sources)
    assert [c.path for c in result.outputs] == [(tmp_path / f"p{n}.pdf") for n in range(4)]
    assert all(c.path.read_bytes().startswith(b"%PDF") for c in result.outputs)
    assert all(c.attempts == 1 for c in result.outputs)


def test_missing_file_and_same_target_are_reported(office_pool: OfficePool, tmp_path: Path) -> None:
    """A missing source is a failure (not tried); two sources with one target are refused."""
    result = office_pool.convert([tmp_path / "nowhere.docx"], tmp_path)
    assert [(f.source.name, f.attempts) for f in result.failures] == [("nowhere.docx", 0)]
    (tmp_path / "a").mkdir()
    with pytest.raises(ConversionError, match="同一个文件"):
        office_pool.convert([tmp_path / "x.docx", tmp_path / "a" / "x.docx"], tmp_path)


def test_killed_office_only_delays_the_file_in_flight(tmp_path: Path) -> None:
    """Killing soffice.bin mid-file: that file is retried and converted, the others convert once."""
    sources = [pages_document(tmp_path / f"k{n}.docx", 1) for n in range(6)]
    sent: list[Path] = []
    lock = threading.Lock()

    def kill_third(source: Path, office: Office) -> None:
        with lock:
            sent.append(source)
            if len(sent) == 3:
                for pid in _office_bin(office):
                    os.kill(pid, signal.SIGKILL)

    work = tmp_path / "pool"
    with OfficePool(2, workdir=work, observer=kill_third) as pool:
        result = pool.convert(sources, tmp_path / "out")
        victim = sent[2]
        assert result.ok, [f.message for f in result.failures]
        assert result.restarts == 1
        attempts = {c.source: c.attempts for c in result.outputs}
        assert attempts.pop(victim) == 2
        assert set(attempts.values()) == {1}
        assert len(sent) == len(sources) + 1
        for source in sources:
            if source != victim:
                assert _conversions_logged(work, source) == 1, source


def test_hung_office_hits_the_timeout_and_is_restarted(tmp_path: Path) -> None:
    """A stopped (hung) office times out, is killed and restarted, and the file still converts."""
    sources = [pages_document(tmp_path / f"h{n}.docx", 1) for n in range(2)]
    calls: list[Path] = []

    def freeze_second(source: Path, office: Office) -> None:
        calls.append(source)
        if len(calls) == 2:
            for pid in _office_bin(office):
                os.kill(pid, signal.SIGSTOP)

    with OfficePool(1, timeout=4, observer=freeze_second) as pool:
        began = time.monotonic()
        result = pool.convert(sources, tmp_path / "out")
        elapsed = time.monotonic() - began
    assert result.ok, [f.message for f in result.failures]
    assert [c.attempts for c in result.outputs] == [1, 2]
    assert result.restarts == 1
    assert elapsed >= 4


def test_missing_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no soffice on PATH, to_pdf raises ToolNotFound naming the Debian package."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    with pytest.raises(ToolNotFound) as caught:
        to_pdf([tmp_path / "a.docx"], tmp_path)
    assert "apt-get install libreoffice-writer-nogui" in caught.value.message_zh
    assert "apt-get install libreoffice-writer-nogui" in caught.value.message_en
    assert caught.value.exit_code == 7
