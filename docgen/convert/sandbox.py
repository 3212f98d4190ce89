"""How an office is launched cut off from everything outside the document it converts.

The preflight (:mod:`docgen.convert.preflight`) removes the references docgen knows about
before LibreOffice sees a file. This module is the second wall, for whatever the preflight
does not know: the office itself is unable to reach out.

* **No network.** The office runs in a network namespace of its own (``unshare
  --map-current-user --net``, util-linux, no root needed where the kernel allows user
  namespaces, as Debian 12's does): the only interface is a loopback that is down, so a fetch
  fails at once. The single-instance pipe docgen talks through is a socket *file* in /tmp,
  which a network namespace does not hide. The user is mapped to itself, so the pipe's name
  (which holds the uid) and the owner of the files the office writes stay the same.
* **No files outside.** Where bubblewrap (``bwrap``, Debian's ``bubblewrap``) can build a
  mount namespace, the office sees a file system made for it: the system folders it runs
  from (``/usr``, ``/etc``, ``/opt``) read-only, its own folder (profile, input copies, output),
  the fonts docgen configured, and nothing else: no home folders, no /tmp of other programs,
  no document folder of the user. The file to convert is copied into the office's folder
  first. The office's ``/tmp`` is a folder docgen owns, so its single-instance pipe (which
  LibreOffice always creates in ``/tmp``) appears there and docgen connects to it. bwrap runs
  as the calling user (no setuid, no root); a namespace is what lets it mount.
* **Profile settings** (written into each fresh profile before the office first starts):
  links from documents outside trusted locations are blocked (``BlockUntrustedRefererLinks``:
  linked pictures are not loaded, from disk or web), links are never updated on load, macros
  never run, and every proxy points at a closed port on 127.0.0.1 so that even where the
  namespace is unavailable nothing leaves the machine.

Where bwrap is missing, the office runs behind ``unshare`` (network only); where that is
refused too (some containers), with the profile settings alone. :func:`isolation` says which
walls stand.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PROFILE_SETTINGS", "isolation", "launcher", "seed_profile", "walled"]

#: A closed port on the loopback address: the proxy nothing can be fetched through.
_NO_PROXY_HOST = "127.0.0.1"
_NO_PROXY_PORT = 1

_ITEMS = [
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    # Writer's "update links when loading": 2 = never (0 always, 1 on request).
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "2"),
    # 1 = manual proxy settings, all of them pointing nowhere, no exceptions.
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", _NO_PROXY_HOST),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", str(_NO_PROXY_PORT)),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", _NO_PROXY_HOST),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", str(_NO_PROXY_PORT)),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", _NO_PROXY_HOST),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", str(_NO_PROXY_PORT)),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
]


def _item(path: str, name: str, value: str) -> str:
    return (
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
    )


_END = "</oor:items>"
#: The user layer of a profile (``user/registrymodifications.xcu``) holding the settings above.
PROFILE_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    + "".join(_item(*item) for item in _ITEMS)
    + _END
    + "\n"
)


def seed_profile(profile: Path) -> None:
    """Make sure a profile folder holds the settings before an office starts on it.

    A fresh profile gets them as its whole user layer. A profile LibreOffice has already
    written (a restarted office, a caller's own work folder) keeps its items, and any of ours
    it lacks or holds with another value are added at its end, where they win.
    """
    settings = profile / "user" / "registrymodifications.xcu"
    if not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(PROFILE_SETTINGS, encoding="utf-8")
        return
    text = settings.read_text(encoding="utf-8")
    missing = "".join(_item(*item) for item in _ITEMS if _item(*item) not in text)
    if missing and _END in text:
        head, _, tail = text.rpartition(_END)
        settings.write_text(head + missing + _END + tail, encoding="utf-8")
    elif missing:  # not a settings file LibreOffice wrote: start it again from ours
        settings.write_text(PROFILE_SETTINGS, encoding="utf-8")


def launcher(
    folder: Path,
    pipe_dir: Path,
    readable: Iterable[Path] = (),
    writable: Iterable[Path] = (),
) -> list[str]:
    """The words to put before ``soffice`` so that it starts behind every wall there is.

    ``folder`` is the office's own folder (read and written), ``pipe_dir`` the host folder
    that becomes its ``/tmp`` (where its pipe appears), ``readable`` further paths it may
    read (fonts) and ``writable`` paths it may also write (fontconfig's cache). Without
    bwrap these are not needed: the office sees the whole disk, and at most loses its network.
    """
    if not walled():
        return list(_namespace_prefix())
    return [*_bwrap_prefix(folder, pipe_dir, readable, writable)]


def walled() -> bool:
    """True when offices start in a file system of their own (bwrap works here)."""
    return _bwrap() is not None


def isolation() -> str:
    """Which walls an office starts behind, in words (for reports and benchmarks)."""
    if walled():
        return "own file system + network namespace + profile"
    return "network namespace + profile" if _namespace_prefix() else "profile"


#: The office's /tmp inside its namespace (a folder of ours is mounted there).
_OFFICE_TMP = "/tmp"  # noqa: S108 - not a file we create: a mount point in the namespace

#: System folders an office runs from, read-only (missing ones are skipped).
_SYSTEM = ("/usr", "/etc", "/opt", "/var/cache/fontconfig", "/var/lib/dbus")
#: On a merged-/usr system these are symlinks into /usr, recreated as such.
_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


def _bwrap_prefix(
    folder: Path, pipe_dir: Path, readable: Iterable[Path], writable: Iterable[Path]
) -> tuple[str, ...]:
    bwrap = _bwrap()
    assert bwrap is not None  # noqa: S101 - callers check walled() first
    words = [bwrap, "--unshare-net", "--die-with-parent", "--proc", "/proc", "--dev", "/dev"]
    for name in _SYSTEM:
        words += ["--ro-bind-try", name, name]
    for name in _LINKS:
        link = Path(name)
        if link.is_symlink():
            words += ["--symlink", str(link.readlink()), name]
        elif link.is_dir():
            words += ["--ro-bind", name, name]
    # Order matters: /tmp first, then folders that may lie below it.
    words += ["--bind", str(pipe_dir), _OFFICE_TMP]
    for path in readable:
        if path.exists():
            words += ["--ro-bind", str(path), str(path)]
    for path in [*writable, folder]:
        if path.exists():
            words += ["--bind", str(path), str(path)]
    return tuple(words)


@functools.cache
def _bwrap() -> str | None:
    # Probed once per process: whether the kernel lets this user build namespaces.
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return None
    with tempfile.TemporaryDirectory(prefix="docgen-bwrap-") as scratch:
        folder = Path(scratch)
        probe = [bwrap, "--unshare-net", "--ro-bind", "/", "/", "--bind", str(folder), _OFFICE_TMP]
        try:
            done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
                [*probe, "true"], capture_output=True, timeout=10, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    return bwrap if done.returncode == 0 else None


@functools.cache
def _namespace_prefix() -> tuple[str, ...]:
    # Probed once per process: the kernel's answer does not change while docgen runs.
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    prefix = (unshare, "--map-current-user", "--net")
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [*prefix, "true"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return prefix if done.returncode == 0 else ()
