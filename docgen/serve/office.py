"""PDFs and page images for the server, on warm LibreOffice workers shared by all requests.

One :class:`~docgen.convert.OfficePool` of one office per worker, lent to one
request at a time (a pool's ``convert`` is not meant for two callers at once).
An office that crashes is restarted by its pool and the file tried once more,
so a request either succeeds after that retry or gets a clean conversion error.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from docgen.convert import OfficePool, preview


class PdfService:
    """``workers`` warm offices; offices start on first use."""

    def __init__(self, workers: int, root: Path) -> None:
        self.root = root
        self._pools: list[OfficePool] = []
        self._free: queue.Queue[OfficePool] = queue.Queue()
        self._workers = max(1, workers)
        self._lock = threading.Lock()

    def _take(self) -> OfficePool:
        with self._lock:
            if not self._pools:
                # Created on first use: a server that never converts needs no LibreOffice.
                for number in range(self._workers):
                    pool = OfficePool(1, workdir=self.root / f"office{number}")
                    self._pools.append(pool)
                    self._free.put(pool)
        return self._free.get()

    def pdf(self, docx: Path, out_dir: Path) -> Path:
        """Convert ``docx`` to ``out_dir/<stem>.pdf``; raises ``ConversionFailed``."""
        pool = self._take()
        try:
            result = pool.convert([docx], out_dir)
        finally:
            self._free.put(pool)
        result.raise_for_failures()
        return result.paths[0]

    def pages(self, docx: Path, out_dir: Path, *, dpi: int, first_only: bool = False) -> list[Path]:
        """PNG images of the pages of ``docx`` (of page 1 only with ``first_only``)."""
        pdf = self.pdf(docx, out_dir)
        return preview(pdf, out_dir, page=1 if first_only else None, dpi=dpi).paths

    def offices(self) -> list[object]:
        """The offices (for monitoring and fault tests)."""
        return [office for pool in self._pools for office in pool.offices]

    def close(self) -> None:
        """Stop every office."""
        for pool in self._pools:
            pool.close()
