"""Safe on an intranet: loopback by default, token beyond it, CSRF, bounded queue (real servers)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import Server, start_server

pytestmark = pytest.mark.real


def test_refuses_to_listen_beyond_loopback_without_a_token(tmp_path: Path) -> None:
    answer = subprocess.run(
        [
            sys.executable,
            "-m",
            "docgen",
            "serve",
            "--host",
            "192.0.2.1",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "DOCGEN_LANG": "zh"},
    )
    assert answer.returncode == 2
    assert "访问令牌" in answer.stderr
    assert "DOCGEN_SERVE_TOKEN" in answer.stderr
    assert not (tmp_path / "jobs").exists()  # refused before anything was set up


def test_token_is_required_when_set(tmp_path: Path) -> None:
    server = start_server(tmp_path, env={"DOCGEN_SERVE_TOKEN": "s3cret-token"})
    try:
        with server.client() as http:
            missing = http.get("/api/templates", headers={"Accept-Language": "en"})
            wrong = http.get("/api/templates", headers={"Authorization": "Bearer nope"})
            right = http.get("/api/templates", headers={"Authorization": "Bearer s3cret-token"})
            page = http.get("/?token=s3cret-token", follow_redirects=True)
            with_cookie = http.get("/api/templates")  # the cookie the page set
        assert missing.status_code == 401
        assert missing.json()["error"]["code"] == "token_required"
        assert "token" in missing.json()["error"]["message"]
        assert wrong.status_code == 401
        assert right.status_code == 200
        assert page.status_code == 200  # redirected to / with the cookie set
        assert with_cookie.status_code == 200
    finally:
        server.stop()


def test_cross_site_requests_are_refused(server: Server) -> None:
    body = {"kind": "minutes", "data": {}}
    with server.client() as http:
        foreign = http.post("/api/validate", json=body, headers={"Origin": "http://evil.example"})
        fetch_site = http.post("/api/validate", json=body, headers={"Sec-Fetch-Site": "cross-site"})
        page = http.get("/")
        token = page.cookies["docgen_csrf"]
        without = http.post("/api/validate", json=body)  # carries the page's cookie, no header
        with_header = http.post("/api/validate", json=body, headers={"X-CSRF-Token": token})
        same_origin = http.post(
            "/api/validate",
            json=body,
            headers={"Origin": server.url, "X-CSRF-Token": token},
        )
    assert foreign.status_code == 403
    assert foreign.json()["error"]["code"] == "csrf_rejected"
    assert fetch_site.status_code == 403
    assert f'content="{token}"' in page.text
    assert without.status_code == 403
    assert with_header.status_code == 200
    assert same_origin.status_code == 200


def test_full_queue_answers_503_with_retry_after(tmp_path: Path, repo: Path) -> None:
    server = start_server(tmp_path, "--workers", "1", "--queue", "0")
    body = {
        "template": "reports/zhiweihui-jilu",
        "format": "pdf",
        "data": {"meeting_type": "支委会", "time": "2026-03-05"},
    }
    first: list[httpx.Response] = []
    try:
        worker = threading.Thread(
            target=lambda: first.append(
                httpx.post(server.url + "/api/render", json=body, timeout=180)
            )
        )
        worker.start()
        time.sleep(1.0)  # the first request now holds the only slot (starting an office)
        second = httpx.post(server.url + "/api/render", json=body, timeout=180)
        worker.join()
        cheap = httpx.get(server.url + "/api/templates", timeout=60)
    finally:
        server.stop()
    assert first[0].status_code == 200
    assert second.status_code == 503
    assert second.headers["retry-after"].isdigit()
    assert second.json()["error"]["code"] == "busy"
    assert cheap.status_code == 200  # listing does not queue behind rendering
