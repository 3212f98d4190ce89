"""A bundle: a loaded recipe that builds its documents into a folder.

::

    bundle = Bundle.load("fixtures/bundles/zhenggai.yaml")
    result = bundle.build("out/", {"branch": "教工第一党支部"})
    for output in result.outputs: ...
    for failure in result.failures: print(failure.describe())

    # No folder: the documents come back as bytes, nothing is written.
    result = Bundle.load("zhenggai").build(None, inputs={"rect": {"kind": "rectification", ...}})
    result.contents["整改方案.docx"]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.bundle.builtin import find_bundle
from docgen.bundle.compiled import Recipe
from docgen.bundle.inputs import InputData, given_input
from docgen.bundle.loader import load_recipe
from docgen.bundle.pdf import PdfJob, convert_documents
from docgen.bundle.plan import Plan, make_plan, resolve_vars
from docgen.bundle.production import Artifact, Known, Production, RenderOptions, produce
from docgen.bundle.rows import RowSource
from docgen.bundle.volume import shared_office
from docgen.exceptions import BundleError, DocgenError, ExitCode, Problem
from docgen.fileio import write_atomic
from docgen.results import Failure, Output, exit_code_of
from docgen.stamp import render_time


@dataclass
class BuildResult:
    """What :meth:`Bundle.build` produced: ``outputs`` and ``failures`` (empty if all is well).

    ``warnings`` are the conversion's font warnings (characters that will fall back).
    ``out_dir`` is ``None`` for a build in memory: each output then holds its bytes
    (``data``, also in :attr:`contents`) and no ``path``.
    """

    out_dir: Path | None
    outputs: list[Output] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    @property
    def contents(self) -> dict[str, bytes]:
        """Each output kept in memory, by its relpath (empty for a build into a folder)."""
        return {o.relpath: o.data for o in self.outputs if o.data is not None}

    @property
    def exit_code(self) -> ExitCode:
        """0 when all is well, else the first failed document's code (7 if only PDFs failed)."""
        return exit_code_of(self.failures)


class Bundle:
    """A recipe ready to run: load it once, build it for any variables."""

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, templates: Iterable[str | os.PathLike[str]] = ()
    ) -> Bundle:
        """Load the recipe at ``path``, or the library bundle of that name
        (``zuzhi-shenghuohui``); ``templates`` are extra template library folders.

        Raises :class:`~docgen.exceptions.RecipeError` listing every problem.
        """
        extra = list(templates)
        return cls(load_recipe(find_bundle(path, extra), extra))

    @property
    def name(self) -> str:
        """The recipe's ``name``."""
        return self.recipe.name

    def plan(
        self,
        variables: Mapping[str, Any] | None = None,
        row: Mapping[str, Any] | None = None,
        *,
        inputs: Mapping[str, InputData] | None = None,
        sample: bool = False,
        source: RowSource | None = None,
    ) -> Plan:
        """What a run with ``variables`` (and roster ``row``) would produce, without rendering.

        ``inputs`` replaces named inputs: files (paths relative to the current
        folder, not to the recipe) or data in memory — a mapping, a model, or
        :class:`~docgen.context.DataBytes` — read through the same data door.
        ``sample`` uses the recipe's sample
        data for what is not given (never without asking). ``source`` says where
        ``row`` is in its roster (cell names in messages; row paths start there).
        """
        files = {name: given_input(value) for name, value in (inputs or {}).items()}
        where = source or RowSource()
        origins: dict[str, str] = {}
        variables = resolve_vars(
            self.recipe, variables, row, sample=sample, source=where, origins=origins
        )
        return make_plan(self.recipe, variables, row, files, source=where, origins=origins)

    def produce(
        self,
        variables: Mapping[str, Any] | None = None,
        *,
        row: Mapping[str, Any] | None = None,
        known: Mapping[str, Known] | None = None,
        options: RenderOptions | None = None,
        inputs: Mapping[str, InputData] | None = None,
        sample: bool = False,
        source: RowSource | None = None,
    ) -> Production:
        """Render everything in memory; a failing plan becomes a failure, not an exception."""
        try:
            plan = self.plan(variables, row, inputs=inputs, sample=sample, source=source)
        except DocgenError as err:
            return Production(failures=[Failure.from_error(err)])
        return produce(plan, known, options)

    def build(
        self,
        out_dir: str | os.PathLike[str] | None,
        variables: Mapping[str, Any] | None = None,
        *,
        inputs: Mapping[str, InputData] | None = None,
        strip_invalid: bool = False,
        check: bool = True,
        pdf: bool = False,
        pdf_workers: int | None = None,
        sample: bool = False,
        keep_web_links: bool = False,
        deterministic: bool = False,
    ) -> BuildResult:
        """Render the bundle and write every output atomically under ``out_dir``.

        With ``out_dir=None`` nothing is written: each output keeps its bytes
        (``result.contents``). ``inputs`` replaces named inputs: files (relative to
        the current folder) or data in memory (see :meth:`plan`). With ``pdf``
        (a folder is needed), every .docx written (the merged one too) is also
        converted to PDF beside it, ``pdf_workers`` offices at once (default: one
        per CPU). A document that fails does not stop the others; the result
        lists each failure with its step, file and reason. ``sample`` fills
        what is not given with the recipe's sample data (only when asked).
        ``keep_web_links`` (or the recipe's ``keep_web_links: true``) keeps the templates'
        web hyperlinks; by default each loses its link and keeps its text.
        Every output's created/modified dates are the moment the build starts, or fixed with
        ``deterministic`` (:mod:`docgen.stamp`).
        """
        if pdf and out_dir is None:
            raise pdf_needs_folder()
        target = Path(out_dir) if out_dir is not None else None
        options = RenderOptions(
            strip_invalid=strip_invalid,
            check=check,
            keep_web_links=keep_web_links,
            paginate=pdf,
            moment=render_time(deterministic),
        )
        if not pdf:
            return self._write(target, self.produce(variables, options=options, inputs=inputs,
                                                    sample=sample))  # fmt: skip
        from docgen.convert import OfficePool

        # One warm pool lays the volume out (its 目录's page numbers) and converts the PDFs.
        with OfficePool(pdf_workers) as pool, shared_office(pool):
            production = self.produce(variables, options=options, inputs=inputs, sample=sample)
            result = self._write(target, production)
            add_pdfs(result, pdf_workers, pool)
        return result

    def _write(self, target: Path | None, production: Production) -> BuildResult:
        """Write each artifact under ``target``, or keep its bytes when ``target`` is None."""
        result = BuildResult(target, failures=list(production.failures))
        for artifact in production.artifacts:
            if target is None:
                result.outputs.append(artifact_output(artifact))
            else:
                result.outputs.append(write_artifact(target, artifact))
        return result


def pdf_needs_folder() -> BundleError:
    """The error of asking for PDFs from a build in memory (PDFs are made from files)."""
    return BundleError(
        "转换为 PDF 需要输出文件夹：请给出 out_dir，或不加 pdf",
        "converting to PDF needs an output folder: give out_dir, or leave out pdf",
    )


def add_pdfs(result: BuildResult, workers: int | None = None, pool: Any = None) -> None:
    """Convert the result's .docx outputs to PDF; add the PDFs and any failures to it."""
    jobs = [
        PdfJob(o.path, o.relpath, o.step)
        for o in result.outputs
        if o.path is not None and o.relpath.lower().endswith(".docx")
    ]
    converted = convert_documents(jobs, workers=workers, pool=pool)
    result.warnings.extend(converted.warnings)
    result.failures.extend(converted.failures)
    result.outputs.extend(converted.outputs)


def write_artifact(out_dir: Path, artifact: Artifact) -> Output:
    """Write ``artifact`` (when it has bytes) atomically under ``out_dir``; describe the file."""
    path = out_dir.joinpath(*artifact.relpath.split("/"))
    if artifact.blob is not None:
        write_atomic(path, artifact.blob)
    return replace(artifact_output(artifact), path=path, data=None)


def artifact_output(artifact: Artifact, row: int | None = None) -> Output:
    """The result record of ``artifact``, its bytes kept in memory (``data``)."""
    return Output(
        artifact.relpath,
        artifact.kind,
        artifact.sha256,
        artifact.size,
        data=artifact.blob,
        step=artifact.step,
        template=artifact.template,
        row=row,
    )


__all__ = ["BuildResult", "Bundle", "add_pdfs", "artifact_output", "write_artifact"]
