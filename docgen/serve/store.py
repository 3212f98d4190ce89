"""The server's own work folder: every file a request leads to is written below it.

::

    WORKDIR/templates/<sha256>.docx   uploaded templates, named by their content
    WORKDIR/scratch/<random>/         one request's files, removed when it is answered
    WORKDIR/thumbs/<key>.png          first-page thumbnails of the library
    WORKDIR/jobs/<id>/                one batch job: job.json, its roster, its outputs

Names that come from a request never become paths: uploads are stored under a
hash or a random name, and only the suffix of an uploaded file is kept (from a
fixed list), so nothing a request names reaches outside the folder.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docgen.fileio import write_atomic
from docgen.serve.errors import HttpError

_SHA256 = re.compile(r"[0-9a-f]{64}")
_JOB_ID = re.compile(r"[0-9a-f]{32}")
#: Suffixes an uploaded data file may keep (everything else is refused).
DATA_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".xlsx", ".xlsm", ".csv")


class WorkStore:
    """Paths inside ``root`` for uploads, scratch folders, thumbnails and jobs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for sub in ("templates", "scratch", "thumbs", "jobs"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        # Scratch folders left by a killed server are never needed again.
        for left in (root / "scratch").iterdir():
            shutil.rmtree(left, ignore_errors=True)

    def save_template(self, content: bytes) -> str:
        """Store an uploaded template under its sha256; return the hash."""
        digest = hashlib.sha256(content).hexdigest()
        target = self.root / "templates" / f"{digest}.docx"
        if not target.is_file():
            write_atomic(target, content)
        return digest

    def template(self, digest: str) -> Path:
        """The uploaded template with this sha256; 404 when there is none."""
        path = self.root / "templates" / f"{digest}.docx"
        if not _SHA256.fullmatch(digest) or not path.is_file():
            raise HttpError(
                404,
                "template_not_found",
                f"找不到已上传的模板 {digest[:70]}（请先上传）",
                f"no uploaded template {digest[:70]} (upload it first)",
            )
        return path

    @contextmanager
    def scratch(self) -> Iterator[Path]:
        """A fresh folder for one request, removed afterwards."""
        folder = self.root / "scratch" / secrets.token_hex(16)
        folder.mkdir()
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def thumb(self, key: str) -> Path:
        """Where the thumbnail with this (hash) key is kept."""
        return self.root / "thumbs" / f"{key}.png"

    def new_job(self) -> tuple[str, Path]:
        """A new job id and its folder."""
        job_id = secrets.token_hex(16)
        folder = self.root / "jobs" / job_id
        folder.mkdir()
        return job_id, folder

    def job(self, job_id: str) -> Path:
        """The folder of job ``job_id``; 404 when there is no such job."""
        folder = self.root / "jobs" / job_id
        if not _JOB_ID.fullmatch(job_id) or not (folder / "job.json").is_file():
            raise HttpError(
                404, "job_not_found", f"找不到批量任务 {job_id[:40]}", f"no batch job {job_id[:40]}"
            )
        return folder

    def jobs(self) -> list[Path]:
        """Every job folder."""
        return sorted(p for p in (self.root / "jobs").iterdir() if (p / "job.json").is_file())


def data_suffix(filename: str | None) -> str:
    """The suffix an uploaded data file is stored with; 415-like refusal for any other."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise HttpError(
            415,
            "unknown_format",
            f"不支持的数据文件类型“{suffix or '（无扩展名）'}”，可用：{'、'.join(DATA_SUFFIXES)}",
            f"unsupported data file type {suffix or '(none)'!r}; use {', '.join(DATA_SUFFIXES)}",
        )
    return suffix


def display_name(filename: str | None, fallback: str) -> str:
    """The name an upload is called by in messages: its base name only, never a path."""
    base = Path((filename or "").replace("\\", "/")).name
    return base[:120] or fallback
