"""The parts every route shares: settings, work folder, offices, work gate, batch jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from docgen.serve.guard import Gate
from docgen.serve.jobs import JobRunner
from docgen.serve.office import PdfService
from docgen.serve.settings import ServeSettings
from docgen.serve.store import WorkStore


@dataclass
class Services:
    settings: ServeSettings
    store: WorkStore
    pdf: PdfService
    gate: Gate
    jobs: JobRunner

    @classmethod
    def start(cls, settings: ServeSettings, gate: Gate) -> Services:
        """Open the work folder, prepare the offices (started on first use), resume jobs."""
        store = WorkStore(settings.workdir)
        pdf = PdfService(settings.pdf_workers, settings.workdir / "offices")
        jobs = JobRunner(store, settings)
        return cls(settings, store, pdf, gate, jobs)

    def close(self) -> None:
        """Stop batch jobs (they resume on the next start) and the offices."""
        self.jobs.close()
        self.pdf.close()


def services(request: Request) -> Services:
    """The request's :class:`Services` (a FastAPI dependency)."""
    found: Services = request.app.state.services
    return found


#: A route parameter that receives the shared services.
Svc = Annotated[Services, Depends(services)]
