"""The moment an output is stamped with: its ``dcterms:created`` and ``dcterms:modified``.

A document docgen makes says when it was made (Word's 文件 › 属性, Excel's 信息), so by
default that is the render time, in UTC to the second. A build that must give the same
bytes every time asks for determinism: ``SOURCE_DATE_EPOCH`` (the reproducible-builds
convention, seconds since 1970 UTC) wins whenever it is set; otherwise a deterministic
render uses :data:`FIXED`. Every writer (.docx render, merged volume, .xlsx workbook,
batch and bundle) asks this module, so the rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
import os

from docgen.exceptions import RenderError

#: The environment variable of https://reproducible-builds.org/specs/source-date-epoch/.
ENV = "SOURCE_DATE_EPOCH"
#: The documented moment of a deterministic render without ``SOURCE_DATE_EPOCH``
#: (also the date the shipped templates carry): 2026-01-01T00:00:00Z.
FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def fixed_time(deterministic: bool = False) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH``'s moment when set, else :data:`FIXED` when ``deterministic``,
    else ``None`` (the caller stamps the time it renders)."""
    raw = os.environ.get(ENV, "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), dt.UTC)
        except (ValueError, OverflowError, OSError) as err:
            raise RenderError(
                f"环境变量 {ENV} 应为 1970 年以来的秒数（整数），现为 {raw!r}；请改正或删去它",
                f"{ENV} must be whole seconds since 1970, not {raw!r}; correct or unset it",
            ) from err
    return FIXED if deterministic else None


def render_time(deterministic: bool = False) -> dt.datetime:
    """The moment to stamp an output made now: :func:`fixed_time`, else the clock (UTC,
    whole seconds, since W3CDTF as Office writes it carries no fraction)."""
    fixed = fixed_time(deterministic)
    return fixed if fixed is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)


def w3cdtf(moment: dt.datetime) -> str:
    """``moment`` as core properties write it: ``2026-12-04T20:31:07Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_w3cdtf(text: str) -> dt.datetime:
    """The moment in a W3CDTF text written by :func:`w3cdtf` (ValueError otherwise)."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


__all__ = ["ENV", "FIXED", "fixed_time", "parse_w3cdtf", "render_time", "w3cdtf"]
