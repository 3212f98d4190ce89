"""A compiled .docx template: compile once, render many times.

Compiling reads the package once, turns every part that has tags into one
Jinja template and prepares the stored bytes of every other member. A render
runs the Jinja templates, deflates only their output and copies the rest as is.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

import jinja2
from jinja2.exceptions import SecurityError
from lxml import etree

from docgen.engine import limits, ooxml, weblinks, zipout
from docgen.engine.compiler import XML_DECL, CompiledPart, PartCompiler
from docgen.engine.core_props import CORE_TYPE, dated_core
from docgen.engine.diagnose import diagnose, too_deep
from docgen.engine.environment import UndefinedTestError, make_environment
from docgen.engine.external import find_references, without_attached_template
from docgen.engine.include import IncludeEdits, Subdoc, apply_includes
from docgen.engine.package import Package, rels_name
from docgen.engine.packing import PackageEdits, apply_edits
from docgen.engine.sites import Site
from docgen.engine.tables import fix_tables
from docgen.engine.values import CURRENT, RenderState, frame_for, missing_field
from docgen.engine.verify import (
    PROOF_SIZE_LIMIT,
    Check,
    check_parts,
    check_relationships,
    check_unproven,
    keeps_proof,
    namespace_declarations,
    unsound_fragments,
)
from docgen.exceptions import (
    DocgenError,
    Location,
    PackageCheckError,
    Problem,
    RenderError,
    RenderLimitError,
    SandboxError,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from docgen.stamp import render_time

# Level 1 deflates about twice as fast as the default 6; the rendered parts of a
# document are a few KB compressed either way, and batch speed matters more.
DEFLATE_LEVEL = 1
#: New members compressed already, stored as they are: pictures, a chart's workbook (a zip).
_COMPRESSED = ("word/media/", "word/embeddings/docgen_chart")


class Template:
    """A template compiled from .docx bytes; thread-safe to render concurrently."""

    def __init__(
        self,
        blob: bytes,
        name: str = "<template>",
        filters: dict[str, Any] | None = None,
        *,
        lenient: bool = False,
        tests: dict[str, Any] | None = None,
        globals: dict[str, Any] | None = None,
    ):
        self.name = name
        self.lenient = lenient
        self.package = Package(name, blob)
        self.package.main_part()  # refuses zips that are not Word documents
        self.env = make_environment(filters)
        # A caller's own tests and globals are its code and values; they run in the sandbox.
        self.env.tests.update(tests or {})
        self.env.globals.update(globals or {})
        self.sites: list[Site] = []
        self.problems: list[Problem] = []
        self.parts: dict[str, CompiledPart] = {}
        self.fixed: dict[str, bytes] = {}  # parts without tags whose ids compile had to change
        self._jinja: dict[str, jinja2.Template] = {}
        #: Each rendered part's root namespace declarations, to check values' fragments in.
        self._namespaces: dict[str, str] = {}
        rels = _rels_trees(self.package)
        self.problems.extend(check_relationships(rels, {m.name for m in self.package.members}))
        self.references = find_references(self.package, rels)
        self.problems.extend(ref.problem(name) for ref in self.references)
        self._neutralised = without_attached_template(self.package, self.references)
        self.template_rels = _template_rels(self.package, rels)
        self.id_base = 0
        self._compile()
        # Planned only when there is a web link to take out: most templates have none.
        self._web_links = (
            weblinks.plan(self.package, self.parts, {**self._neutralised, **self.fixed})
            if any(ref.web_link for ref in self.references)
            else weblinks.WebLinks()
        )
        #: Parts fixed at compile time that parse: a render that leaves them as they are
        #: need not parse them again (:func:`~docgen.engine.verify.check_unproven`).
        self._sound = _parsing({**self._neutralised, **self.fixed, **self._web_links.fixed})
        self.frames = [frame_for(site) for site in self.sites]
        self.inline = [site.level == "text" for site in self.sites]
        self._copied = {
            i: zipout.copied_entry(m.info, m.raw)
            for i, m in enumerate(self.package.members)
            if m.name not in self.parts and m.name not in self.fixed
        }
        self._blocks = {i: entry.local_block() for i, entry in self._copied.items()}
        #: The core properties part, whose dates each render stamps.
        types = self.package.content_types
        cores = [m.name for m in self.package.members if types[m.name] == CORE_TYPE]
        self._core = cores[0] if cores else None

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the template from rendering."""
        return [p for p in self.problems if p.severity == "error"]

    # -- compile ------------------------------------------------------------------

    def _compile(self) -> None:
        roots = [(n, k, parse_part(self.package, n)) for n, k in self.package.story_parts()]
        # Before compiling edits the trees: fresh ids start above every id already there.
        self.id_base = max((_max_id(root) for _n, _k, root in roots), default=0)
        seen: set[str] = set()
        for name, kind, root in roots:
            renumbered = self._unique_drawing_ids(root, seen)
            compiler = PartCompiler(
                name, root, self.sites, self.problems, plain=kind == "properties"
            )
            part = compiler.compile()
            if not compiler.has_tags:
                if renumbered:
                    self.fixed[name] = (XML_DECL + ooxml.to_string(root)).encode("utf-8")
                continue
            self.problems.extend(diagnose(self.env, compiler.markers))
            self.parts[name] = part
            self._namespaces[name] = namespace_declarations(root)
        if self.errors:
            return
        for name, part in self.parts.items():
            try:
                self._jinja[name] = self.env.from_string(part.source)
            except (RecursionError, MemoryError, SyntaxError) as err:
                # Python's own parser gives up on deep nesting ("too many nested
                # parentheses", recursion): a template problem, not a crash.
                self.problems.append(too_deep(_location_at(part, getattr(err, "lineno", None))))
            except jinja2.TemplateSyntaxError as err:
                location = _location_at(part, err.lineno)
                self.problems.append(
                    Problem(
                        "bad_syntax",
                        f"模板语法错误：{err.message}",
                        f"template syntax error: {err.message}",
                        location,
                    )
                )

    # -- render -------------------------------------------------------------------

    def render(
        self,
        context: Mapping[str, Any] | Any,
        *,
        strip_invalid: bool = False,
        check: Check = False,
        lenient: bool | None = None,
        raw_xml: bool = False,
        links: Mapping[str, str] | None = None,
        keep_web_links: bool = False,
        images: str | os.PathLike[str] | None = None,
        watermark: Any = None,
        deterministic: bool = False,
        moment: dt.datetime | None = None,
        keep_dates: bool = False,
    ) -> bytes:
        """Render with ``context`` and return the .docx bytes.

        ``strip_invalid`` drops characters XML cannot hold instead of raising
        :class:`~docgen.exceptions.InvalidCharacterError`. ``check=True`` parses every
        rendered part that compile-time analysis did not prove well formed: parts of
        unproven templates, parts foreign XML or a watermark or a package edit wrote into,
        parts added by values, the document properties; the XML a rich text, picture or
        other rich value placed is parsed on its own, and its whole part when it does not
        pass. A proven part filled with plain values (escaped, characters XML cannot hold
        refused or stripped) is well formed by construction and not parsed again unless
        it reaches :data:`~docgen.engine.verify.PROOF_SIZE_LIMIT` bytes.
        ``check="full"`` parses every part, proven or not. Without ``check``, the parts the
        proof leaves open are parsed when there are any (an unproven template, foreign XML).
        ``lenient`` (default: the template's own setting) prints a missing name
        as empty and treats it as false, as plain Jinja does, instead of raising.
        ``raw_xml`` places strings that are well-formed WordprocessingML as XML
        (docxtpl's ``autoescape=False``); other strings stay escaped text.
        ``links`` maps relationship ids to URLs: external hyperlinks added to the
        main part, for ``RichText(url_id=…)``.
        A template that refers outside itself (linked pictures, including fields,
        ``file:`` links…) has errors and is refused, and an attached Word template is
        removed (:mod:`docgen.engine.external`). The template's web hyperlinks
        (``http``, ``https``, ``mailto``) lose their link and keep their text unless
        ``keep_web_links`` (:mod:`docgen.engine.weblinks`); links the caller adds
        itself (``links``, subdocuments) are the caller's and stay.
        ``images`` is the folder that picture names in the data (``{{ seal|floating }}``,
        ``|seal``, ``|signature``) are read from; without it only pictures and bytes the
        program passes itself are placed (:mod:`docgen.engine.rich.sources`).
        ``watermark`` (text such as ``"草稿"`` or a
        :class:`~docgen.engine.rich.watermark.Watermark`) goes on every page, in every
        section's header.
        The document's created/modified dates (``docProps/core.xml``) are the render time,
        or with ``deterministic`` a fixed moment (``SOURCE_DATE_EPOCH`` when set, else
        2026-01-01T00:00:00Z; :mod:`docgen.stamp`); ``moment`` gives the moment itself (a
        batch stamps all its documents alike); ``keep_dates`` leaves the template's dates,
        as docxtpl does.
        Raises :class:`TemplateSyntaxError` (template problems),
        :class:`MissingFieldError`,
        :class:`SandboxError`, :class:`RenderError`.
        """
        if self.errors:
            raise TemplateSyntaxError(
                f"模板 {self.name} 有 {len(self.errors)} 处错误",
                f"template {self.name} has {len(self.errors)} problem(s)",
                self.errors,
            )
        if check not in (False, True, "full"):
            raise ValueError(f"check must be False, True or 'full', not {check!r}")
        data = as_mapping(context)
        state = RenderState(self.sites, self.frames, strip_invalid, self.id_base, self.inline)
        state.includes = IncludeEdits(self.package)
        state.includes.links = dict(links or {})
        state.template_rels = self.template_rels
        state.lenient = self.lenient if lenient is None else lenient
        state.raw_xml = raw_xml
        state.image_root = None if images is None else Path(images)
        token = CURRENT.set(state)
        spending = limits.start()
        try:
            rendered = {
                name: self._render_part(name, tpl, data, state) for name, tpl in self._jinja.items()
            }
        finally:
            limits.finish(spending)
            CURRENT.reset(token)
        outputs = {name: text.encode("utf-8") for name, text in rendered.items()}
        # The proof covers a proven part only as its template wrote it, with plain values;
        # whatever replaces its bytes later makes a new object, which check_unproven parses.
        sound = dict(self._sound)
        sound.update(
            (name, blob)
            for name, blob in outputs.items()
            if self.parts[name].proven
            and name not in state.touched
            and len(blob) < PROOF_SIZE_LIMIT
        )
        outputs.update(self.fixed)
        outputs.update({name: blob for name, (_type, blob) in state.parts.items()})
        rewrites = [(name, fix_tables) for name, part in self.parts.items() if part.fixup]
        rewrites += [(name, step) for name, steps in state.finishers.items() for step in steps]
        for name, step in rewrites:
            outputs[name] = step(outputs[name])
            if keeps_proof(step):
                # It parsed the part with the check's own parser and wrote the tree back out.
                sound[name] = outputs[name]
        outputs.update(self._neutralised)
        if self._web_links and not keep_web_links:
            for name in self._web_links.per_render:
                outputs[name] = self._web_links.unlink(name, outputs[name])
            outputs.update(self._web_links.fixed)
        self._check_links(state)
        if self._core is not None and not keep_dates:
            core = outputs.get(self._core) or self.package.read(self._core)
            outputs[self._core] = dated_core(core, moment or render_time(deterministic))
        edits = PackageEdits.from_state(state)
        outputs.update(apply_edits(self.package, edits, outputs))
        outputs.update(apply_includes(self.package, state.includes, outputs))
        if watermark is not None:
            from docgen.engine.rich.watermark import mark_package  # most renders have none

            mark_package(self.package, outputs, edits.media, watermark, state.next_id + 1)
        problems: list[Problem] = []
        if check == "full":
            problems = check_parts(outputs)
        elif check or state.verify or any(not p.proven for p in self.parts.values()):
            for name in unsound_fragments(state.fragments, self._namespaces):
                sound.pop(name, None)
            problems = check_unproven(outputs, sound)
        if problems:
            raise PackageCheckError(
                "生成的文档未通过完整性检查",
                "the rendered document failed its integrity checks",
                problems,
            )
        return self._pack(outputs, edits)

    def _unique_drawing_ids(self, root: etree._Element, seen: set[str]) -> bool:
        """Give a drawing whose id an earlier part already uses a fresh one.

        python-docx numbers pictures per part, so a header and the body of a
        template built with it both hold ``wp:docPr id="1"``; Word may then
        report the file as damaged. Returns whether anything changed.
        """
        changed = False
        for el in root.iter(ooxml.qn("wp:docPr")):
            value = el.get("id", "")
            if value in seen:
                self.id_base += 1
                value = str(self.id_base)
                el.set("id", value)
                changed = True
            seen.add(value)
        return changed

    def _check_links(self, state: RenderState) -> None:
        """Every hyperlink id a rich value wrote must name a relationship of its part."""
        problems = []
        main = self.package.main_part()
        for part, rids in sorted(state.links.items()):
            known = set(self.template_rels.get(part, {}).values())
            if part == main:
                known |= set(state.includes.links)
            for rid in sorted(rids - known):
                problems.append(
                    Problem(
                        "dangling_link",
                        f"超链接 {rid} 在 {part} 中没有对应的关系；请用 build_url_id(网址) 取得 id",
                        f"hyperlink {rid} has no relationship in {part}; "
                        "get the id from build_url_id(url)",
                        Location(part=part),
                    )
                )
        if problems:
            raise PackageCheckError(
                "生成的文档未通过完整性检查",
                "the rendered document failed its integrity checks",
                problems,
            )

    def new_subdoc(self, source: str | os.PathLike[str] | bytes) -> Subdoc:
        """docxtpl's ``new_subdoc(path)``: another .docx's body, to place with ``{{p }}``."""
        return Subdoc(source)

    def render_to(
        self, path: str | os.PathLike[str], context: Mapping[str, Any] | Any, **options: Any
    ) -> Path:
        """Render and write atomically to ``path`` (never a half-written file)."""
        from docgen.fileio import write_atomic

        return write_atomic(path, self.render(context, **options))

    def _render_part(
        self, name: str, tpl: jinja2.Template, data: Mapping[str, Any], state: RenderState
    ) -> str:
        state.part = name
        try:
            return limits.render_bounded(tpl, data)
        except DocgenError:
            raise
        except (limits.LimitExceeded, RecursionError) as err:
            location = self._in_file(_location_at(self.parts[name], _template_line(err)))
            zh, en = (
                (err.zh, err.en)
                if isinstance(err, limits.LimitExceeded)
                else ("模板嵌套或递归过深", "the template nests or recurses too deep")
            )
            raise RenderLimitError(
                f"模板超出渲染限制：{zh}",
                f"the template exceeded a render limit: {en}",
                location=location,
            ) from None
        except jinja2.UndefinedError as err:
            location = _location_at(self.parts[name], _template_line(err))
            raise undefined_error(err, location) from err
        except SecurityError as err:
            location = self._in_file(_location_at(self.parts[name], _template_line(err)))
            raise SandboxError(
                f"模板试图访问不安全的内容：{err}",
                f"the template tried to reach something unsafe: {err}",
                location=location,
            ) from err
        except Exception as err:
            location = self._in_file(_location_at(self.parts[name], _template_line(err)))
            raise RenderError(
                f"渲染失败：{type(err).__name__}: {err}",
                f"render failed: {type(err).__name__}: {err}",
                location=location,
            ) from err

    def _in_file(self, location: Location) -> Location:
        """``location`` naming this template's file too: a stranger's template that hits a
        limit or the sandbox is named in the error, not only its paragraph."""
        if location.file is not None or self.name == "<template>":
            return location
        return dataclasses.replace(location, file=self.name)

    def _pack(self, outputs: dict[str, bytes], edits: PackageEdits) -> bytes:
        entries: list[zipout.Entry] = []
        blocks: dict[int, bytes] = {}
        for i, member in enumerate(self.package.members):
            if member.name in outputs:
                blob = outputs[member.name]
                entries.append(zipout.packed_entry(member.name, blob, DEFLATE_LEVEL))
                continue
            blocks[len(entries)] = self._blocks[i]
            entries.append(self._copied[i])
        for name, blob in edits.new_members(self.package, outputs):
            entries.append(
                zipout.stored_entry(name, blob)
                if name.startswith(_COMPRESSED)
                else zipout.packed_entry(name, blob, DEFLATE_LEVEL)
            )
        return zipout.write_zip(entries, blocks)


def as_mapping(context: Mapping[str, Any] | Any) -> Mapping[str, Any]:
    """The render's data as a mapping (a model is dumped); anything else is a RenderError."""
    if isinstance(context, Mapping):
        return context
    dump = getattr(context, "model_dump", None)
    if callable(dump):
        result = dump()
        if isinstance(result, Mapping):
            return result
    raise RenderError("数据必须是字典（映射）", "the data must be a mapping (dict)")


def _template_line(err: BaseException) -> int | None:
    line = getattr(err, "lineno", None)
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _location_at(part: CompiledPart, line: int | None) -> Location:
    if line is None or not part.line_locations:
        return Location(part=part.name)
    starts = [entry[0] for entry in part.line_locations]
    index = bisect.bisect_right(starts, line) - 1
    return part.line_locations[max(index, 0)][1]


def undefined_error(err: jinja2.UndefinedError, location: Location) -> DocgenError:
    """The error for a name the data lacks, at ``location`` (shared with workbook templates)."""
    message = err.message or str(err)
    name = message
    for marker in ("has no attribute '", "' is undefined"):
        if marker in message:
            name = message.split(marker)[1 if marker.startswith("has") else 0]
            name = name.strip("'").split("'")[0]
    site = Site(-1, "text", location.snippet or name, location, location.part or "")
    return missing_field(
        name, location.snippet or name, site, as_test=isinstance(err, UndefinedTestError)
    )


def _max_id(root: etree._Element) -> int:
    """The highest drawing or bookmark id in one part."""
    highest = 0
    for el in root.iter(ooxml.qn("wp:docPr")):
        highest = max(highest, _as_int(el.get("id")))
    for el in root.iter(ooxml.qn("w:bookmarkStart")):
        highest = max(highest, _as_int(el.get(ooxml.qn("w:id"))))
    return highest


def parse_part(package: Package, name: str) -> etree._Element:
    """Parse one template part; malformed XML is a TemplateError naming the part."""
    try:
        return package.tree(name)
    except etree.XMLSyntaxError as err:
        raise TemplateError(
            f"模板 {package.source} 的部件 {name} 不是格式正确的 XML：{err}",
            f"part {name} of template {package.source} is not well-formed XML: {err}",
        ) from err


def _parsing(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The XML parts of ``parts`` that parse (the others are left to every render's check)."""
    return {
        name: blob
        for name, blob in parts.items()
        if len(blob) < PROOF_SIZE_LIMIT and not check_parts({name: blob})
    }


def _rels_trees(package: Package) -> dict[str, etree._Element]:
    """Every relationships part of the template, parsed once."""
    return {
        m.name: parse_part(package, m.name) for m in package.members if m.name.endswith(".rels")
    }


def _template_rels(package: Package, trees: dict[str, etree._Element]) -> dict[str, dict[str, str]]:
    """Each story part's existing relationships, target → id."""
    found: dict[str, dict[str, str]] = {}
    for name, _kind in package.story_parts():
        root = trees.get(rels_name(name))
        if root is not None:
            found[name] = {rel.get("Target", ""): rel.get("Id", "") for rel in root}
    return found


def _as_int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def template_stat(file: Path) -> os.stat_result:
    """``stat`` of a template file; a folder or a missing file is TemplateNotFound."""
    if file.is_dir():
        raise TemplateNotFound(
            f"{file} 是文件夹，不是模板文件", f"{file} is a folder, not a template"
        )
    try:
        return file.stat()
    except OSError as err:
        raise TemplateNotFound(
            f"找不到模板文件 {file}", f"template file not found: {file}"
        ) from err


def read_template(file: Path) -> bytes:
    """The bytes of a template file, with the same errors as :func:`template_stat`."""
    template_stat(file)
    try:
        return file.read_bytes()
    except OSError as err:
        raise TemplateNotFound(
            f"无法读取模板文件 {file}：{err.strerror}",
            f"cannot read template file {file}: {err.strerror}",
        ) from err


# -- loading with a cache -------------------------------------------------------------

_CACHE: dict[tuple[object, str, str], Any] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 64

T = TypeVar("T")


def load(path: str | os.PathLike[str], *, filters: dict[str, Any] | None = None) -> Template:
    """Compile the template at ``path``, reusing a cached compile while its bytes are unchanged.

    The cache keys on a hash of the file's content, not on its mtime and size:
    ``tar``, ``rsync`` and ``cp -p`` can put a different template of the same
    size and mtime in place, and a long-running service must see it.
    Raises :class:`TemplateNotFound` when there is no such file.
    """
    return cached_compile(path, Template, filters)


def cached_compile(
    path: str | os.PathLike[str],
    make: Callable[[bytes, str, dict[str, Any] | None], T],
    filters: dict[str, Any] | None = None,
) -> T:
    """``make(bytes, name, filters)`` for the file at ``path``, cached per content (see
    :func:`load`); workbook templates share the cache under their own ``make``."""
    file = Path(path)
    blob = read_template(file)
    key = (make, str(file.resolve()), hashlib.sha256(blob).hexdigest())
    if filters is None:
        with _CACHE_LOCK:
            cached = _CACHE.get(key)
        if cached is not None:
            return cast(T, cached)
    template = make(blob, str(file), filters)
    if filters is None:
        with _CACHE_LOCK:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = template
    return template
