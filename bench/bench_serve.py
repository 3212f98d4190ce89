"""``docgen serve`` under load and faults, against docxtpl wrapped in the same framework.

Run: ``.venv/bin/python bench/bench_serve.py [--renders 200] [--pdfs 50] [--rows 12] [--json]``

Everything runs against real servers on 127.0.0.1 (ports the system picks), in one run:

1. **render**: ``--renders`` concurrent POSTs of the 整改措施 benchmark template (30 rows, a
   different seed per request) to ``docgen serve`` (the template uploaded, then rendered by
   ``upload:<sha256>``) and to docxtpl behind FastAPI + uvicorn (``bench/serve_docxtpl.py``).
   All must succeed; prints requests/s, p50 and p95 latency of each, and the ratios.
2. **pdf**: ``--pdfs`` concurrent PDF renders of a library template through the warm pool.
3. **kill**: the same PDF load while one soffice worker is killed (SIGKILL) mid-run: each
   request must succeed (the pool restarts the office and retries) or get a clean JSON error,
   and a request afterwards must succeed.
4. **restart**: a batch job of ``--rows`` rows; the server is killed (SIGKILL, whole process
   group) once some rows are done and started again on the same work folder: the job must
   resume by itself, keep the rows finished before the kill and complete.

No wall-clock asserts: figures and ratios are printed; the exit status is 1 only when a
request that must succeed failed or the job did not resume.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import openpyxl  # noqa: E402
import yaml  # noqa: E402

from bench.data import make_context  # noqa: E402
from tests.serve.conftest import Server, start_server  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"
MINUTES = {"meeting_type": "支委会", "time": "2026-03-05", "location": "信息楼A座418会议室"}
RECT = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"


class BaselineServer:
    """docxtpl behind FastAPI, on uvicorn in a thread of this process (port from the system)."""

    def __init__(self) -> None:
        import threading

        import uvicorn

        from bench.serve_docxtpl import app

        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def stats(latencies: list[float], seconds: float) -> dict[str, float]:
    cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
    return {
        "requests": len(latencies),
        "per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(cuts[18] * 1000, 1),
    }


async def fire(
    url: str, bodies: list[dict[str, Any]]
) -> tuple[list[httpx.Response], list[float], float]:
    """POST every body at once; the answers, each one's latency, and the wall time."""
    limits = httpx.Limits(max_connections=len(bodies), max_keepalive_connections=len(bodies))
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:

        async def one(body: dict[str, Any]) -> tuple[httpx.Response, float]:
            began = time.perf_counter()
            answer = await client.post(url, json=body)
            return answer, time.perf_counter() - began

        began = time.perf_counter()
        done = await asyncio.gather(*(one(b) for b in bodies))
        wall = time.perf_counter() - began
    return [d[0] for d in done], [d[1] for d in done], wall


def render_load(docgen: Server, baseline: BaselineServer, count: int) -> dict[str, Any]:
    with docgen.client() as http:
        uploaded = http.post("/api/templates", files={"file": ("t.docx", TEMPLATE.read_bytes())})
        uploaded.raise_for_status()
        name = uploaded.json()["template"]
        http.post("/api/render", json={"template": name, "data": make_context(30, 0)})  # warm-up
    httpx.post(baseline.url + "/render", json={"data": make_context(30, 0)}, timeout=60)
    contexts = [make_context(30, seed) for seed in range(count)]
    ours, our_times, our_wall = asyncio.run(
        fire(docgen.url + "/api/render", [{"template": name, "data": c} for c in contexts])
    )
    theirs, their_times, their_wall = asyncio.run(
        fire(baseline.url + "/render", [{"data": c} for c in contexts])
    )
    result = {
        "docgen": {**stats(our_times, our_wall), "ok": sum(a.status_code == 200 for a in ours)},
        "docxtpl": {
            **stats(their_times, their_wall),
            "ok": sum(a.status_code == 200 for a in theirs),
        },
    }
    result["ratio_rps"] = round(result["docgen"]["per_second"] / result["docxtpl"]["per_second"], 2)
    result["ratio_p50"] = round(result["docxtpl"]["p50_ms"] / result["docgen"]["p50_ms"], 2)
    return result


def pdf_load(docgen: Server, count: int, kill: bool) -> dict[str, Any]:
    body = {"template": "reports/zhiweihui-jilu", "format": "pdf", "data": MINUTES}
    with docgen.client() as http:
        http.post("/api/render", json=body).raise_for_status()  # the offices are warm now
    killed: list[int] = []

    async def run() -> tuple[list[httpx.Response], list[float], float]:
        task = asyncio.create_task(fire(docgen.url + "/api/render", [body] * count))
        if kill:
            await asyncio.sleep(1.5)
            killed.extend(kill_one_office(docgen.workdir))
        return await task

    answers, times, wall = asyncio.run(run())
    codes: dict[str, int] = {}
    for answer in answers:
        key = str(answer.status_code)
        if answer.status_code != 200:
            key += ":" + answer.json()["error"]["code"]  # a clean error names its code
        codes[key] = codes.get(key, 0) + 1
    with docgen.client() as http:
        after = http.post("/api/render", json=body).status_code
    return {**stats(times, wall), "answers": codes, "killed_pids": killed, "after": after}


def kill_one_office(workdir: Path) -> list[int]:
    """SIGKILL one soffice process of this server (found by its profile folder)."""
    for pid in sorted(int(p) for p in os.listdir("/proc") if p.isdigit()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "soffice" in cmdline and str(workdir) in cmdline:
            os.kill(pid, signal.SIGKILL)
            return [pid]
    return []


def restart_mid_batch(workdir: Path, rows: int) -> dict[str, Any]:
    roster, files = _job(rows)
    first = start_server(workdir)
    with first.client() as http:
        job = http.post(
            "/api/jobs", data={"bundle": "zhenggai"}, files=[("roster", ("r.xlsx", roster)), *files]
        ).json()
        while True:
            state = http.get(f"/api/jobs/{job['id']}").json()
            if state["done"] >= max(2, rows // 3) or state["status"] not in ("queued", "running"):
                break
            time.sleep(0.2)
    done_before = state["done"]
    os.killpg(first.process.pid, signal.SIGKILL)
    first.process.wait()
    began = time.perf_counter()
    second = start_server(workdir)
    try:
        with second.client() as http:
            while (state := http.get(f"/api/jobs/{job['id']}").json())["status"] in (
                "queued",
                "running",
            ):
                time.sleep(0.3)
            report = http.get(state["report_url"]).content
    finally:
        second.stop()
    sheet = openpyxl.load_workbook(io.BytesIO(report))["批量结果"]
    outcomes = [r[1] for r in sheet.iter_rows(min_row=2, max_row=rows + 1, values_only=True)]
    kept = sum(1 for o in outcomes if o and "沿用" in o)
    return {
        "rows": rows,
        "done_before_kill": done_before,
        "status_after_restart": state["status"],
        "done_after_restart": state["done"],
        "rows_kept_from_before": kept,
        "failed_rows": state["failed_rows"],
        "seconds_to_finish_after_restart": round(time.perf_counter() - began, 1),
    }


def _job(rows: int) -> tuple[bytes, list[tuple[str, tuple[str, bytes]]]]:
    book = openpyxl.Workbook()
    book.active.append(["编号", "整改数据"])
    files = []
    for number in range(1, rows + 1):
        data = yaml.safe_load(RECT.read_text("utf-8"))
        data.pop("branch_file")
        data["branch"] = f"基准测试第{number}党支部"
        name = f"b{number}.yaml"
        files.append(("files", (name, yaml.safe_dump(data, allow_unicode=True).encode())))
        book.active.append([number, name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--pdfs", type=int, default=50)
    parser.add_argument("--rows", type=int, default=12)
    parser.add_argument("--pdf-workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as scratch:
        root = Path(scratch)
        docgen = start_server(root / "docgen", "--pdf-workers", str(args.pdf_workers))
        baseline = BaselineServer()
        try:
            figures = {
                "cores": os.cpu_count(),
                "render": render_load(docgen, baseline, args.renders),
                "pdf": pdf_load(docgen, args.pdfs, kill=False),
                "pdf_kill_one_worker": pdf_load(docgen, args.pdfs, kill=True),
            }
        finally:
            docgen.stop()
            baseline.stop()
        figures["restart_mid_batch"] = restart_mid_batch(root / "restart", args.rows)
    report(figures, args.json)
    r, k, b = figures["render"], figures["pdf_kill_one_worker"], figures["restart_mid_batch"]
    good = (
        r["docgen"]["ok"] == args.renders
        and figures["pdf"]["answers"] == {"200": args.pdfs}
        and all(code == "200" or ":" in code for code in k["answers"])
        and k["after"] == 200
        and b["status_after_restart"] == "done"
        and b["rows_kept_from_before"] >= b["done_before_kill"]
    )
    return 0 if good else 1


def report(figures: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    r = figures["render"]
    print(
        f"render x{r['docgen']['requests']} concurrent (整改措施, 30 rows,"
        f" {figures['cores']} cores)"
    )
    for side in ("docgen", "docxtpl"):
        s = r[side]
        print(
            f"  {side:8} ok {s['ok']:4}  {s['per_second']:7.1f} req/s  p50 {s['p50_ms']:8.1f} ms"
            f"  p95 {s['p95_ms']:8.1f} ms"
        )
    print(
        f"  ratio: docgen/docxtpl requests/s = {r['ratio_rps']}x, p50 latency docxtpl/docgen ="
        f" {r['ratio_p50']}x"
    )
    for key, title in (("pdf", "pdf"), ("pdf_kill_one_worker", "pdf, one soffice killed")):
        p = figures[key]
        print(
            f"{title} x{p['requests']} concurrent: {p['per_second']} req/s  p50 {p['p50_ms']} ms"
            f"  p95 {p['p95_ms']} ms  answers {p['answers']}  killed {p['killed_pids']}"
            f"  next request {p['after']}"
        )
    b = figures["restart_mid_batch"]
    print(
        f"restart mid-batch: {b['done_before_kill']}/{b['rows']} rows done at the kill; after the"
        f" restart {b['status_after_restart']} {b['done_after_restart']}/{b['rows']}, "
        f"{b['rows_kept_from_before']} rows kept, failed {b['failed_rows']},"
        f" {b['seconds_to_finish_after_restart']} s to finish"
    )


if __name__ == "__main__":
    sys.exit(main())
