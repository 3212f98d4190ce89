"""Round trip (issue 9 §6): each template's output, opened by LibreOffice and saved again as .docx,
keeps every character of its text; the re-saved file still opens in python-docx."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx as python_docx
import pytest

from docgen.inspect.docx_text import visible_text
from docgen.inspect.fidelity import align, normalised
from tests.templates.conftest import case_id
from tests.templates.reading import Docx

pytestmark = [pytest.mark.real, pytest.mark.slow]


@pytest.fixture(scope="module")
def resaved(
    rendered: dict[tuple[str, str], Docx], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    """Every full render saved again by LibreOffice, all in one soffice call."""
    soffice = shutil.which("soffice")
    assert soffice, "soffice is needed for this test (see scripts/apt-packages.txt)"
    folder = tmp_path_factory.mktemp("roundtrip")
    out = folder / "resaved"
    pairs = {}
    for (name, variant), doc in rendered.items():
        if variant == "full":
            path = folder / f"{case_id((name, variant)).replace('/', '__')}.docx"
            path.write_bytes(doc.blob)
            pairs[name] = (path, out / path.name)
    profile = (folder / "lo-profile").as_uri()  # private: no lock shared with other offices
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *(str(p) for p, _ in pairs.values()),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return pairs


def test_libreoffice_resave_keeps_every_character(resaved: dict[str, tuple[Path, Path]]) -> None:
    """No character of any template's text is lost or moved by a LibreOffice round trip."""
    lost = {}
    for name, (original, again) in resaved.items():
        assert again.is_file(), f"LibreOffice wrote no {again.name}"
        before = normalised(visible_text(original))[0]
        after = normalised(visible_text(again))[0]
        missing = "".join(c for c, k in zip(before, align(before, after), strict=True) if k is None)
        if missing:
            lost[name] = missing
        python_docx.Document(io.BytesIO(again.read_bytes()))  # still a readable .docx
    assert lost == {}
    assert len(resaved) >= 20
