"""What keeps the service safe on an intranet: token, CSRF, body size, bounded work.

* **Token**: when the server has one, every request carries it (``Authorization:
  Bearer …``, or the ``docgen_token`` cookie that ``/?token=…`` sets for a browser).
* **CSRF**: a state-changing request is refused when the browser says it comes
  from another site (``Origin``/``Sec-Fetch-Site``); a request that carries the
  page's cookie must also carry its ``X-CSRF-Token`` (double-submit).
* **Body size**: no request body grows beyond the largest upload limit, even
  without a ``Content-Length`` (the stream is cut off; answer 413).
* **Work**: :class:`Gate` admits a fixed number of heavy requests (rendering,
  conversion, previews) — counted as they arrive, before any thread or body is
  spent on them — and lets a fixed number of those run at once; the next one
  gets 503 with ``Retry-After`` instead of a queue that grows without bound.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie

from fastapi import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docgen.serve.errors import HttpError, error_body, negotiate

TOKEN_COOKIE = "docgen_token"  # noqa: S105 -- a cookie name, not a secret
CSRF_COOKIE = "docgen_csrf"
CSRF_HEADER = "x-csrf-token"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
RETRY_AFTER_SECONDS = 5


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Token, CSRF and body-size checks for every HTTP request."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_body: int, gate: Gate) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _send_error(send, headers, refusal)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _send_error(send, headers, too_large(self.max_body))
            return
        if not is_heavy(scope):
            await self._guarded(scope, receive, send, headers)
            return
        if not self.gate.admit():
            await _send_error(send, headers, busy())
            return
        try:
            await self._guarded(scope, receive, send, headers)
        finally:
            self.gate.leave()

    async def _guarded(
        self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]
    ) -> None:
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _send_error(send, headers, too_large(self.max_body))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> HttpError | None:
        cookies = _cookies(headers)
        if self.token and not self._has_token(scope, headers, cookies):
            return HttpError(
                401,
                "token_required",
                "需要访问令牌：请在 Authorization: Bearer 头中提供，或用 /?token=… 打开页面",
                "an access token is required: send Authorization: Bearer TOKEN, "
                "or open the page as /?token=…",
                {"WWW-Authenticate": "Bearer"},
            )
        if scope["method"] in _SAFE_METHODS:
            return None
        site = headers.get("sec-fetch-site", "")
        origin = headers.get("origin")
        cross = site in ("cross-site", "same-site") or (
            origin is not None and origin.split("://", 1)[-1] != headers.get("host")
        )
        expected = cookies.get(CSRF_COOKIE)
        forged = expected is not None and not hmac.compare_digest(
            expected, headers.get(CSRF_HEADER, "")
        )
        if cross or forged:
            return HttpError(
                403,
                "csrf_rejected",
                "请求被拒绝：来自其他网站，或缺少页面的防伪令牌（请刷新页面后重试）",
                "request refused: it comes from another site or lacks the page's CSRF token "
                "(reload the page and try again)",
            )
        return None

    def _has_token(self, scope: Scope, headers: dict[str, str], cookies: dict[str, str]) -> bool:
        if self.token is None:
            return True
        given = [cookies.get(TOKEN_COOKIE, "")]
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given.append(auth[7:].strip())
        if scope["path"] == "/":
            query = scope.get("query_string", b"").decode("latin-1")
            given += [p[6:] for p in query.split("&") if p.startswith("token=")]
        return any(hmac.compare_digest(g.encode(), self.token.encode()) for g in given if g)


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is treated as none
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


async def _send_error(send: Send, headers: dict[str, str], err: HttpError) -> None:
    lang = negotiate(headers.get("accept-language"))
    message = err.message_en if lang == "en" else err.message_zh
    body = json.dumps(error_body(err.code, message, []), ensure_ascii=False).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in err.headers.items()),
    ]
    await send({"type": "http.response.start", "status": err.status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def too_large(limit: int, what_zh: str = "请求", what_en: str = "request") -> HttpError:
    """The 413 answer for a body or upload beyond ``limit`` bytes."""
    return HttpError(
        413,
        "too_large",
        f"{what_zh}过大：上限 {limit // 1024} KB",
        f"{what_en} too large: the limit is {limit // 1024} KB",
    )


async def read_upload(upload: UploadFile, limit: int, what_zh: str, what_en: str) -> bytes:
    """The bytes of an uploaded file, or 413 when it exceeds ``limit``."""
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise too_large(limit, what_zh, what_en)
    return content


#: Requests that render or convert (the ones the work queue bounds).
_HEAVY_PREFIXES = ("/api/render", "/api/preview", "/api/bundles/")


def is_heavy(scope: Scope) -> bool:
    """True for a request that renders or converts (POST render/preview/bundle, thumbnails)."""
    path: str = scope["path"]
    if scope["method"] == "POST":
        return path.startswith(_HEAVY_PREFIXES)
    return path.endswith("/thumbnail.png")


class Gate:
    """At most ``workers`` heavy requests at once, ``waiting`` more admitted in line; then 503."""

    def __init__(self, workers: int, waiting: int) -> None:
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._inside = 0
        self._capacity = workers + waiting

    @property
    def inside(self) -> int:
        """Heavy requests admitted now (running or waiting)."""
        return self._inside

    def admit(self) -> bool:
        """Count a heavy request in; ``False`` when the line is full."""
        with self._lock:
            if self._inside >= self._capacity:
                return False
            self._inside += 1
            return True

    def leave(self) -> None:
        """Count a heavy request out (answered, or failed)."""
        with self._lock:
            self._inside -= 1

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the ``workers`` slots for the ``with`` block (waiting if needed)."""
        with self._slots:
            yield


def busy() -> HttpError:
    """The 503 answer when the work queue is full."""
    return HttpError(
        503,
        "busy",
        f"服务器忙：排队的请求已满，请 {RETRY_AFTER_SECONDS} 秒后重试",
        f"server busy: the work queue is full; retry in {RETRY_AFTER_SECONDS} seconds",
        {"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
