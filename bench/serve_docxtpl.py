"""The baseline for ``bench_serve.py``: docxtpl wrapped in the same framework (FastAPI + uvicorn).

One POST /render with JSON ``{"data": {...}}`` renders ``bench/rectification.docx`` the way
docxtpl's users do (a new ``DocxTemplate`` per document, autoescape on) and answers the bytes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from fastapi import Body, FastAPI
from fastapi.responses import Response

TEMPLATE = Path(__file__).resolve().parent / "rectification.docx"
app = FastAPI()


@app.post("/render")
def render(data: dict[str, Any] = Body(..., embed=True)) -> Response:  # noqa: B008
    doc = DocxTemplate(TEMPLATE)
    doc.render(data, autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return Response(out.getvalue(), media_type="application/octet-stream")
