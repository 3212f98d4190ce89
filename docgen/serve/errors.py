"""Errors as JSON: the CLI's stable codes, field paths, and the message in the asked language.

Every answer that is not a success has the same shape::

    {"error": {"code": "data_error", "message": "…", "problems": [
        {"code": "missing", "message": "…", "field": "attendance.present",
         "location": "request.json:3:5", "severity": "error"}]}}

The language is the one ``Accept-Language`` prefers among Chinese and English
(Chinese when it names neither), so an OA system can ask for either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from docgen.exceptions import (
    BundleError,
    ConversionError,
    DataError,
    DocgenError,
    ExitCode,
    InputTooLargeError,
    Problem,
    RenderError,
    TemplateError,
    TemplateNotFound,
    ToolNotFound,
)
from docgen.i18n import Lang, language, tr
from docgen.results import Failure


class HttpError(Exception):
    """A refusal of the HTTP layer itself (size, token, queue, CSRF, unknown id)."""

    def __init__(
        self,
        status: int,
        code: str,
        message_zh: str,
        message_en: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message_en)
        self.status = status
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        self.headers = dict(headers or {})


def negotiate(header: str | None) -> Lang:
    """``zh`` or ``en`` from an ``Accept-Language`` header (by q-value; Chinese by default)."""
    best: tuple[float, Lang] = (-1.0, "zh")
    for index, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip().lower()
        if not tag.startswith(("zh", "en")):
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        # Earlier entries win ties, as the header lists preferences in order.
        score = quality - index * 1e-6
        if score > best[0]:
            best = (score, "en" if tag.startswith("en") else "zh")
    return best[1]


def request_language(request: Request) -> Lang:
    """The language of ``request``: ``?lang=`` first, then ``Accept-Language``."""
    asked = request.query_params.get("lang")
    if asked in ("zh", "en"):
        return asked  # type: ignore[return-value]
    return negotiate(request.headers.get("accept-language"))


def problem_json(problem: Problem) -> dict[str, Any]:
    """One problem as JSON, in the current language."""
    return {
        "code": problem.code,
        "message": problem.message,
        "field": problem.field_path,
        "location": problem.location.describe() or None,
        "severity": problem.severity,
    }


def problems_json(problems: Iterable[Problem], lang: Lang) -> list[dict[str, Any]]:
    """Problems as JSON in ``lang``."""
    with language(lang):
        return [problem_json(p) for p in problems]


def status_of(err: DocgenError) -> int:
    """The HTTP status of a docgen error."""
    if isinstance(err, InputTooLargeError):
        return 413
    if isinstance(err, TemplateNotFound):
        return 404
    if isinstance(err, ToolNotFound):
        return 503
    if isinstance(err, ConversionError):
        return 502
    if isinstance(err, DataError | TemplateError | RenderError | BundleError):
        return 422
    return 400


def error_body(code: str, message: str, problems: list[dict[str, Any]]) -> dict[str, Any]:
    """The body of every error answer."""
    return {"error": {"code": code, "message": message, "problems": problems}}


def docgen_error_response(request: Request, err: DocgenError) -> JSONResponse:
    """A docgen error as JSON: its code, headline and every problem it carries."""
    lang = request_language(request)
    with language(lang):
        problems = [problem_json(p) for p in getattr(err, "problems", ())]
        body = error_body(err.code, err.message, problems)
    return JSONResponse(body, status_code=status_of(err))


def failures_response(name: str, failures: list[Failure], lang: Lang) -> JSONResponse:
    """A build that produced failures as JSON: one problem per failure, each with its own code.

    The answer's code is the failures' code when they share one (``data_error`` for bad
    data), so a client tells a data problem from a broken recipe as it would from an
    exception; ``bundle_error`` when they differ. The status follows the same rule.
    """
    codes = {f.code for f in failures}
    code = codes.pop() if len(codes) == 1 else BundleError.code
    exits = {f.exit_code for f in failures}
    status = _STATUS_OF_EXIT.get(exits.pop(), 422) if len(exits) == 1 else 422
    with language(lang):
        message = tr(
            f"套件 {name} 有 {len(failures)} 项未能生成",
            f"bundle {name}: {len(failures)} item(s) could not be produced",
        )
        problems = [
            {
                "code": f.code,
                "message": f.describe(lang),
                "field": f.step,
                "location": f.output,
                "severity": "error",
            }
            for f in failures
        ]
    return JSONResponse(error_body(code, message, problems), status_code=status)


#: The HTTP status of a failure record, by its exit code (as :func:`status_of` by class).
_STATUS_OF_EXIT: dict[int, int] = {
    ExitCode.TEMPLATE_NOT_FOUND: 404,
    ExitCode.CONVERSION: 502,
}


def http_error_response(request: Request, err: HttpError) -> JSONResponse:
    """A refusal of the HTTP layer as JSON."""
    with language(request_language(request)):
        message = tr(err.message_zh, err.message_en)
    return JSONResponse(
        error_body(err.code, message, []), status_code=err.status, headers=err.headers
    )


def validation_error_response(request: Request, err: RequestValidationError) -> JSONResponse:
    """A request that does not fit the endpoint (bad JSON, missing part) as JSON, status 400."""
    with language(request_language(request)):
        problems = []
        for item in err.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
            bad_json = item.get("type") == "json_invalid"
            problems.append(
                {
                    "code": "bad_json" if bad_json else "bad_request",
                    "message": tr(
                        "请求正文不是有效的 JSON"
                        if bad_json
                        else f"请求字段有误：{item.get('msg')}",
                        "the request body is not valid JSON"
                        if bad_json
                        else f"invalid request field: {item.get('msg')}",
                    ),
                    "field": where or None,
                    "location": None,
                    "severity": "error",
                }
            )
        code = "bad_json" if any(p["code"] == "bad_json" for p in problems) else "bad_request"
        message = tr("请求格式有误", "malformed request")
    return JSONResponse(error_body(code, message, problems), status_code=400)
