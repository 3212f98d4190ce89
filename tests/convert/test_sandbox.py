"""The office itself reaches nothing outside the document, even when the preflight is bypassed.

Each test hands LibreOffice a document that links a secret picture on the disk, a picture on a
web server on 127.0.0.1 and an ``INCLUDEPICTURE`` of another URL, straight through
:class:`~docgen.convert.office.Office` (no preflight). An unguarded office is converted too, so
the document is known to reach out when nothing stops it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.convert import sandbox
from docgen.convert.office import Office
from docgen.convert.tools import find_soffice
from docgen.fonts import fontconfig_env
from tests.convert.outside import pdf_images, pdf_text, reaching_out


def _convert(source: Path, folder: Path, *, isolated: bool) -> Path:
    folder.mkdir()
    office = Office(find_soffice(), folder, fontconfig_env(), isolated=isolated)
    try:
        office.start(90)
        return office.convert(source, "pdf", 60)
    finally:
        office.close()


@pytest.mark.real
@pytest.mark.parametrize("walls", ["namespace and profile", "profile alone"])
def test_isolated_office_reads_no_file_and_fetches_no_url(
    walls: str, server: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both walls, and the profile alone (where user namespaces are refused): nothing read."""
    url, hits = server
    if walls == "profile alone":
        monkeypatch.setattr(sandbox, "_namespace_prefix", lambda: ())
    source = reaching_out(tmp_path, url, "隔离正文")
    pdf = _convert(source, tmp_path / "office", isolated=True)
    assert hits == []
    assert pdf_images(pdf) == []
    assert "隔离正文" in pdf_text(pdf)


@pytest.mark.real
def test_unguarded_office_does_reach_out(server: tuple[str, list[str]], tmp_path: Path) -> None:
    """The control: without the walls, the same document is fetched and the secret embedded."""
    url, hits = server
    pdf = _convert(reaching_out(tmp_path, url, "隔离正文"), tmp_path / "office", isolated=False)
    assert hits  # LibreOffice 7.4 fetches the linked picture
    sizes = {tuple(line.split()[3:5]) for line in pdf_images(pdf)}
    assert ("37", "23") in sizes  # the secret picture from the disk


@pytest.mark.real
def test_launcher_leaves_no_network(server: tuple[str, list[str]]) -> None:
    """A process started through the launcher cannot connect to a server on 127.0.0.1.

    Debian 12 lets an unprivileged user create the namespace; this fails (never skips)
    where it cannot, so a machine without the first wall is noticed.
    """
    url, hits = server
    assert sandbox.isolation() == "network namespace + profile"
    port = url.rsplit(":", 1)[1]
    probe = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5)"
    done = subprocess.run(
        [*sandbox.launcher(), sys.executable, "-c", probe], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "unreachable" in done.stderr or "refused" in done.stderr, done.stderr
    assert hits == []


def test_profile_settings_survive_libreoffice_rewriting_them(tmp_path: Path) -> None:
    """Seeding a profile twice adds nothing; an item LibreOffice lost is put back at the end."""
    profile = tmp_path / "profile"
    sandbox.seed_profile(profile)
    settings = profile / "user" / "registrymodifications.xcu"
    assert settings.read_text(encoding="utf-8") == sandbox.PROFILE_SETTINGS
    sandbox.seed_profile(profile)
    assert settings.read_text(encoding="utf-8") == sandbox.PROFILE_SETTINGS
    block = next(line for line in sandbox.PROFILE_SETTINGS.splitlines() if "BlockUntrusted" in line)
    rewritten = sandbox.PROFILE_SETTINGS.replace(block, block.replace("true", "false"))
    settings.write_text(rewritten, encoding="utf-8")
    sandbox.seed_profile(profile)
    text = settings.read_text(encoding="utf-8")
    assert text.rindex(block) > text.index(block.replace("true", "false"))
    assert text.rstrip().endswith("</oor:items>")
