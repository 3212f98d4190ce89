"""The one exception tree of docgen, and the problem records errors carry.

::

    DocgenError                      root; ``exit_code`` for the CLI, ``code`` a stable id
    ├── TemplateError
    │   ├── TemplateNotFound         also LookupError
    │   ├── TemplateSyntaxError      ``problems``: every problem found in one pass
    │   ├── ManifestError            also ValueError
    │   └── CorruptPackageError      a .docx member is damaged, lies about its size or holds a DTD
    ├── DataError                    also ValueError; ``problems``: every problem, with places
    │   ├── InputTooLargeError       a file or archive beyond the size bounds
    │   └── NoHolidaySchedule        no holiday schedule for a year whose working days count
    ├── RenderError                  a render failed; ``location`` says where in the template
    │   ├── MissingFieldError        also KeyError-like: a field the template uses is absent
    │   ├── InvalidCharacterError    also ValueError: a value holds a character XML 1.0 cannot
    │   ├── SandboxError             the template tried to reach something unsafe
    │   │   └── RenderLimitError     the template exceeded an output, loop or size limit
    │   ├── PackageCheckError        the rendered package failed its integrity checks
    │   └── ReplacementError         also ValueError: a picture to replace is not in the document
    ├── BundleError
    │   ├── RecipeError              a recipe is unreadable or invalid; ``problems`` with lines
    │   ├── OutputBusyError          another batch holds the output folder (exit 10)
    │   └── BatchStoppedError        a batch stopped part-way (disk full); says how to resume (11)
    ├── ConversionError
    │   ├── ToolNotFound             LibreOffice, pandoc or poppler is missing; says how to install
    │   └── ConversionFailed         some files did not convert; ``failures`` lists each
    └── InspectError                 ``docgen inspect`` cannot read a file as a PDF (exit 4)

    Interrupted                      KeyboardInterrupt: Ctrl-C (exit 130) or SIGTERM (exit 143)

``Interrupted`` is not a ``DocgenError`` on purpose: like ``KeyboardInterrupt`` it must pass
through every ``except Exception`` (a worker's "one bad row" guard must not swallow it).

Exit codes live in one enum, :class:`ExitCode`; every error class (and every result
that can fail) carries its own.

Every message is available in Chinese (default) and English. An error keeps the
language of the call that raised it (``err.lang``, from :mod:`docgen.i18n` at creation):
``str(err)`` gives the message in that language with every problem on its own line,
whenever and in whichever thread it is printed, so the CLI prints errors as they are
and two requests in different languages never swap wordings. ``err.text("en")``
gives the same text in another language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import ClassVar, Literal, Protocol

from docgen.i18n import Lang, current_language, language, tr

Severity = Literal["error", "warning"]


class ExitCode(IntEnum):
    """Every exit code of ``docgen``, defined once (``docgen --help`` lists them)."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    TEMPLATE = 3
    DATA = 4
    RENDER = 5
    TEMPLATE_NOT_FOUND = 6
    CONVERSION = 7
    BUNDLE = 8
    ROWS_FAILED = 9
    OUTPUT_BUSY = 10
    BATCH_STOPPED = 11


@dataclass(frozen=True)
class Location:
    """Where a problem is: in a data file, or in a template part.

    Only the fields that apply are set. ``describe()`` turns them into one short
    phrase such as ``plan.yaml:12:5`` or ``正文第 3 段（表格 1 第 2 行第 4 格）``.
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None
    part: str | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    table_cell: int | None = None
    snippet: str | None = None

    def describe(self) -> str:
        """A one-line human description of this place in the current language."""
        pieces: list[str] = []
        if self.file is not None:
            spot = self.file
            if self.sheet is not None:
                spot += f"[{self.sheet}]"
                if self.cell is not None:
                    spot += f"!{self.cell}"
            elif self.line is not None:
                spot += f":{self.line}"
                if self.column is not None:
                    spot += f":{self.column}"
            pieces.append(spot)
        if self.part is not None:
            pieces.append(self._describe_part())
        if self.snippet:
            pieces.append(tr(f"「{self.snippet}」", f"'{self.snippet}'"))
        return " ".join(pieces)

    def _describe_part(self) -> str:
        name = part_label(self.part or "")
        where = name
        if self.paragraph is not None:
            where += tr(f"第 {self.paragraph} 段", f" paragraph {self.paragraph}")
        if self.table is not None:
            cell_zh = f"表格 {self.table}"
            cell_en = f"table {self.table}"
            if self.row is not None:
                cell_zh += f" 第 {self.row} 行"
                cell_en += f" row {self.row}"
            if self.table_cell is not None:
                cell_zh += f"第 {self.table_cell} 格"
                cell_en += f" cell {self.table_cell}"
            where += tr(f"（{cell_zh}）", f" ({cell_en})")
        return where


def part_label(part: str) -> str:
    """A readable name for a package part (``word/header1.xml`` → ``页眉 1``)."""
    base = part.rsplit("/", 1)[-1].removesuffix(".xml")
    for prefix, zh, en in (
        ("document", "正文", "body"),
        ("header", "页眉", "header"),
        ("footer", "页脚", "footer"),
        ("footnotes", "脚注", "footnotes"),
        ("endnotes", "尾注", "endnotes"),
        ("core", "文档属性", "document properties"),
        ("app", "文档属性", "document properties"),
        ("custom", "自定义属性", "custom properties"),
    ):
        if base.startswith(prefix):
            number = base[len(prefix) :]
            suffix = f" {number}" if number else ""
            return tr(f"{zh}{suffix}", f"{en}{suffix}")
    return part


@dataclass(frozen=True)
class Problem:
    """One thing wrong, with a stable ``code``, a bilingual message and a place."""

    code: str
    message_zh: str
    message_en: str
    location: Location = field(default_factory=Location)
    field_path: str | None = None
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """The message in the current language."""
        return tr(self.message_zh, self.message_en)

    def describe(self) -> str:
        """``place: [field] message (code)`` on one line."""
        place = self.location.describe()
        head = f"{place}: " if place else ""
        fld = f"{self.field_path}: " if self.field_path else ""
        return f"{head}{fld}{self.message} [{self.code}]"


class DocgenError(Exception):
    """Root of every error docgen raises on purpose."""

    exit_code: ClassVar[int] = ExitCode.INTERNAL
    code: ClassVar[str] = "docgen_error"

    def __init__(self, message_zh: str, message_en: str | None = None) -> None:
        self.message_zh = message_zh
        self.message_en = message_en if message_en is not None else message_zh
        #: The language of the call that raised it: ``str(err)`` speaks it.
        self.lang: Lang = current_language()
        super().__init__(message_zh)

    @property
    def message(self) -> str:
        """The headline message in the language of the call that raised it."""
        return self.message_en if self.lang == "en" else self.message_zh

    def text(self, lang: str | None = None) -> str:
        """The whole text (headline, places, problems) in ``lang``; default ``self.lang``."""
        with language(lang or self.lang):
            return self._text()

    def _text(self) -> str:
        """The whole text in the current language (subclasses add their details)."""
        return tr(self.message_zh, self.message_en)

    def __str__(self) -> str:
        return self.text()


class _ProblemsMixin(DocgenError):
    """An error that carries every problem found, not just the first."""

    def __init__(self, message_zh: str, message_en: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message_zh, message_en)
        self.problems: Sequence[Problem] = tuple(problems)

    def _text(self) -> str:
        lines = [super()._text(), *(f"  - {p.describe()}" for p in self.problems)]
        return "\n".join(lines)


class TemplateError(DocgenError):
    """Something is wrong with a template (not with the data)."""

    exit_code = ExitCode.TEMPLATE
    code = "template_error"


class TemplateNotFound(TemplateError, LookupError):
    """No template by that path or library name."""

    exit_code = ExitCode.TEMPLATE_NOT_FOUND
    code = "template_not_found"


class TemplateSyntaxError(_ProblemsMixin, TemplateError):
    """The template has tag problems; ``problems`` lists all of them."""

    code = "template_syntax"


class ManifestError(TemplateError, ValueError):
    """A template's manifest is missing or malformed."""

    code = "manifest_error"


class CorruptPackageError(_ProblemsMixin, TemplateError):
    """A .docx package is damaged or unsafe to copy; ``problems`` name each member and reason."""

    code = "corrupt_package"


class DataError(_ProblemsMixin, ValueError):
    """Input data is invalid; ``problems`` lists every problem with its place."""

    exit_code = ExitCode.DATA
    code = "data_error"


class InputTooLargeError(DataError):
    """A data file (or the archive inside it) is beyond the size docgen will read."""

    code = "input_too_large"


class NoHolidaySchedule(DataError):
    """The holiday calendar has no schedule for a year whose working days are counted."""

    code = "no_holiday_schedule"


class RenderError(DocgenError):
    """Rendering a template with given data failed."""

    exit_code = ExitCode.RENDER
    code = "render_error"

    def __init__(
        self,
        message_zh: str,
        message_en: str | None = None,
        *,
        location: Location | None = None,
        field_path: str | None = None,
    ) -> None:
        super().__init__(message_zh, message_en)
        self.location = location or Location()
        self.field_path = field_path

    def _text(self) -> str:
        place = self.location.describe()
        headline = super()._text()
        return f"{place}: {headline}" if place else headline


class MissingFieldError(RenderError):
    """The template uses a field the data does not provide."""

    code = "missing_field"


class InvalidCharacterError(RenderError, ValueError):
    """A value holds a character that XML 1.0 cannot represent."""

    code = "invalid_xml_char"


class SandboxError(RenderError):
    """The template tried to reach an attribute or call that the sandbox forbids."""

    code = "sandbox_violation"


class RenderLimitError(SandboxError):
    """The template went past a render limit (output size, loop steps, string or number size)."""

    code = "render_limit"


class ReplacementError(RenderError, ValueError):
    """``replace_pic`` named a picture the document does not have (docxtpl: ValueError)."""

    code = "replacement_not_found"


class PackageCheckError(_ProblemsMixin, RenderError):
    """The rendered package failed its integrity checks (parse, ids, relationships)."""

    code = "package_check"


class BundleError(DocgenError):
    """A bundle recipe or one of its steps failed."""

    exit_code = ExitCode.BUNDLE
    code = "bundle_error"


class OutputBusyError(BundleError):
    """Another batch is writing into the same output folder (it holds the folder's lock)."""

    exit_code = ExitCode.OUTPUT_BUSY
    code = "output_busy"


class BatchStoppedError(BundleError):
    """A batch could not go on (the disk is full, the folder became unwritable).

    ``done`` rows are finished and recorded; ``left`` were not attempted. Running the
    same command again, once the cause is removed, redoes only what is missing.
    """

    exit_code = ExitCode.BATCH_STOPPED
    code = "batch_stopped"

    def __init__(self, message_zh: str, message_en: str, *, done: int = 0, left: int = 0) -> None:
        super().__init__(message_zh, message_en)
        self.done = done
        self.left = left


class ConversionError(DocgenError):
    """Converting a document to another format failed."""

    exit_code = ExitCode.CONVERSION
    code = "conversion_error"


class RecipeError(_ProblemsMixin, BundleError):
    """A recipe file is unreadable or invalid; ``problems`` lists every problem with its place."""

    code = "recipe_error"


class ToolNotFound(ConversionError):
    """LibreOffice, pandoc or poppler is not installed; the message says how to install it."""

    code = "tool_not_found"

    def __init__(self, tool: str, purpose_zh: str, purpose_en: str, package: str) -> None:
        super().__init__(
            f"未找到 {tool}，无法{purpose_zh}。请先安装：sudo apt-get install {package}",
            f"{tool} was not found, so docgen cannot {purpose_en}. "
            f"Install it with: sudo apt-get install {package}",
        )
        self.tool = tool
        self.package = package


class Described(Protocol):
    """A failure record (:class:`docgen.results.Failure`): where and why, in a language."""

    def describe(self, lang: str | None = None) -> str: ...


class ConversionFailed(ConversionError):
    """Some files did not convert; ``failures`` lists each with its reason."""

    code = "conversion_failed"

    def __init__(self, failures: Sequence[Described]) -> None:
        count = len(failures)
        super().__init__(f"{count} 个文件转换失败", f"{count} file(s) failed to convert")
        self.failures = tuple(failures)

    def _text(self) -> str:
        lang = current_language()
        lines = [super()._text(), *(f"  - {f.describe(lang)}" for f in self.failures)]
        return "\n".join(lines)


class InspectError(DocgenError):
    """The file given to ``inspect`` is not a readable PDF (missing, damaged, encrypted, empty).

    Exit code 4, as for any input file docgen cannot read. A PDF that reads fine but breaks the
    house style is not an error: it is a report with failing findings.
    """

    exit_code = ExitCode.DATA
    code = "inspect_unreadable"


class Interrupted(KeyboardInterrupt):
    """The run was stopped by Ctrl-C (SIGINT, exit 130) or SIGTERM (exit 143).

    Raised in the main thread by docgen's signal handler, so that ``with`` blocks and
    ``finally`` clauses stop offices and workers and remove temporary folders on the way out.
    """

    code = "interrupted"

    def __init__(self, signum: int = 2) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as shells report a process ended by that signal."""
        return 128 + self.signum

    @property
    def message(self) -> str:
        """What happened and what to do, in the current language."""
        return tr(
            "已中断：已完成的文件保留，未完成的临时文件已清除；重新运行同一命令可继续。",
            "interrupted: finished files are kept, unfinished temporary files removed; "
            "run the same command again to continue.",
        )


__all__ = [
    "BatchStoppedError",
    "BundleError",
    "ConversionError",
    "ConversionFailed",
    "CorruptPackageError",
    "DataError",
    "Described",
    "DocgenError",
    "ExitCode",
    "InputTooLargeError",
    "InspectError",
    "Interrupted",
    "InvalidCharacterError",
    "Location",
    "ManifestError",
    "MissingFieldError",
    "NoHolidaySchedule",
    "OutputBusyError",
    "PackageCheckError",
    "Problem",
    "RecipeError",
    "RenderError",
    "RenderLimitError",
    "ReplacementError",
    "SandboxError",
    "TemplateError",
    "TemplateNotFound",
    "TemplateSyntaxError",
    "ToolNotFound",
    "part_label",
]
