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
@pytest.mark.parametrize("walls", ["all walls", "namespace and profile", "profile alone"])
def test_isolated_office_reads_no_file_and_fetches_no_url(
    walls: str, server: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every wall, and fewer (where bwrap or user namespaces are refused): nothing read."""
    url, hits = server
    if walls != "all walls":
        monkeypatch.setattr(sandbox, "_bwrap", lambda: None)
    if walls == "profile alone":
        monkeypatch.setattr(sandbox, "_namespace_prefix", lambda: ())
    source = reaching_out(tmp_path, url, "隔离正文")
    pdf = _convert(source, tmp_path / "office", isolated=True)
    assert hits == []
    assert pdf_images(pdf) == []
    assert "隔离正文" in pdf_text(pdf)


@pytest.mark.real
def test_walled_office_cannot_read_the_disk_even_when_its_profile_allows(
    server: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file-system wall alone keeps the secret picture out: with the profile's link
    blocking switched off (not seeded), the office still finds no file to embed."""
    url, hits = server
    monkeypatch.setattr(sandbox, "seed_profile", lambda profile: None)
    pdf = _convert(reaching_out(tmp_path, url, "隔离正文"), tmp_path / "office", isolated=True)
    assert pdf_images(pdf) == []
    assert hits == []
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
def test_launcher_leaves_no_network(server: tuple[str, list[str]], tmp_path: Path) -> None:
    """A process started through the launcher cannot connect to a server on 127.0.0.1.

    Debian 12 lets an unprivileged user build the namespaces (bubblewrap is in
    scripts/apt-packages.txt); this fails (never skips) where it cannot, so a machine without
    the walls is noticed.
    """
    url, hits = server
    assert sandbox.isolation() == "own file system + network namespace + profile"
    port = url.rsplit(":", 1)[1]
    probe = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5)"
    done = subprocess.run(
        [*_walls(tmp_path), sys.executable, "-c", probe], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "unreachable" in done.stderr or "refused" in done.stderr, done.stderr
    assert hits == []


def _walls(tmp_path: Path) -> list[str]:
    own, pipes = tmp_path / "own", tmp_path / "pipes"
    own.mkdir(exist_ok=True)
    pipes.mkdir(exist_ok=True)
    # The interpreter (a venv may live anywhere) is readable, like the office's own install.
    return sandbox.launcher(own, pipes, [Path(sys.prefix), Path(sys.base_prefix)])


@pytest.mark.real
def test_launcher_shows_only_the_offices_own_folder(tmp_path: Path) -> None:
    """Through the launcher a file beside the office's folder does not exist; the folder's own
    files do, /tmp is the pipe folder, and what is written there is seen outside."""
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    walls = _walls(tmp_path)
    (tmp_path / "own" / "mine.txt").write_text("自己的", encoding="utf-8")
    probe = (
        "import os, pathlib, sys; "
        f"print(os.path.exists({str(secret)!r}), os.path.exists(os.path.expanduser('~/.bashrc')), "
        f"pathlib.Path({str(tmp_path / 'own' / 'mine.txt')!r}).read_text(encoding='utf-8')); "
        "open('/tmp/pipe-marker', 'w').close()"
    )
    done = subprocess.run([*walls, sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "自己的"]
    assert (tmp_path / "pipes" / "pipe-marker").exists()


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
