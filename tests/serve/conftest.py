"""A real ``docgen serve`` on 127.0.0.1 (a port the system picks), for the API and browser tests."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

_RUNNING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")


@dataclass
class Server:
    """A running server: its base URL, work folder, process and the log so far."""

    url: str
    workdir: Path
    process: subprocess.Popen[str]
    log: list[str]
    reader: threading.Thread

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=180, **kwargs)  # type: ignore[arg-type]

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_server(workdir: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    """Start ``docgen serve --port 0`` and wait until uvicorn says where it listens."""
    command = [sys.executable, "-m", "docgen", "serve", "--port", "0", "--workdir", str(workdir)]
    return launch([*command, *args], workdir, env)


def launch(command: list[str], workdir: Path, env: dict[str, str] | None = None) -> Server:
    """Start any uvicorn command on port 0 and wait until it says where it listens."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    assert process.stdout is not None
    log: list[str] = []
    for line in process.stdout:
        log.append(line)
        found = _RUNNING.search(line)
        if found:
            break
    else:
        process.wait()
        raise AssertionError("server did not start:\n" + "".join(log))
    # Keep reading the log so the pipe never fills.
    reader = threading.Thread(target=lambda: log.extend(process.stdout or []), daemon=True)
    reader.start()
    return Server(f"http://127.0.0.1:{found.group(1)}", workdir, process, log, reader)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("serve-work"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def repo() -> Path:
    return Path(__file__).resolve().parents[2]
