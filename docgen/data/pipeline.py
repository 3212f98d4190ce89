"""From any data source to a validated model: read, decide, normalise, validate, check rules.

Every stage adds to one list of problems instead of stopping at the first, so a
file's problems all come out in one run. :meth:`Session.load` is the one door:
it applies :func:`~docgen.data.source.typed_kind` (typed data or a plain
context) and :func:`~docgen.data.source.kind_mismatch`, so every command and the
API read the same input the same way. :func:`load_data` returns the model or
raises ``DataError`` with the whole list; :func:`validate_files` returns the list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from docgen.data.appraisal_link import attach_appraisal
from docgen.data.appraisal_tally import attach_tally
from docgen.data.branches import BranchRegistry, decide_votes, derive_counts
from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.errors import problems_from_errors
from docgen.data.fields import DocModel, field_context
from docgen.data.kinds import KINDS, detect_kind, resolve_kind
from docgen.data.loaders import RawDocument
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits
from docgen.data.models import Branch, BranchLinked, DemocraticAppraisal, Minutes, University
from docgen.data.normalise import Normalised, normalise
from docgen.data.photo_files import attach_photos
from docgen.data.positions import format_path
from docgen.data.result import LoadResult, plain_result, read_result
from docgen.data.rules import Finding, RuleContext, run_rules
from docgen.data.salvage import original_path, validate_salvaging
from docgen.data.signin_file import apply_sign_in
from docgen.data.source import PLAIN, DataSource, kind_mismatch, source_name, typed_kind
from docgen.exceptions import Location, Problem

_KIND_KEYS = ("kind", "文种")
_CONFIG_KEYS = ("config", "配置")


@dataclass
class Session:
    """Settings shared by the files of one run: config, known branches, size limits."""

    config: DataConfig = DEFAULT_CONFIG
    limits: Limits = DEFAULT_LIMITS
    #: Look for ``<id>.yaml`` beside the data and in ``branches/`` folders above it.
    #: Off for data from strangers (the web service): a request must not make
    #: docgen open files it chose, even by id.
    find_branch_files: bool = True
    branches: BranchRegistry = field(init=False)

    def __post_init__(self) -> None:
        self.branches = BranchRegistry(self._load_branch, search=self.find_branch_files)

    def _load_branch(self, path: Path) -> Branch | None:
        result = self.load(path, kind="branch")
        return result.model if isinstance(result.model, Branch) and not result.errors else None

    def read(
        self,
        source: DataSource,
        kind: str | None = None,
        *,
        fmt: str | None = None,
        name: str | None = None,
    ) -> RawDocument | LoadResult:
        """The raw contents of ``source``, or a result holding the reason it cannot be read."""
        return read_result(source, kind, fmt=fmt, name=name, limits=self.limits)

    def load(
        self,
        path: Path,
        kind: str | None = None,
        raw: RawDocument | None = None,
        *,
        wanted_by: str | None = None,
    ) -> LoadResult:
        """Load and check one file (``raw`` when it was read already).

        ``kind`` is the kind asked for (``plain`` for none); ``wanted_by`` names
        the template that asks for it, for the message when the data is another kind.
        """
        source = raw if raw is not None else self.read(path, kind)
        if isinstance(source, LoadResult):
            return source
        if not typed_kind(source, kind):
            return plain_result(source, path)
        clash = (
            kind_mismatch(source, kind, wanted_by) if kind is not None and kind != PLAIN else None
        )
        if clash is not None:
            return LoadResult(path, None, None, [*source.problems, clash])
        return _build(source, path, kind, self)

    def load_source(
        self,
        source: DataSource,
        kind: str | None = None,
        *,
        fmt: str | None = None,
        name: str | None = None,
        wanted_by: str | None = None,
    ) -> LoadResult:
        """:meth:`load` for any source: a path, bytes with ``fmt``, a mapping or a model."""
        raw = self.read(source, kind, fmt=fmt, name=name)
        path = Path(source_name(source, name))
        if isinstance(raw, LoadResult):
            return raw
        return self.load(path, kind, raw, wanted_by=wanted_by)


def _build(raw: RawDocument, path: Path, kind: str | None, session: Session) -> LoadResult:
    result = LoadResult(path, problems=list(raw.problems))
    data = raw.data
    if not isinstance(data, dict):
        result.problems.append(
            _problem(
                "not_a_mapping",
                "文件顶层应为键值映射（字段: 值）",
                "the top level of the file should be a mapping of fields",
                raw.positions.at(()),
            )
        )
        return result
    config = _config(data, raw, session.config, result.problems)
    result.kind = _kind(data, raw, kind, result.problems)
    if result.kind is None:
        return result
    model_cls = KINDS[result.kind].model
    norm = normalise(raw, model_cls)
    context = {**field_context(config), "year": _document_year(norm.data)}
    outcome = validate_salvaging(model_cls, norm.data, context)
    result.problems += norm.problems
    result.problems += problems_from_errors(
        outcome.errors, norm.data, norm.positions, model_cls, norm.missing_columns
    )
    if outcome.model is not None:
        if isinstance(outcome.model, DocModel):
            outcome.model.remember_config(config)
        _check(outcome.model, path, config, session, norm, outcome.kept, result.problems)
    result.problems = sorted(_unique(result.problems), key=_place_order)
    if not outcome.errors:
        result.model = outcome.model
    return result


def _check(
    model: BaseModel,
    path: Path,
    config: DataConfig,
    session: Session,
    norm: Normalised,
    kept: dict[Any, list[int]],
    problems: list[Problem],
) -> None:
    branch = None
    findings: list[Finding] = []
    if isinstance(model, BranchLinked):
        branch, findings = session.branches.resolve(model, path)
        model.attach_roster(branch)
        if branch is not None:
            derive_counts(model, branch)
    if isinstance(model, DemocraticAppraisal):
        # The tellers' workbook is part of the data: read before the checks, which count it.
        problems += attach_tally(model, path.parent, session.find_branch_files, session.limits)
    if getattr(model, "democratic_appraisal", None) is not None:
        # A 组织生活会's 民主评议 from the appraisal's own data, before the checks count it.
        problems += attach_appraisal(model, path.parent, session.find_branch_files)
    if isinstance(model, Minutes):
        sheet_problems, sheet_findings = apply_sign_in(
            model, branch, path.parent, allowed=session.find_branch_files, limits=session.limits
        )
        problems += sheet_problems
        findings += sheet_findings
        # Only data read from a file has a folder its photos may come from.
        folder = path.parent if path.is_file() else None
        findings += attach_photos(model, folder, allowed=session.find_branch_files)
    findings += run_rules(
        model, RuleContext(config, branch, path.parent, session.branches.load_file)
    )
    for found in findings:
        spot = original_path(found.path, kept)
        problems.append(
            Problem(
                found.code,
                found.zh,
                found.en,
                norm.positions.at(spot),
                format_path(spot),
                found.severity,
            )
        )
    if isinstance(model, BranchLinked):
        decide_votes(model)


def _config(
    data: dict[str, Any], raw: RawDocument, base: DataConfig, problems: list[Problem]
) -> DataConfig:
    """``base`` with the document's own ``config:`` applied (the key is removed from ``data``)."""
    for key in _CONFIG_KEYS:
        overrides = data.pop(key, None)
        if overrides is None:
            continue
        try:
            if not isinstance(overrides, Mapping):
                raise TypeError(type(overrides).__name__)
            return base.merged(overrides)
        except (ValidationError, TypeError) as err:
            first = str(err).splitlines()[0]
            problems.append(
                _problem(
                    "bad_config",
                    f"配置（config）有误：{first}",
                    f"invalid config: {first}",
                    raw.positions.at((key,)),
                )
            )
    return base


def _kind(
    data: dict[str, Any], raw: RawDocument, wanted: str | None, problems: list[Problem]
) -> str | None:
    """The kind of ``data`` (``wanted`` wins); the ``kind`` key is set to its canonical value."""
    given = next((data.pop(k) for k in _KIND_KEYS if k in data), None)
    found = (
        resolve_kind(wanted)
        if wanted
        else (resolve_kind(str(given)) if given is not None else None)
    )
    if found is None and given is None and wanted is None:
        name = detect_kind(data)
        found = (name, None) if name else None
    if found is None:
        shown = given if given is not None else wanted
        problems.append(unknown_kind(shown, raw.positions.at(("kind",))))
        return None
    name, subkind = found
    if wanted and given is not None and (declared := resolve_kind(str(given))) is not None:
        # The template asked for "report"; the file says which report (问题与对策…).
        subkind = declared[1] if declared[0] == name else subkind
    data["kind"] = name
    if subkind is not None and "subkind" not in data and "类型" not in data:
        data["subkind"] = subkind
    return name


def unknown_kind(shown: object, where: Location) -> Problem:
    """The problem for a kind no one knows (``shown``), or for data that names none."""
    known = "、".join(f"{k}（{i.label_zh}）" for k, i in KINDS.items())
    zh = f"未知的文种“{shown}”" if shown else "无法判断文种，请加上 kind: 字段"
    en = f"unknown kind {shown!r}" if shown else "cannot tell the kind; add a kind: field"
    return _problem(
        "unknown_kind", f"{zh}；可用：{known}", f"{en}; known: {', '.join(KINDS)}", where
    )


def _document_year(data: object) -> int | None:
    """The document's own year, for dates written without one: its ``year`` (年度), else
    the year of its meeting time, else of its sign-off date."""
    if not isinstance(data, dict):
        return None
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    if isinstance(year, str) and year.strip().removesuffix("年").isdigit():
        return int(year.strip().removesuffix("年"))
    time, signoff = data.get("time"), data.get("signoff")
    date = time.get("start") if isinstance(time, dict) else time
    if date is None and isinstance(signoff, dict):
        date = signoff.get("date")
    if isinstance(date, dt.date):
        return date.year
    found = re.match(r"\s*(\d{4})\s*[-/.年]", date) if isinstance(date, str) else None
    return int(found[1]) if found else None


def _problem(code: str, zh: str, en: str, where: Location) -> Problem:
    return Problem(code, zh, en, where)


def _place_order(problem: Problem) -> tuple[int, int]:
    """Text files: by line and column (a workbook's problems keep their order)."""
    return (problem.location.line or 0, problem.location.column or 0)


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    """Drop repeats of the same message at the same place (e.g. one bad column, many rows)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for problem in problems:
        key = (problem.code, problem.location.describe(), problem.message_zh)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def university_config(result: LoadResult, base: DataConfig) -> DataConfig:
    """``base`` with the ``settings`` of a loaded university file applied."""
    if isinstance(result.model, University) and result.model.settings:
        return base.merged(result.model.settings)
    return base


__all__ = ["LoadResult", "Session", "university_config", "unknown_kind"]
