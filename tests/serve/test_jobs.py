"""Batch jobs over HTTP: 202, progress as server-sent events, results, report, cancel, restart."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from tests.serve.conftest import Server, start_server

pytestmark = [pytest.mark.real, pytest.mark.slow]

RECT = "fixtures/school/xxgc-jg1/2026/rectification.yaml"


def job_files(repo: Path, branches: list[str]) -> tuple[bytes, list[tuple[str, bytes]]]:
    """A roster naming one data file per branch, and those files."""
    book = openpyxl.Workbook()
    book.active.append(["编号", "整改数据"])
    files = []
    for number, branch in enumerate(branches, start=1):
        data = yaml.safe_load((repo / RECT).read_text("utf-8"))
        data.pop("branch_file")
        data["branch"] = branch
        name = f"支部{number}.yaml"
        files.append(("files", (name, yaml.safe_dump(data, allow_unicode=True).encode())))
        book.active.append([number, name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), files  # type: ignore[return-value]


def test_batch_followed_to_completion(server: Server, repo: Path) -> None:
    roster, files = job_files(repo, ["甲支部", "乙支部", "丙支部"])
    with server.client() as http:
        started = http.post(
            "/api/jobs",
            data={"bundle": "zhenggai"},
            files=[("roster", ("花名册.xlsx", roster)), *files],
        )
        assert started.status_code == 202, started.text
        job = started.json()
        events = []
        with http.stream("GET", job["events_url"]) as stream:
            for line in stream.iter_lines():
                if line.startswith("data: "):
                    events.append(json.loads(line[6:]))
        result = http.get(job["result_url"])
        report = http.get(job["report_url"])
        shown = http.get(f"/api/jobs/{job['id']}").json()
    assert events[-1]["status"] == "done"
    assert [e["done"] for e in events] == sorted(e["done"] for e in events)
    assert events[-1]["done"] == events[-1]["total"] == 3
    assert shown["failed_rows"] == []
    names = zipfile.ZipFile(io.BytesIO(result.content)).namelist()
    for branch in ("甲支部", "乙支部", "丙支部"):
        assert f"{branch}整改材料/{branch}整改材料合订本.docx" in names
    rows = list(openpyxl.load_workbook(io.BytesIO(report.content))["结果"].values)
    assert [r[2] for r in rows[1:4]] == ["成功", "成功", "成功"]


def test_roster_naming_other_files_is_refused(server: Server) -> None:
    book = openpyxl.Workbook()
    book.active.append(["编号", "整改数据"])
    book.active.append([1, "../../fixtures/school/xxgc-jg1/2026/rectification.yaml"])
    book.active.append([2, "/etc/passwd"])
    out = io.BytesIO()
    book.save(out)
    with server.client() as http:
        answer = http.post(
            "/api/jobs",
            data={"bundle": "zhenggai"},
            files=[("roster", ("花名册.xlsx", out.getvalue()))],
        )
    assert answer.status_code == 422
    problems = answer.json()["error"]["problems"]
    assert [p["code"] for p in problems] == ["file_reference_refused"] * 2
    assert [p["location"] for p in problems] == ["花名册.xlsx[Sheet]!B2", "花名册.xlsx[Sheet]!B3"]


def test_cancel_and_unknown_and_running_job(server: Server, repo: Path) -> None:
    roster, files = job_files(repo, [f"第{n}支部" for n in range(8)])
    with server.client() as http:
        job = http.post(
            "/api/jobs", data={"bundle": "zhenggai"}, files=[("roster", ("r.xlsx", roster)), *files]
        ).json()
        early = http.get(job["result_url"])
        cancelled = http.delete(f"/api/jobs/{job['id']}").json()
        unknown = http.get("/api/jobs/" + "f" * 32)
        bad_id = http.get("/api/jobs/..%2F..%2Fetc")
    assert early.status_code in (200, 409)  # 409 while it runs
    assert cancelled["status"] in ("cancelled", "done")
    assert cancelled["done"] < 8 or cancelled["status"] == "done"
    assert unknown.status_code == 404
    assert bad_id.status_code == 404


def test_finished_job_survives_a_restart(tmp_path: Path, repo: Path) -> None:
    roster, files = job_files(repo, ["丁支部"])
    first = start_server(tmp_path)
    try:
        with first.client() as http:
            job = http.post(
                "/api/jobs",
                data={"bundle": "zhenggai"},
                files=[("roster", ("r.xlsx", roster)), *files],
            ).json()
            with http.stream("GET", job["events_url"]) as stream:
                for _ in stream.iter_lines():
                    pass
            before = http.get(job["result_url"]).content
    finally:
        first.stop()
    second = start_server(tmp_path)
    try:
        with second.client() as http:
            shown = http.get(f"/api/jobs/{job['id']}").json()
            after = http.get(job["result_url"]).content
    finally:
        second.stop()
    assert shown["status"] == "done"
    assert (
        zipfile.ZipFile(io.BytesIO(after)).namelist()
        == zipfile.ZipFile(io.BytesIO(before)).namelist()
    )
