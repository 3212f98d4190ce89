"""The web page, the interactive API docs and the static assets, all from the package.

``GET /`` serves the page with a fresh CSRF token (cookie + meta tag, the
double-submit pair :mod:`docgen.serve.guard` checks). ``/?token=…`` stores
the access token in a cookie and redirects, so the token leaves the address bar.
"""

from __future__ import annotations

import secrets
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from docgen.serve.guard import CSRF_COOKIE, TOKEN_COOKIE

STATIC = Path(str(resources.files("docgen.serve") / "static"))
router = APIRouter(include_in_schema=False)


def _page(name: str, csrf: str) -> str:
    return (STATIC / name).read_text("utf-8").replace("{{csrf}}", csrf)


def _with_csrf(request: Request, name: str) -> HTMLResponse:
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = HTMLResponse(_page(name, csrf), headers=_HEADERS)
    response.set_cookie(CSRF_COOKIE, csrf, samesite="strict")
    return response


#: No page of ours loads anything from elsewhere; the browser is told to refuse it too.
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@router.get("/")
def index(request: Request) -> Response:
    """The page for secretaries (Chinese; English on the switch)."""
    token = request.query_params.get("token")
    if token:
        redirect = RedirectResponse("/", status_code=303)
        redirect.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return redirect
    return _with_csrf(request, "index.html")


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """Interactive API docs (Swagger UI shipped in the package)."""
    return _with_csrf(request, "docs.html")
