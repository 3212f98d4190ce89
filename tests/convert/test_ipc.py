"""The single-instance pipe protocol, against a fake office listening on a Unix socket."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from docgen.convert import ipc


def test_pipe_name_matches_libreoffice() -> None:
    """The MD5 of the UTF-16 URL, bytes in unpadded hex, as a running office named its socket."""
    path = ipc.pipe_path("file:///tmp/exp/prof1")
    assert path.name.endswith("_SingleOfficeIPC_78e0543fcffa4e2421fc8c6c6447feca")
    assert path.name.startswith("OSL_PIPE_")


class FakeOffice:
    """Answers one connection: greets, records the request, then replies ``reply`` (or hangs)."""

    def __init__(self, path: Path, reply: bytes | None) -> None:
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # Bound through a short name for the folder, as LibreOffice binds /tmp in its walls.
        folder = os.open(path.parent, os.O_PATH | os.O_DIRECTORY)
        try:
            self.server.bind(f"/proc/self/fd/{folder}/{path.name}")
        finally:
            os.close(folder)
        self.server.listen(1)
        self.reply = reply
        self.received = b""
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Let a hanging office go and free its socket."""
        self.release.set()
        self.thread.join(5)
        self.server.close()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            conn.sendall(b"InternalIPC::SendArguments\0")
            while not self.received.endswith(b"\0"):
                chunk = conn.recv(4096)
                if not chunk:
                    return
                self.received += chunk
            if self.reply is None:
                self.release.wait(5)  # hang until the test is over
                return
            conn.sendall(self.reply)


Starter = Callable[[bytes | None], FakeOffice]


@pytest.fixture
def sock_path(tmp_path: Path) -> Path:
    """A socket path in the test's folder."""
    return tmp_path / "s"


@pytest.fixture
def fake(sock_path: Path) -> Iterator[Callable[[bytes | None], FakeOffice]]:
    """Start fake offices on ``sock_path``; all are closed after the test."""
    started: list[FakeOffice] = []

    def start(reply: bytes | None) -> FakeOffice:
        started.append(FakeOffice(sock_path, reply))
        return started[-1]

    yield start
    for office in started:
        office.close()


def test_arguments_are_escaped_and_done_is_awaited(sock_path: Path, fake: Starter) -> None:
    """Commas, backslashes and Chinese survive; the call returns on ProcessingDone."""
    office = fake(b"InternalIPC::ProcessingDone\0")
    ipc.send_command_line(sock_path, ["--convert-to", "pdf", "/d/意见,a\\b.docx"], Path("/"), 5)
    office.thread.join(5)
    text = office.received.decode("utf-8")
    assert text == "InternalIPC::Arguments1file:///,--convert-to,pdf,/d/意见\\,a\\\\b.docx\0"


def test_closed_pipe_means_gone(sock_path: Path, fake: Starter) -> None:
    """An office that hangs up before answering counts as gone; no socket at all, too."""
    fake(b"")
    with pytest.raises(ipc.OfficeGone):
        ipc.send_command_line(sock_path, ["x"], Path("/"), 5)
    with pytest.raises(ipc.OfficeGone):
        ipc.ping(sock_path.with_name("none"), 1)


def test_silence_means_hung(sock_path: Path, fake: Starter) -> None:
    """No answer within the timeout raises OfficeHung."""
    fake(None)
    with pytest.raises(ipc.OfficeHung):
        ipc.send_command_line(sock_path, ["x"], Path("/"), 0.3)


def test_unknown_answer_is_a_protocol_error(sock_path: Path, fake: Starter) -> None:
    """A different reply is reported, not taken for success."""
    fake(b"something else\0")
    with pytest.raises(ipc.OfficeProtocolError):
        ipc.send_command_line(sock_path, ["x"], Path("/"), 5)


def test_a_socket_deeper_than_an_address_holds_is_reached(tmp_path: Path) -> None:
    """A work folder so deep that the socket's path exceeds 107 bytes (an office's ipc folder
    under a long temporary folder): the request still arrives."""
    deep = tmp_path / ("很长的工作文件夹" * 6)
    deep.mkdir()
    path = deep / "OSL_PIPE_0_SingleOfficeIPC_0123456789abcdef0123456789abcdef"
    assert len(os.fsencode(path)) > 107
    office = FakeOffice(path, b"InternalIPC::ProcessingDone\0")
    try:
        ipc.send_command_line(path, ["--version"], Path("/"), 5)
        office.thread.join(5)
        assert office.received.endswith(b",--version\0")
    finally:
        office.close()
