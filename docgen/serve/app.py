"""The ASGI application of ``docgen serve``: the page, the API, and their guards.

FastAPI + uvicorn because the request and answer models are pydantic models,
like docgen's own, and FastAPI turns them into the OpenAPI description that
OA systems read; uvicorn is the well-kept ASGI server it is made for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles

from docgen.exceptions import DocgenError
from docgen.serve import pages, routes_jobs, routes_library, routes_render
from docgen.serve.errors import (
    HttpError,
    docgen_error_response,
    http_error_response,
    validation_error_response,
)
from docgen.serve.guard import Gate, GuardMiddleware
from docgen.serve.services import Services
from docgen.serve.settings import ServeSettings

_MULTIPART_OVERHEAD = 1024 * 1024


def create_app(settings: ServeSettings) -> FastAPI:
    """The application for ``settings`` (its services start with it and stop with it)."""

    gate = Gate(settings.limits.workers, settings.limits.waiting)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = Services.start(settings, gate)
        try:
            yield
        finally:
            app.state.services.close()

    app = FastAPI(
        title="docgen",
        summary="党支部文书生成服务 / documents for party branches",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.include_router(pages.router)
    app.include_router(routes_library.router)
    app.include_router(routes_render.router)
    app.include_router(routes_jobs.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")
    app.add_exception_handler(DocgenError, docgen_error_response)  # type: ignore[arg-type]
    app.add_exception_handler(HttpError, http_error_response)  # type: ignore[arg-type]
    app.add_exception_handler(
        RequestValidationError,
        validation_error_response,  # type: ignore[arg-type]
    )
    limits = settings.limits
    largest = max(limits.template_bytes, limits.data_bytes, limits.roster_bytes)
    # Several data files may come with a roster; the per-file limits are checked per part.
    app.add_middleware(
        GuardMiddleware,
        token=settings.token,
        max_body=largest * 4 + _MULTIPART_OVERHEAD,
        gate=gate,
    )
    return app


def _version() -> str:
    from docgen import __version__

    return __version__
