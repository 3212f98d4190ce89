"""LibreOffice's own single-instance pipe, spoken from Python.

A running ``soffice`` listens on a Unix socket named after its profile folder
(``/tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<md5 of the profile URL>``). A second ``soffice`` started
with the same profile does not start an office: it connects, waits for
``InternalIPC::SendArguments``, sends its command line as ``InternalIPC::Arguments1<cwd URL>,<arg>,
<arg>…`` (NUL-terminated; ``\\``, ``,`` and NUL escaped with a backslash) and waits for
``InternalIPC::ProcessingDone``, which the office sends once the request (a ``--convert-to``
included) has been carried out. This module is that second process, minus the 0.1 s it takes to
start one. The protocol has been stable since LibreOffice 4 (``desktop/source/app/
officeipcthread.cxx``); a different answer raises :class:`OfficeProtocolError`.
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = [
    "OfficeGone",
    "OfficeHung",
    "OfficeProtocolError",
    "ping",
    "pipe_path",
    "send_command_line",
]

_SEND_ARGUMENTS = b"InternalIPC::SendArguments"
_PROCESSING_DONE = b"InternalIPC::ProcessingDone"
_PREFIX = "InternalIPC::Arguments"


class OfficeGone(Exception):
    """The office is not listening (not started yet, exited or crashed)."""


class OfficeHung(Exception):
    """The office took longer than the timeout to answer."""


class OfficeProtocolError(Exception):
    """The office answered something this client does not understand."""


def pipe_path(profile_url: str) -> Path:
    """The socket an office started with ``-env:UserInstallation=<profile_url>`` listens on.

    The name hashes the URL's UTF-16 code units with MD5 and prints each byte in hex *without*
    zero padding, exactly as LibreOffice does. The folder is /tmp, or /var/tmp when /tmp is not
    writable (sal/osl/unx/pipe.cxx).
    """
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    name = f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(f'{b:x}' for b in digest)}"
    folder = "/tmp" if os.access("/tmp", os.W_OK) else "/var/tmp"  # noqa: S108 - LibreOffice's choice
    return Path(folder) / name


def ping(path: Path, timeout: float) -> None:
    """Wait until the office is ready for requests, then hang up without sending one."""
    with _connect(path, timeout) as sock:
        _expect(sock, _SEND_ARGUMENTS)


def send_command_line(
    path: Path,
    args: Sequence[str],
    cwd: Path,
    timeout: float,
    on_sent: Callable[[], None] | None = None,
) -> None:
    """Hand ``args`` to the office as if typed on a second command line; return when done.

    ``on_sent`` is called once the office holds the request (monitoring and tests).
    """
    message = _PREFIX + "1" + _escape(cwd.resolve().as_uri())
    message += "".join("," + _escape(arg) for arg in args)
    with _connect(path, timeout) as sock:
        _expect(sock, _SEND_ARGUMENTS)
        try:
            sock.sendall(message.encode("utf-8") + b"\0")
        except OSError as err:
            raise OfficeGone(str(err)) from err
        if on_sent is not None:
            on_sent()
        _expect(sock, _PROCESSING_DONE)


#: Longest path a Unix socket address may hold on Linux (``sun_path`` is 108 bytes with its NUL).
_MAX_SOCKET_PATH = 107


def _connect(path: Path, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    folder = None
    try:
        address = str(path)
        if len(os.fsencode(address)) > _MAX_SOCKET_PATH:
            # A deep work folder: reach the socket through a short name for its folder.
            folder = os.open(path.parent, os.O_PATH | os.O_DIRECTORY)
            address = f"/proc/self/fd/{folder}/{path.name}"
        sock.connect(address)
    except (FileNotFoundError, ConnectionRefusedError) as err:
        sock.close()
        raise OfficeGone(f"{path}: {err}") from err
    except TimeoutError as err:
        sock.close()
        raise OfficeHung(f"{path}: connect timed out") from err
    finally:
        if folder is not None:
            os.close(folder)
    return sock


def _expect(sock: socket.socket, wanted: bytes) -> None:
    buffer = b""
    while not buffer.endswith(b"\0"):
        try:
            chunk = sock.recv(1024)
        except TimeoutError as err:
            raise OfficeHung(f"no {wanted.decode()} in time") from err
        except OSError as err:
            raise OfficeGone(str(err)) from err
        if not chunk:
            raise OfficeGone(f"pipe closed while waiting for {wanted.decode()}")
        buffer += chunk
    if buffer[:-1] != wanted:
        raise OfficeProtocolError(f"expected {wanted!r}, got {buffer[:80]!r}")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("\0", "\\0")
