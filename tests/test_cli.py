"""The command line: help, render, check, exit codes, languages, and no tracebacks."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import docgen
import docgen.cli.render_cmd
from docgen import stamp
from docgen.cli import main
from docgen.i18n import set_language
from tests.core_dates import clock_window, dates, within
from tests.docx_builder import make_docx, p, paragraph_texts

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def default_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in Chinese and leaves the language as it found it."""
    monkeypatch.delenv("DOCGEN_LANG", raising=False)
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    set_language(None)
    yield
    set_language(None)


def invoke(*args: str | Path) -> Result:
    """Run the CLI in-process, exceptions caught the way a real run would end."""
    return CliRunner().invoke(main, [str(a) for a in args])


def no_traceback(result: Result) -> None:
    """The run printed no Python traceback and ended through SystemExit."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A good template, a broken one, a warning-only one and data files."""
    made = {
        "good": make_docx(
            p("支部：{{ branch }}") + p("{%p for x in xs %}") + p("{{ x }}") + p("{%p endfor %}")
        ),
        "broken": make_docx(p("{{ a ") + p("{%p endfor %}") + p("{{ b|nope }}") + p("{{ c|zzz }}")),
        "warning": make_docx(p("文字 {%p if a %}") + p("x") + p("{%p endif %}")),
    }
    out = {}
    for name, blob in made.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(blob)
        out[name] = path
    data = {
        "data_yaml": "branch: 教工第一党支部\nxs: [一, 二]\n",
        "data_json": json.dumps({"branch": "JSON 支部", "xs": ["a"]}, ensure_ascii=False),
        "data_toml": 'branch = "TOML 支部"\nxs = ["t"]\n',
        "bad_yaml": "branch: 支部\nxs: [1, 2\nother: 3\n",
        "no_branch": "xs: []\n",
        "bad_char": 'branch: "a\\x01b"\nxs: []\n',
    }
    suffix = {"data_json": ".json", "data_toml": ".toml"}
    for name, text in data.items():
        path = tmp_path / f"{name}{suffix.get(name, '.yaml')}"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


# -- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], ["render", "check", "退出码", "exit codes"]),
        (["-h"], ["render", "check"]),
        (
            ["render", "--help"],
            ["--output", "--strip-invalid", "--templates", "--check", "--full-check"],
        ),
        (["check", "--help"], ["--strict", "--templates"]),
    ],
)
def test_help(args: list[str], expected: list[str]) -> None:
    """--help works on the group and on every command."""
    result = invoke(*args)
    assert result.exit_code == 0
    for word in expected:
        assert word in result.output


def test_version() -> None:
    """--version prints the package version."""
    result = invoke("--version")
    assert result.exit_code == 0
    assert docgen.__version__ in result.output


# -- render ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("data_yaml", ["支部：教工第一党支部", "一", "二"]),
        ("data_json", ["支部：JSON 支部", "a"]),
        ("data_toml", ["支部：TOML 支部", "t"]),
    ],
)
def test_render_writes_file(
    files: dict[str, Path], tmp_path: Path, data: str, expected: list[str]
) -> None:
    """render writes the document (YAML, JSON or TOML data), prints its path, exits 0."""
    out = tmp_path / "out" / "结果.docx"
    result = invoke("render", files["good"], files[data], "-o", out)
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    assert paragraph_texts(out.read_bytes()) == expected


def test_render_library_template(tmp_path: Path) -> None:
    """render accepts a library name and the shipped sample data."""
    out = tmp_path / "整改方案.docx"
    sample = REPO / "templates" / "plans" / "zhenggai-fangan" / "example.yaml"
    result = invoke("render", "plans/zhenggai-fangan", sample, "-o", out)
    assert result.exit_code == 0, result.output
    assert docgen.verify_package(out.read_bytes()) == []


def test_render_stamps_the_render_time_unless_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docgen render: created/modified are the render time; --deterministic fixes them to the
    documented moment, so two renders are byte-identical (issue 9 §6)."""
    monkeypatch.delenv(stamp.ENV, raising=False)
    sample = REPO / "templates" / "plans" / "zhenggai-fangan" / "example.yaml"
    out = tmp_path / "方案.docx"
    with clock_window() as window:
        assert invoke("render", "plans/zhenggai-fangan", sample, "-o", out).exit_code == 0
    assert within(out.read_bytes(), window)
    renders = []
    for name in ("一.docx", "二.docx"):
        result = invoke("render", "plans/zhenggai-fangan", sample, "-o", tmp_path / name,
                        "--deterministic")  # fmt: skip
        assert result.exit_code == 0, result.output
        renders.append((tmp_path / name).read_bytes())
    assert renders[0] == renders[1]
    assert dates(renders[0]) == (stamp.FIXED, stamp.FIXED)
    assert "--deterministic" in invoke("render", "--help").output


def test_render_missing_template_exit_6(files: dict[str, Path], tmp_path: Path) -> None:
    """A template that does not exist: exit 6, a Chinese message, no traceback, no output file."""
    out = tmp_path / "o.docx"
    result = invoke("render", tmp_path / "没有.docx", files["data_yaml"], "-o", out)
    assert result.exit_code == 6
    assert "找不到模板" in result.stderr
    assert "没有.docx" in result.stderr
    no_traceback(result)
    assert not out.exists()


def test_render_bad_yaml_exit_4(files: dict[str, Path], tmp_path: Path) -> None:
    """Broken YAML: exit 4, the message names file and line."""
    result = invoke("render", files["good"], files["bad_yaml"], "-o", tmp_path / "o.docx")
    assert result.exit_code == 4
    assert f"{files['bad_yaml']}:2" in result.stderr
    assert "文件格式有误" in result.stderr
    no_traceback(result)


def test_render_missing_data_file_is_clean(files: dict[str, Path], tmp_path: Path) -> None:
    """A data file that does not exist is reported by name, without a traceback."""
    result = invoke("render", files["good"], tmp_path / "无.yaml", "-o", tmp_path / "o.docx")
    assert result.exit_code in (4, 6)
    assert "无.yaml" in result.stderr
    no_traceback(result)


def test_render_gbk_data_like_validate(files: dict[str, Path], tmp_path: Path) -> None:
    """A GBK-encoded data file renders, as ``validate`` reads it (one reader for both)."""
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("branch: 教工支部\nxs: []\n".encode("gbk"))
    out = tmp_path / "o.docx"
    result = invoke("render", files["good"], gbk, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "教工支部".encode() in zipfile.ZipFile(out).read("word/document.xml")
    assert invoke("validate", gbk).exit_code == 0


def test_render_missing_field_exit_5(files: dict[str, Path], tmp_path: Path) -> None:
    """A field the template needs and the data lacks: exit 5 naming field and paragraph."""
    out = tmp_path / "o.docx"
    result = invoke("render", files["good"], files["no_branch"], "-o", out)
    assert result.exit_code == 5
    assert "branch" in result.stderr
    assert "第 1 段" in result.stderr
    no_traceback(result)
    assert not out.exists()


def test_render_invalid_character_exit_5_or_stripped(
    files: dict[str, Path], tmp_path: Path
) -> None:
    """A control character fails with exit 5; --strip-invalid drops it and succeeds."""
    out = tmp_path / "o.docx"
    result = invoke("render", files["good"], files["bad_char"], "-o", out)
    assert result.exit_code == 5
    assert "U+0001" in result.stderr
    no_traceback(result)
    result = invoke("render", files["good"], files["bad_char"], "-o", out, "--strip-invalid")
    assert result.exit_code == 0, result.output
    assert paragraph_texts(out.read_bytes()) == ["支部：ab"]


@pytest.mark.parametrize("check", ["--check", "--full-check", "--no-check"])
def test_render_refuses_or_strips_a_control_character_whatever_the_check(
    files: dict[str, Path], tmp_path: Path, check: str
) -> None:
    """The good template is proven, so --check parses none of its rendered parts: the control
    character is refused (or stripped) by the render itself, exactly as with --full-check."""
    out = tmp_path / "o.docx"
    result = invoke("render", files["good"], files["bad_char"], "-o", out, check)
    assert result.exit_code == 5
    assert "U+0001" in result.stderr
    no_traceback(result)
    args = ("render", files["good"], files["bad_char"], "-o", out, "--strip-invalid")
    result = invoke(*args, check, "--deterministic")
    assert result.exit_code == 0, result.output
    assert paragraph_texts(out.read_bytes()) == ["支部：ab"]
    assert docgen.verify_package(out.read_bytes()) == []


@pytest.mark.parametrize("check", ["--check", "--full-check", "--no-check"])
def test_render_parses_an_unproven_part_whatever_the_check(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: str
) -> None:
    """A part the compiler cannot prove ({% set %}…{% endset %}) is parsed after every
    render; a proven one only under --full-check."""
    import docgen.engine.template as template_module
    import docgen.engine.verify as verify_module

    parsed: list[str] = []
    real = verify_module.check_parts

    def spy(parts: dict[str, bytes]) -> list[Any]:
        parsed.extend(sorted(parts))
        return real(parts)

    monkeypatch.setattr(verify_module, "check_parts", spy)
    monkeypatch.setattr(template_module, "check_parts", spy)
    unproven = tmp_path / "unproven.docx"
    unproven.write_bytes(make_docx(p("{% set x %}{{ branch }}{% endset %}{{ x }}")))
    out = tmp_path / "o.docx"
    result = invoke("render", unproven, files["data_yaml"], "-o", out, check)
    assert result.exit_code == 0, result.output
    assert paragraph_texts(out.read_bytes()) == ["教工第一党支部"]
    assert "word/document.xml" in parsed
    parsed.clear()
    result = invoke("render", files["good"], files["data_yaml"], "-o", out, check)
    assert result.exit_code == 0, result.output
    assert ("word/document.xml" in parsed) == (check == "--full-check")


def test_render_broken_template_exit_3(files: dict[str, Path], tmp_path: Path) -> None:
    """Rendering a template with problems exits 3 and lists them."""
    result = invoke("render", files["broken"], files["data_yaml"], "-o", tmp_path / "o.docx")
    assert result.exit_code == 3
    assert "unclosed_tag" in result.stderr
    no_traceback(result)


def test_render_usage_error_exit_2(files: dict[str, Path]) -> None:
    """A missing --output is a usage error."""
    result = invoke("render", files["good"], files["data_yaml"])
    assert result.exit_code == 2


# -- check ----------------------------------------------------------------------------------------


def test_check_lists_every_problem_exit_3(files: dict[str, Path]) -> None:
    """check on a broken template exits 3 and prints one line per problem, with code and place."""
    result = invoke("check", files["broken"])
    assert result.exit_code == 3
    lines = [line for line in result.stdout.splitlines() if line.startswith("错误")]
    assert len(lines) == 4
    for code, paragraph in (
        ("unclosed_tag", 1),
        ("unbalanced_block", 2),
        ("unknown_filter", 3),
        ("unknown_filter", 4),
    ):
        assert any(f"[{code}]" in line and f"第 {paragraph} 段" in line for line in lines), code
    assert "4 处问题" in result.stderr
    no_traceback(result)


def test_check_clean_template_exit_0(files: dict[str, Path]) -> None:
    """check on a sound template exits 0 and says so."""
    result = invoke("check", files["good"])
    assert result.exit_code == 0
    assert "没有发现问题" in result.stdout


@pytest.mark.parametrize(("strict", "code"), [(False, 0), (True, 3)])
def test_check_warnings_fail_only_when_strict(
    files: dict[str, Path], strict: bool, code: int
) -> None:
    """Warnings are printed; they fail the check only with --strict."""
    args = ["check", str(files["warning"]), *(["--strict"] if strict else [])]
    result = invoke(*args)
    assert result.exit_code == code
    assert "警告" in result.stdout
    assert "[dropped_content]" in result.stdout


def test_check_missing_template_exit_6(tmp_path: Path) -> None:
    """check on a name that is neither a file nor a library template exits 6."""
    result = invoke("check", tmp_path / "nope.docx")
    assert result.exit_code == 6
    no_traceback(result)


def test_check_not_a_docx_exit_3(tmp_path: Path) -> None:
    """check on a file that is not a .docx exits 3 with a message, no traceback."""
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = invoke("check", bad)
    assert result.exit_code == 3
    assert "bad.docx" in result.stderr
    no_traceback(result)


def test_check_malformed_part_exit_3(tmp_path: Path) -> None:
    """check on a .docx whose body XML is broken exits 3 with a message, not an internal error."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(p("x")))) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            broken = name == "word/document.xml"
            dst.writestr(name, b"<w:document><unclosed" if broken else src.read(name))
    bad = tmp_path / "corrupt.docx"
    bad.write_bytes(buf.getvalue())
    result = invoke("check", bad)
    assert result.exit_code == 3
    assert "corrupt.docx" in result.stderr
    no_traceback(result)


# -- language and internal errors ---------------------------------------------------------------


def test_lang_en_gives_english(files: dict[str, Path], tmp_path: Path) -> None:
    """--lang en switches messages to English."""
    result = invoke(
        "--lang",
        "en",
        "render",
        tmp_path / "nope.docx",
        files["data_yaml"],
        "-o",
        tmp_path / "o.docx",
    )
    assert result.exit_code == 6
    assert "template" in result.stderr
    assert "not found" in result.stderr
    assert "找不到" not in result.stderr
    result = invoke("--lang", "en", "check", files["broken"])
    assert result.exit_code == 3
    assert "error:" in result.stdout
    assert "unknown filter nope" in result.stdout


def test_docgen_lang_environment(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DOCGEN_LANG=en also gives English."""
    monkeypatch.setenv("DOCGEN_LANG", "en")
    result = invoke("check", files["good"])
    assert result.exit_code == 0
    assert "no problems found" in result.stdout


def test_internal_error_has_no_traceback(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception exits 1 with a short message and no traceback."""

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(docgen.cli.render_cmd, "prepare", boom)
    result = invoke("render", files["good"], files["data_yaml"], "-o", tmp_path / "o.docx")
    assert result.exit_code == 1
    assert "RuntimeError: kaboom" in result.stderr
    assert "--debug" in result.stderr
    no_traceback(result)


def test_debug_lets_internal_error_through(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --debug the internal error propagates (for its traceback)."""

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(docgen.cli.render_cmd, "prepare", boom)
    result = invoke(
        "--debug", "render", files["good"], files["data_yaml"], "-o", tmp_path / "o.docx"
    )
    assert isinstance(result.exception, RuntimeError)


def test_python_m_docgen_runs() -> None:
    """`python -m docgen --help` works as a real subprocess (no traceback, exit 0)."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "docgen", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert "render" in proc.stdout


def test_output_dash_writes_the_document_to_stdout(files: dict[str, Path]) -> None:
    """``-o -`` sends the .docx bytes to standard output and writes no file."""
    result = CliRunner().invoke(
        main, ["render", str(files["good"]), str(files["data_yaml"]), "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    blob = result.stdout_bytes
    assert zipfile.is_zipfile(io.BytesIO(blob))
    assert "教工第一党支部".encode() in zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml")


def test_output_without_suffix_gets_docx(files: dict[str, Path], tmp_path: Path) -> None:
    """``-o 支委会记录`` writes 支委会记录.docx (and says so)."""
    result = invoke("render", files["good"], files["data_yaml"], "-o", tmp_path / "支委会记录")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "支委会记录.docx").is_file()
    assert not (tmp_path / "支委会记录").exists()
    assert result.stdout.strip() == str(tmp_path / "支委会记录.docx")


def test_lang_after_the_subcommand(files: dict[str, Path], tmp_path: Path) -> None:
    """``docgen render --lang en …`` speaks English like ``docgen --lang en render …``."""
    before = invoke("--lang", "en", "render", files["good"], tmp_path / "无.yaml", "-o", "o.docx")
    after = invoke("render", "--lang", "en", files["good"], tmp_path / "无.yaml", "-o", "o.docx")
    assert after.exit_code == before.exit_code == 4
    assert after.stderr == before.stderr
    assert "cannot" in after.stderr


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``docgen schema minutes | head -1`` ends without a BrokenPipeError traceback."""
    import subprocess
    import sys

    shell = f"{sys.executable} -m docgen schema minutes | head -c 1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, check=False)  # noqa: S602
    assert done.stdout == "{"
    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr
