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
* **Profile settings** (written into each fresh profile before the office first starts):
  links from documents outside trusted locations are blocked (``BlockUntrustedRefererLinks``:
  linked pictures are not loaded, from disk or web), links are never updated on load, macros
  never run, and every proxy points at a closed port on 127.0.0.1 so that even where the
  namespace is unavailable nothing leaves the machine.

Where ``unshare`` is missing or the kernel refuses user namespaces (some containers), the
office runs with the profile settings alone; :func:`isolation` says which wall stands.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

__all__ = ["PROFILE_SETTINGS", "isolation", "launcher", "seed_profile"]

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


def launcher() -> list[str]:
    """The words to put before ``soffice`` so that it starts without network (or none)."""
    return list(_namespace_prefix())


def isolation() -> str:
    """``"network namespace + profile"`` or ``"profile"``: which walls an office starts behind."""
    return "network namespace + profile" if _namespace_prefix() else "profile"


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
