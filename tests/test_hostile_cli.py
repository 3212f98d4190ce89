"""Every hostile input, through the real CLI under a 2 GiB address-space cap.

Each case must end within 20 s of wall time with its documented exit code (never 1, the
"bug" code) and a message that names the file and the reason. The cases run two at a time
(the machine has two cores), each in its own process, so one case's time is its own; a case
still running after 20 s is killed and fails.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen.engine import zipout
from tests.data.loaders.test_yaml_bounds import billion_laughs
from tests.docx_builder import make_docx, p
from tests.hostile_docx import (
    DTD_DOCUMENT,
    GOOD,
    MB,
    bad_crc,
    linked_picture,
    lying_member,
    replaced,
    with_entries,
    with_references,
)

pytestmark = pytest.mark.slow

_CAP = 2 * 1024**3
_WALL = 20.0  # seconds, from start to exit, whatever the machine's load
_AT_ONCE = 2


def _dtd_template() -> bytes:
    body = make_docx(p("{{ a }}"))
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        xml = zf.read("word/document.xml")
    return replaced(body, "word/document.xml", DTD_DOCUMENT + xml)


Case = tuple[str, Callable[[Path], list[str]], int, list[str]]


def _template(tmp: Path, blob: bytes) -> Path:
    path = tmp / "陌生人.docx"
    path.write_bytes(blob)
    return path


def _data(tmp: Path, name: str = "数据.yaml", text: str = "a: 1\n") -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def _render(blob: bytes, data_name: str = "数据.yaml", data: str = "a: 1\n") -> Callable[
    [Path], list[str]
]:  # fmt: skip
    def args(tmp: Path) -> list[str]:
        tpl = _template(tmp, blob)
        return ["render", str(tpl), str(_data(tmp, data_name, data)), "-o", str(tmp / "out.docx")]

    return args


def _check(blob: bytes) -> Callable[[Path], list[str]]:
    return lambda tmp: ["check", str(_template(tmp, blob))]


def _bundle(output: str) -> Callable[[Path], list[str]]:
    """A stranger's recipe whose one step names its output with ``output``."""

    def args(tmp: Path) -> list[str]:
        (tmp / "good.docx").write_bytes(GOOD)
        recipe = tmp / "配方.yaml"
        recipe.write_text(
            "name: 陌生配方\nsteps:\n  - id: s\n    template: good.docx\n"
            f"    data: {{a: '1'}}\n    output: \"{output}\"\n",
            encoding="utf-8",
        )
        return ["bundle", str(recipe), "-o", str(tmp / "out")]

    return args


BOMB = with_entries(GOOD, lying_member("word/media/image1.png", MB, 3 * 1024**3))
LINKED = with_references(
    p("{{ a }}") + linked_picture("rIdL", 3), ("rIdL", "image", "file:///etc/passwd")
)

NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
MACRO = "{% macro f(n) %}{{ f(n + 1) }}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
PARENS = "{{ " + "(" * 500 + "1" + ")" * 500 + " }}"
DUPLICATE = with_entries(GOOD, zipout.deflated_entry("word/document.xml", b"<x/>"))
BAD_STYLES = with_entries(GOOD, zipout.deflated_entry("word/styles.xml", b"<w:styles><broken"))
BIG_YAML = "a: 1\nb:\n" + "  - xxxxxxxxxxxxxxxxxxxxxx\n" * 450_000  # 12 MB

CASES: list[Case] = [
    ("lying-zip-check", _check(BOMB), 3, ["陌生人.docx", "word/media/image1.png"]),
    ("lying-zip-render", _render(BOMB), 3, ["陌生人.docx", "word/media/image1.png"]),
    ("bad-crc", _render(bad_crc(GOOD, "word/document.xml")), 3, ["陌生人.docx", "CRC"]),
    ("dtd", _check(_dtd_template()), 3, ["陌生人.docx", "DTD"]),
    ("external-image", _render(LINKED), 3, ["陌生人.docx", "file:///etc/passwd"]),
    ("duplicate-member", _check(DUPLICATE), 3, ["陌生人.docx", "word/document.xml", "2 次"]),
    ("bad-styles", _render(BAD_STYLES), 3, ["陌生人.docx", "word/styles.xml", "XML"]),
    ("string-bomb", _render(make_docx(p("{{ 'a' * 10**9 }}"))), 5, ["陌生人.docx", "字符串"]),
    ("center", _render(make_docx(p("{{ 'a'|center(10**9) }}"))), 5, ["陌生人.docx", "center"]),
    ("lipsum", _render(make_docx(p("{{ lipsum(10**6) }}"))), 5, ["陌生人.docx", "lipsum"]),
    ("big-int", _render(make_docx(p("{{ 10**100000 }}"))), 5, ["陌生人.docx", "整数"]),
    ("nested-range", _render(make_docx(p(NESTED))), 5, ["陌生人.docx", "range(100000)"]),
    ("recursive-macro", _render(make_docx(p(MACRO))), 5, ["陌生人.docx", "递归"]),
    ("500-parentheses", _render(make_docx(p(PARENS))), 3, ["陌生人.docx", "嵌套过深"]),
    ("recipe-loops", _bundle(NESTED + "x.docx"), 8, ["配方.yaml", "steps[0].output", "步"]),
    ("recipe-string", _bundle("{{ 'a' * 10**9 }}"), 8, ["配方.yaml", "字符串"]),
    ("big-yaml", _render(GOOD, "大.yaml", BIG_YAML), 4, ["大.yaml", "2 MB"]),
    (
        "deep-yaml",
        _render(GOOD, "深.yaml", "a: " + "[" * 450 + "]" * 450 + "\n"),
        4,
        ["深.yaml", "嵌套"],
    ),
    (
        "deep-toml",
        _render(GOOD, "深.toml", "a = " + "[" * 1000 + "]" * 1000 + "\n"),
        4,
        ["深.toml", "嵌套"],
    ),
    (
        "open-quote-csv",
        _render(GOOD, "未闭合.csv", 'a,b\n"x,1\n2,3\n'),
        4,
        ["未闭合.csv:2", "引号"],
    ),
    ("yaml-bomb", _render(GOOD, "炸弹.yaml", billion_laughs()), 4, ["炸弹.yaml", "别名"]),
    (
        "deep-json",
        _render(GOOD, "深.json", '{"a": ' + "[" * 1000 + "]" * 1000 + "}"),
        4,
        ["深.json", "嵌套"],
    ),
]


@dataclass(frozen=True)
class _Ended:
    code: int | None  # None: still running at the bound, killed
    message: str
    seconds: float


def _run(args: Callable[[Path], list[str]], folder: Path) -> _Ended:
    folder.mkdir()
    # prlimit sets the cap and execs: no preexec_fn, which is unsafe with threads.
    command = ["prlimit", f"--as={_CAP}", sys.executable, "-m", "docgen", *args(folder)]
    began = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_WALL, check=False)
    except subprocess.TimeoutExpired as err:
        return _Ended(None, str(err.stdout or "") + str(err.stderr or ""), time.monotonic() - began)
    return _Ended(done.returncode, done.stdout + done.stderr, time.monotonic() - began)


def _faults(name: str, code: int, words: list[str], result: _Ended, folder: Path) -> list[str]:
    """What is wrong with how one case ended (nothing: it ended as documented)."""
    if result.code is None:
        return [f"{name}: still running after {_WALL:.0f} s, killed: {result.message[-300:]}"]
    faults = []
    if result.seconds > _WALL:
        faults.append(f"{name}: took {result.seconds:.1f} s")
    if result.code != code:
        faults.append(f"{name}: exit {result.code}, not {code}: {result.message[-300:]}")
    faults += [f"{name}: {word!r} not in {result.message[-300:]!r}" for word in words
               if word not in result.message]  # fmt: skip
    if "内部错误" in result.message:
        faults.append(f"{name}: an internal error")
    if (folder / "out.docx").exists() or any((folder / "out").glob("*.docx")):
        faults.append(f"{name}: wrote a document")
    return faults


def test_every_hostile_case_ends_cleanly_within_20_s(tmp_path: Path) -> None:
    """Documented exit code, never 1; the message names the file and the reason; <= 20 s.

    One test runs the whole matrix, two cases at a time, so the parallelism stays bounded
    however the test runner spreads tests over its workers.
    """
    with ThreadPoolExecutor(max_workers=_AT_ONCE) as pool:
        futures = [(case, pool.submit(_run, case[1], tmp_path / case[0])) for case in CASES]
        faults = [
            fault
            for (name, _args, code, words), future in futures
            for fault in _faults(name, code, words, future.result(), tmp_path / name)
        ]
    assert faults == []
