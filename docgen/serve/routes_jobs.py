"""``/api/jobs``: batch jobs for offices: start (202), poll, follow as events, fetch, cancel."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse

from docgen.batching.report import REPORT_NAME
from docgen.serve.errors import HttpError, request_language
from docgen.serve.guard import read_upload
from docgen.serve.jobs import ACTIVE, read_state, result_zip
from docgen.serve.models import KEEP_WEB_LINKS, ErrorOut, JobOut
from docgen.serve.services import Services, Svc

router = APIRouter(
    prefix="/api/jobs",
    tags=["batch"],
    responses={code: {"model": ErrorOut} for code in (404, 409, 413, 415, 422, 503)},
)
_POLL_SECONDS = 0.25


def job_json(state: dict[str, Any], lang: str) -> dict[str, Any]:
    """A job's state for the API."""
    base = f"/api/jobs/{state['id']}"
    return {
        "id": state["id"],
        "bundle": state["bundle"],
        "status": state["status"],
        "done": state["done"],
        "total": state["total"],
        "failed_rows": state["failed_rows"],
        "message": state.get("message_en" if lang == "en" else "message_zh"),
        "result_url": f"{base}/result",
        "report_url": f"{base}/report",
        "events_url": f"{base}/events",
    }


def _lang(request: Request) -> str:
    return request_language(request)


@router.post("", status_code=202, response_model=JobOut)
async def start_job(
    svc: Svc,
    request: Request,
    bundle: Annotated[str, Form(description="a built-in bundle, e.g. zhenggai")],
    roster: Annotated[UploadFile, File(description="the roster: one row per run")],
    files: Annotated[
        list[UploadFile] | None, File(description="data files the roster names")
    ] = None,
    pdf: Annotated[bool, Form()] = False,
    keep_web_links: Annotated[bool, Form(description=KEEP_WEB_LINKS)] = False,
) -> JSONResponse:
    """Start a batch: one bundle run per roster row. Answers 202 with the job; follow it at
    ``events_url`` (server-sent events) or poll ``/api/jobs/{id}``."""
    limits = svc.settings.limits
    roster_bytes = await read_upload(roster, limits.roster_bytes, "花名册", "roster")
    uploads = [
        (f.filename or "", await read_upload(f, limits.data_bytes, "数据文件", "data file"))
        for f in files or []
    ]
    state = svc.jobs.submit(
        bundle,
        (roster.filename or "", roster_bytes),
        uploads,
        pdf=pdf,
        keep_web_links=keep_web_links,
    )
    body = job_json(state, _lang(request))
    return JSONResponse(body, status_code=202, headers={"Location": f"/api/jobs/{state['id']}"})


@router.get("/{job_id}", response_model=JobOut)
def show_job(svc: Svc, job_id: str, request: Request) -> dict[str, Any]:
    """A job's status and progress."""
    return job_json(read_state(svc.store.job(job_id)), _lang(request))


@router.get("/{job_id}/events")
async def job_events(svc: Svc, job_id: str, request: Request) -> StreamingResponse:
    """Progress as server-sent events (``data: {job}``), until the job ends."""
    folder = svc.store.job(job_id)
    lang = _lang(request)

    async def stream() -> AsyncIterator[str]:
        last = None
        while True:
            state = job_json(read_state(folder), lang)
            if state != last:
                yield f"data: {json.dumps(state, ensure_ascii=False)}\n\n"
                last = state
            if state["status"] not in ACTIVE or await request.is_disconnected():
                return
            await asyncio.sleep(_POLL_SECONDS)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


@router.get("/{job_id}/result", response_class=FileResponse)
def job_result(svc: Svc, job_id: str) -> FileResponse:
    """Every document the job made, and 批量结果.xlsx, as one zip (409 while it runs)."""
    folder = _finished(svc, job_id)
    return FileResponse(
        result_zip(folder), media_type="application/zip", filename=f"批量结果-{job_id[:8]}.zip"
    )


@router.get("/{job_id}/report", response_class=FileResponse)
def job_report(svc: Svc, job_id: str) -> FileResponse:
    """``批量结果.xlsx``: each row's outcome."""
    report = _finished(svc, job_id) / "out" / REPORT_NAME
    if not report.is_file():
        raise HttpError(
            404,
            "no_report",
            "该任务没有结果表（未完成或已取消）",
            "this job has no report (it did not finish)",
        )
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return FileResponse(report, media_type=media, filename=REPORT_NAME)


@router.delete("/{job_id}", response_model=JobOut)
def cancel_job(svc: Svc, job_id: str, request: Request) -> dict[str, Any]:
    """Cancel a job (rows in flight finish first; finished rows are kept)."""
    return job_json(svc.jobs.cancel(job_id), _lang(request))


def _finished(svc: Services, job_id: str) -> Path:
    folder = svc.store.job(job_id)
    if read_state(folder)["status"] in ACTIVE:
        raise HttpError(409, "job_running", "任务尚未完成", "the job has not finished yet")
    return folder
