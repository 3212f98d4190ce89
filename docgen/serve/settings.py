"""What one ``docgen serve`` runs with: address, access token, work folder, limits.

Safe by default: the server listens on the loopback address only; any other
address needs an access token, and :func:`bind_refusal` refuses to start without
one (so a school's intranet never gets an open document service by accident).
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from docgen.i18n import tr

#: Environment variable holding the access token (so it need not appear in ``ps``).
TOKEN_ENV = "DOCGEN_SERVE_TOKEN"  # noqa: S105 -- the variable's name, not a secret
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upload sizes (bytes) and the bounded work queue."""

    template_bytes: int = 10 * MB
    data_bytes: int = 5 * MB
    roster_bytes: int = 10 * MB
    #: Requests doing heavy work (render, PDF, preview, bundle) at once.
    workers: int = 4
    #: Further heavy requests admitted to wait for a worker; beyond them the answer is 503.
    waiting: int = 256
    #: Batch jobs queued or running at once.
    jobs: int = 4


@dataclass(frozen=True)
class ServeSettings:
    """``workdir`` holds everything the server writes: uploads, renders, jobs."""

    workdir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    pdf_workers: int = 1
    batch_workers: int = 1
    executor: str | None = None
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_env(cls, workdir: str | os.PathLike[str], **values: object) -> ServeSettings:
        """Settings with the token taken from :data:`TOKEN_ENV` when not given."""
        if not values.get("token"):
            values["token"] = os.environ.get(TOKEN_ENV) or None
        return cls(Path(workdir).resolve(), **values)  # type: ignore[arg-type]


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.1``, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_refusal(settings: ServeSettings) -> str | None:
    """Why the server must not start with ``settings`` (no token beyond loopback), or ``None``."""
    if is_loopback(settings.host) or settings.token:
        return None
    return tr(
        f"拒绝在 {settings.host} 上启动：监听本机以外的地址必须设置访问令牌，"
        f"请加 --token 或设置环境变量 {TOKEN_ENV}（或只监听 127.0.0.1）",
        f"refusing to listen on {settings.host}: an address beyond this machine needs an "
        f"access token; pass --token or set {TOKEN_ENV} (or listen on 127.0.0.1 only)",
    )
